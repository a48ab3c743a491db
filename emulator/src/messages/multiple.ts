/** CreateMultiple, UpdateMultiple and UpsertMultiple, bound to any table's collection. */
import { errors } from '../http/errors';
import { json, noContent } from '../http/request';
import { parseGuid } from '../util/ids';
import type { MessageCall, PlatformMessage } from './types';

async function runMultiple(name: 'CreateMultiple' | 'UpdateMultiple' | 'UpsertMultiple', { req, service, input, table }: MessageCall) {
  const targets = input.Targets;
  if (!Array.isArray(targets) || targets.length === 0) throw errors.invalidArgument(`${name} needs a non-empty Targets array.`);
  const t = table!;
  const ids = await service.write(async () => {
    const out: string[] = [];
    for (const raw of targets as Array<Record<string, unknown>>) {
      const type = String(raw['@odata.type'] ?? '').replace(/^#?Microsoft\.Dynamics\.CRM\./, '');
      if (type && type !== t.logicalName) throw errors.invalidArgument(`${name} on ${t.entitySetName} received a target of type ${type}.`);
      const { ['@odata.type']: _ignored, ...target } = raw;
      const id = parseGuid(target[t.primaryIdAttribute]);
      if (name === 'CreateMultiple') out.push(await service.records.create(req.ctx, t, target));
      else if (name === 'UpdateMultiple') {
        if (!id) throw errors.invalidArgument(`UpdateMultiple targets need ${t.primaryIdAttribute}.`);
        out.push((await service.records.update(req.ctx, t, id, target, { ifMatch: '*' })).id);
      } else out.push((await service.records.update(req.ctx, t, id ?? '', target, { upsert: true })).id);
    }
    return out;
  });
  if (name === 'UpdateMultiple') return noContent();
  return json(200, { '@odata.context': `${req.root}$metadata#Microsoft.Dynamics.CRM.${name}Response`, Ids: ids });
}

export const multipleMessages: PlatformMessage[] = (['CreateMultiple', 'UpdateMultiple', 'UpsertMultiple'] as const).map((name) => ({
  name,
  binding: 'collection' as const,
  run: (call: MessageCall) => runMultiple(name, call),
}));
