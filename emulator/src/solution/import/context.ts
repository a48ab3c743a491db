/** What every component importer receives: the zip's files, the parsed customizations and the report. */
import type { CallerContext, Engine } from '../../engine';
import type { DataverseService } from '../../service';
import type { X } from './xml';

export interface ImportReport {
  solution: string;
  tables: string[];
  columns: number;
  customApis: string[];
  endpoints: string[];
  steps: string[];
  notModelled: string[];
}

export interface ImportContext {
  service: DataverseService;
  engine: Engine;
  ctx: CallerContext;
  /** The zip's files by path. */
  files: Record<string, Uint8Array>;
  /** Parses one XML file of the zip. */
  read(path: string): X;
  /** `ImportExportXml` of customizations.xml. */
  customizations: X;
  /** `SolutionManifest` of solution.xml. */
  manifest: X;
  report: ImportReport;
  /** Creates or updates a row through the platform (so its steps and defaults apply). */
  upsert(table: string, id: string, body: Record<string, unknown>): Promise<void>;
}

/** Imports one kind of component; `sections` are the customizations.xml sections it consumes. */
export interface ComponentImporter {
  name: string;
  sections: readonly string[];
  /** Parts of each `<Entity>` it consumes (FormXml, SavedQueries, RibbonDiffXml, Visualizations). */
  entityParts?: readonly string[];
  run(ctx: ImportContext): Promise<void> | void;
}
