import {
  ClientAssertionCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
} from '@azure/identity';
import type { TokenCredential } from '@azure/identity';

import type { GraphConfig } from '../config';

/** App-only Graph access tokens, one cache entry per tenant. */
export type GraphTokenProvider = (tenantId: string) => Promise<string>;

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** Renew a minute before expiry so a token never dies mid-request. */
const RENEW_MARGIN_MS = 60_000;

interface CachedToken {
  token: string;
  expiresAt: number;
}

export function createGraphTokenProvider(
  credential: GraphConfig['credential'],
  now: () => number = Date.now,
): GraphTokenProvider {
  const cache = new Map<string, Promise<CachedToken>>();
  const fetchToken = tokenSource(credential);

  return async (tenantId) => {
    const cached = cache.get(tenantId);
    if (cached) {
      const entry = await cached.catch(() => undefined);
      if (entry && entry.expiresAt - RENEW_MARGIN_MS > now()) return entry.token;
    }
    const pending = fetchToken(tenantId);
    cache.set(tenantId, pending);
    try {
      return (await pending).token;
    } catch (error) {
      cache.delete(tenantId);
      throw error;
    }
  };
}

function tokenSource(
  credential: GraphConfig['credential'],
): (tenantId: string) => Promise<CachedToken> {
  switch (credential.kind) {
    case 'local-client-credentials':
      return async (tenantId) => {
        const response = await fetch(credential.tokenUrlTemplate.replace('{tenantid}', tenantId), {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: credential.clientId,
            client_secret: credential.clientSecret,
            scope: GRAPH_SCOPE,
          }),
        });
        if (!response.ok) {
          throw new Error(
            `Token endpoint refused client credentials for tenant ${tenantId}: ${response.status}`,
          );
        }
        const body = (await response.json()) as { access_token: string; expires_in: number };
        return { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
      };
    case 'client-secret': {
      const credentials = new Map<string, TokenCredential>();
      return (tenantId) => {
        let c = credentials.get(tenantId);
        if (!c) {
          c = new ClientSecretCredential(tenantId, credential.clientId, credential.clientSecret);
          credentials.set(tenantId, c);
        }
        return fromAzureIdentity(c);
      };
    }
    case 'federated-managed-identity': {
      // The managed identity's token is the client assertion; the app registration trusts it.
      const identity = new ManagedIdentityCredential(
        credential.managedIdentityClientId ? { clientId: credential.managedIdentityClientId } : {},
      );
      const assertion = async () => {
        const token = await identity.getToken('api://AzureADTokenExchange/.default');
        if (!token) throw new Error('The managed identity returned no token for the exchange');
        return token.token;
      };
      const credentials = new Map<string, TokenCredential>();
      return (tenantId) => {
        let c = credentials.get(tenantId);
        if (!c) {
          c = new ClientAssertionCredential(tenantId, credential.appClientId, assertion);
          credentials.set(tenantId, c);
        }
        return fromAzureIdentity(c);
      };
    }
  }
}

async function fromAzureIdentity(credential: TokenCredential): Promise<CachedToken> {
  const token = await credential.getToken(GRAPH_SCOPE);
  if (!token) throw new Error('No Graph token was returned by the Azure credential');
  return { token: token.token, expiresAt: token.expiresOnTimestamp };
}
