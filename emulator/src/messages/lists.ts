/** Marketing list membership: AddMemberList (bound to list) and AddListMembersList. */
import { errors } from '../http/errors';
import { json, noContent } from '../http/request';
import { parseGuid } from '../util/ids';
import type { PlatformMessage } from './types';

export const listMessages: PlatformMessage[] = [
  {
    name: 'AddListMembersList',
    binding: 'unbound',
    run: async ({ req, service, input }) => {
      const list = input.List as Record<string, unknown> | undefined;
      const listId = parseGuid(list?.listid);
      if (!listId || !Array.isArray(input.Members)) throw errors.invalidArgument('AddListMembersList needs List (with listid) and Members.');
      await service.write(async () => {
        for (const m of input.Members as Array<Record<string, unknown>>) {
          const id = Object.entries(m).find(([k]) => k.endsWith('id') && parseGuid(m[k]))?.[1];
          await service.records.addListMember(req.ctx, listId, String(id ?? ''));
        }
      });
      return noContent();
    },
  },
  {
    name: 'AddMemberList',
    binding: 'record',
    table: 'list',
    run: async ({ req, service, input, id }) => {
      const memberId = await service.write(() => service.records.addListMember(req.ctx, id!, String(input.EntityId ?? '')));
      return json(200, { '@odata.context': `${req.root}$metadata#Microsoft.Dynamics.CRM.AddMemberListResponse`, Id: memberId });
    },
  },
];
