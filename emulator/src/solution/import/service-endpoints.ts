/** Service endpoints (webhooks and Azure endpoints), with the URL the solution ships. */
import { errors } from '../../http/errors';
import { parseGuid } from '../../util/ids';
import type { ComponentImporter } from './context';
import { list, text, X } from './xml';

export const serviceEndpointsImporter: ComponentImporter = {
  name: 'service endpoints',
  sections: ['ServiceEndpoints'],
  async run({ customizations, upsert, report }) {
    for (const se of list<X>((customizations.ServiceEndpoints as X | undefined)?.ServiceEndpoint)) {
      const id = parseGuid(se['@_ServiceEndpointId']);
      const name = String(se['@_Name'] ?? '');
      if (!id) throw errors.invalidArgument(`Service endpoint '${name}' has no ServiceEndpointId.`);
      const body: Record<string, unknown> = { name, url: text(se.Url) || null, contract: Number(text(se.Contract) || 8), authtype: Number(text(se.AuthType) || 4), messageformat: Number(text(se.MessageFormat) || 2), connectionmode: Number(text(se.ConnectionMode) || 1), userclaim: Number(text(se.UserClaim) || 1), namespaceformat: Number(text(se.NamespaceFormat) || 1), path: text(se.Path) || null, solutionnamespace: text(se.SolutionNamespace) || null };
      if (text(se.Description)) body.description = text(se.Description);
      await upsert('serviceendpoint', id, body);
      report.endpoints.push(name);
    }
  },
};
