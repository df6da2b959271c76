import {
  ClientAssertionCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
} from '@azure/identity';
import type { TokenCredential } from '@azure/identity';

import type { GraphConfig } from '../config';

/**
 * How a tenant's Graph client authenticates: an `@azure/identity` credential in Azure (the SDK's
 * AuthenticationHandler asks it for tokens), or a token function for the local simulator.
 */
export type GraphAuth =
  | { credential: TokenCredential; getAccessToken?: never }
  | { getAccessToken: () => Promise<string>; credential?: never };

/** App-only Graph access tokens, one cache entry per tenant. */
export type GraphTokenProvider = (tenantId: string) => Promise<string>;

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** Renew a minute before expiry so a token never dies mid-request. */
const RENEW_MARGIN_MS = 60_000;

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Per tenant, what its Graph client authenticates with. Credentials are made once per tenant. */
export function createGraphAuth(
  credential: GraphConfig['credential'],
): (tenantId: string) => GraphAuth {
  if (credential.kind === 'local-client-credentials') {
    const tokens = createLocalTokenProvider(credential);
    return (tenantId) => ({ getAccessToken: () => tokens(tenantId) });
  }
  const credentials = new Map<string, TokenCredential>();
  const make = azureCredentialFactory(credential);
  return (tenantId) => {
    let c = credentials.get(tenantId);
    if (!c) {
      c = make(tenantId);
      credentials.set(tenantId, c);
    }
    return { credential: c };
  };
}

type LocalCredential = Extract<GraphConfig['credential'], { kind: 'local-client-credentials' }>;
type AzureCredential = Exclude<GraphConfig['credential'], LocalCredential>;

/** The local identity issuer's client-credentials grant, cached per tenant until near expiry. */
export function createLocalTokenProvider(
  credential: LocalCredential,
  now: () => number = Date.now,
): GraphTokenProvider {
  const cache = new Map<string, Promise<CachedToken>>();
  const fetchToken = (tenantId: string) => requestLocalToken(credential, tenantId);

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

async function requestLocalToken(
  credential: LocalCredential,
  tenantId: string,
): Promise<CachedToken> {
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
}

/**
 * Azure credentials cache their tokens themselves (MSAL's in-memory cache), so the SDK's
 * provider may ask on every request.
 */
function azureCredentialFactory(
  credential: AzureCredential,
): (tenantId: string) => TokenCredential {
  switch (credential.kind) {
    case 'client-secret':
      return (tenantId) =>
        new ClientSecretCredential(tenantId, credential.clientId, credential.clientSecret);
    case 'federated-managed-identity': {
      // The managed identity's token is the client assertion; the app registration trusts it
      // through a federated credential (docs/deploy.md).
      const identity = new ManagedIdentityCredential(
        credential.managedIdentityClientId ? { clientId: credential.managedIdentityClientId } : {},
      );
      const assertion = async () => {
        const token = await identity.getToken('api://AzureADTokenExchange/.default');
        if (!token) throw new Error('The managed identity returned no token for the exchange');
        return token.token;
      };
      return (tenantId) =>
        new ClientAssertionCredential(tenantId, credential.appClientId, assertion);
    }
  }
}
