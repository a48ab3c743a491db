/** WhoAmI and the publish actions, which every environment answers. */
import { json, noContent } from '../http/request';
import type { PlatformMessage } from './types';

export const platformMessages: PlatformMessage[] = [
  {
    name: 'WhoAmI',
    binding: 'unbound',
    method: 'GET',
    run: async ({ req, service }) =>
      json(200, { '@odata.context': `${req.root}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, BusinessUnitId: service.engine.businessUnitId, UserId: req.ctx.userId, OrganizationId: service.engine.organizationId }),
  },
  // Customizations take effect at import in the emulator: publishing has nothing left to do.
  { name: 'PublishAllXml', binding: 'unbound', run: async () => noContent() },
  { name: 'PublishXml', binding: 'unbound', run: async () => noContent() },
];
