/**
 * ImportSolution: reads a solution zip (fflate) and its XML (fast-xml-parser) as laid out in the
 * solution reference (solution.xml, customizations.xml, customapis/, environmentvariabledefinitions/)
 * and hands each kind of component to its importer, in dependency order (choices before the columns
 * that use them, Custom APIs before the steps registered on their messages…).
 * Components no importer models (forms, views, ribbons, roles, apps…) are counted in the import
 * job's log; a table, column, choice, Custom API, endpoint or step is never dropped silently: what
 * cannot be modelled fails the import with a message that names it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { CallerContext } from '../../engine';
import { DataverseError, errors } from '../../http/errors';
import type { DataverseService } from '../../service';
import { choicesImporter } from './choices';
import type { ComponentImporter, ImportContext, ImportReport } from './context';
import { customApisImporter } from './custom-apis';
import { entitiesImporter, entitiesOf } from './entities';
import { environmentVariablesImporter } from './environment-variables';
import { relationshipsImporter } from './relationships';
import { sdkStepsImporter } from './sdk-steps';
import { serviceEndpointsImporter } from './service-endpoints';
import { recordSolution } from './solution-record';
import { webResourcesImporter } from './web-resources';
import { workflowsImporter } from './workflows';
import { parseXml, text, X } from './xml';

export type { ImportReport } from './context';

/** In the order they run. */
export const IMPORTERS: readonly ComponentImporter[] = [choicesImporter, entitiesImporter, relationshipsImporter, serviceEndpointsImporter, customApisImporter, sdkStepsImporter, environmentVariablesImporter, webResourcesImporter, workflowsImporter];

/** Parts of an `<Entity>` that an importer may consume (declared in `entityParts`); the others are reported. */
const ENTITY_PARTS = ['FormXml', 'SavedQueries', 'RibbonDiffXml', 'Visualizations'];

export async function importSolution(service: DataverseService, zip: Uint8Array, ctx: CallerContext, importJobId?: string, importers: readonly ComponentImporter[] = IMPORTERS): Promise<ImportReport> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    throw errors.invalidArgument(`The solution file is not a valid compressed (.zip) file: ${(error as Error).message}`);
  }
  const missing = ['solution.xml', 'customizations.xml'].filter((f) => !files[f]);
  if (missing.length) throw new DataverseError(400, '0x80048060', `The solution file is invalid. The compressed file must contain the following files at its root: solution.xml, customizations.xml, and [Content_Types].xml. Missing: ${missing.join(', ')}.`);
  const read = (name: string) => parseXml(strFromU8(files[name]!));
  const engine = service.engine;
  const manifest = ((read('solution.xml').ImportExportXml as X)?.SolutionManifest ?? {}) as X;
  const uniqueName = text(manifest.UniqueName);
  if (!uniqueName) throw errors.invalidArgument('solution.xml has no SolutionManifest/UniqueName.');
  const customizations = (read('customizations.xml').ImportExportXml ?? {}) as X;
  const report: ImportReport = { solution: uniqueName, tables: [], columns: 0, customApis: [], endpoints: [], steps: [], notModelled: [] };
  const startedOn = engine.now();
  const context: ImportContext = {
    service,
    engine,
    ctx,
    files,
    read,
    customizations,
    manifest,
    report,
    upsert: async (tableName, id, body) => {
      await service.records.update(ctx, engine.table(tableName), id, body, { upsert: true });
    },
  };

  for (const importer of importers) await importer.run(context);

  const consumedParts = new Set(importers.flatMap((i) => i.entityParts ?? []));
  for (const { logicalName, entity } of entitiesOf(customizations)) {
    for (const part of ENTITY_PARTS) if (entity[part] && !consumedParts.has(part)) report.notModelled.push(`${logicalName}: ${part}`);
  }
  const handled = new Set(['Languages', ...importers.flatMap((i) => i.sections)]);
  for (const [section, value] of Object.entries(customizations)) {
    if (section.startsWith('@_') || handled.has(section) || value === '' || value === undefined) continue;
    report.notModelled.push(section);
  }

  await recordSolution(context, startedOn, importJobId);
  engine.saveSchema();
  return report;
}
