/** The publisher and solution rows, and the import job that records what was imported. */
import type { ImportContext } from './context';
import { labelsOf, text, X } from './xml';
import { newId, stableId } from '../../util/ids';

export async function recordSolution({ engine, manifest, upsert, report }: ImportContext, startedOn: string, importJobId: string | undefined): Promise<void> {
  const publisher = (manifest.Publisher ?? {}) as X;
  const publisherName = text(publisher.UniqueName);
  const publisherId = stableId(`publisher:${publisherName}`);
  if (publisherName) {
    await upsert('publisher', publisherId, { uniquename: publisherName, friendlyname: Object.values(labelsOf(publisher.LocalizedNames, 'LocalizedName'))[0] ?? publisherName, customizationprefix: text(publisher.CustomizationPrefix) || null, customizationoptionvalueprefix: Number(text(publisher.CustomizationOptionValuePrefix) || 0) });
  }
  await upsert('solution', stableId(`solution:${report.solution}`), {
    uniquename: report.solution,
    friendlyname: Object.values(labelsOf(manifest.LocalizedNames, 'LocalizedName'))[0] ?? report.solution,
    version: text(manifest.Version) || null,
    ismanaged: text(manifest.Managed) === '1',
    installedon: engine.now(),
    ...(publisherName ? { 'publisherid@odata.bind': `/publishers(${publisherId})` } : {}),
  });
  await upsert('importjob', importJobId ?? newId(), { name: report.solution, solutionname: report.solution, progress: 100, startedon: startedOn, completedon: engine.now(), data: JSON.stringify(report) });
}
