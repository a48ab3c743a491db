import { ConfidentialClientApplication, ManagedIdentityApplication } from '@azure/msal-node';
import type { DataverseAuth } from '../config/settings';

export type TokenProvider = () => Promise<string>;

/**
 * Access tokens for the Dataverse Web API as the backend's application user. MSAL caches tokens
 * and refreshes them before expiry; the scope is the environment URL itself.
 */
export function createTokenProvider(dataverseUrl: string, auth: DataverseAuth): TokenProvider {
  switch (auth.kind) {
    case 'static-token':
      return async () => auth.token;
    case 'client-secret': {
      const client = new ConfidentialClientApplication({
        auth: { clientId: auth.clientId, clientSecret: auth.clientSecret, authority: `${auth.authorityHost.replace(/\/+$/, '')}/${auth.tenantId}` },
      });
      return async () => {
        const result = await client.acquireTokenByClientCredential({ scopes: [`${dataverseUrl}/.default`] });
        if (!result?.accessToken) throw new Error('Entra ID returned no access token for Dataverse.');
        return result.accessToken;
      };
    }
    case 'managed-identity': {
      const client = new ManagedIdentityApplication(auth.clientId ? { managedIdentityIdParams: { userAssignedClientId: auth.clientId } } : undefined);
      return async () => (await client.acquireToken({ resource: dataverseUrl })).accessToken;
    }
  }
}
