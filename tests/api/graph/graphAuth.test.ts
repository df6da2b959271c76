import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
} from '@microsoft/microsoft-graph-client';
import type { Client, Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

import { createGraphAuth } from '../../../api/src/graph/accessTokens';
import { createGraphClient } from '../../../api/src/graph/graphClient';
import { MailboxPacingMiddleware } from '../../../api/src/graph/mailboxPacing';

/**
 * Which authentication each mode's Graph client is built with. Inspecting the SDK's chain reads
 * private fields (there is no public accessor); the behaviour over a real socket is proven in
 * graphClient.int.test.ts.
 */

interface Inspectable {
  httpClient: { middleware: Middleware };
}
interface WithNext {
  nextMiddleware?: Middleware;
  next?: Middleware;
}

function chainOf(client: Client): Middleware[] {
  const chain: Middleware[] = [];
  for (
    let m: Middleware | undefined = (client as unknown as Inspectable).httpClient.middleware;
    m;
    m = (m as WithNext).nextMiddleware ?? (m as WithNext).next
  ) {
    chain.push(m);
  }
  return chain;
}

const credential: TokenCredential = {
  getToken: () => Promise.resolve({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }),
};

describe('Graph authentication', () => {
  it('in Azure, the chain is the SDK AuthenticationHandler over the given TokenCredential, then retry, mailbox pacing, redirect, HTTP', () => {
    const chain = chainOf(
      createGraphClient({ baseUrl: 'https://graph.microsoft.com/', credential }),
    );
    expect(chain.map((m) => m.constructor)).toEqual([
      AuthenticationHandler,
      RetryHandler,
      MailboxPacingMiddleware,
      RedirectHandler,
      HTTPMessageHandler,
    ]);
    const provider = (chain[0] as unknown as { authenticationProvider: unknown })
      .authenticationProvider;
    expect(provider).toBeInstanceOf(TokenCredentialAuthenticationProvider);
    expect(provider).toMatchObject({
      tokenCredential: credential,
      authenticationProviderOptions: { scopes: ['https://graph.microsoft.com/.default'] },
    });
  });

  it('against the local simulator, our own middleware attaches the token (http is not a Graph host)', () => {
    const chain = chainOf(
      createGraphClient({
        baseUrl: 'http://localhost:7072/graph/',
        getAccessToken: () => Promise.resolve('t'),
      }),
    );
    expect(chain[0]).not.toBeInstanceOf(AuthenticationHandler);
    expect(chain.slice(1).map((m) => m.constructor)).toEqual([
      RetryHandler,
      MailboxPacingMiddleware,
      RedirectHandler,
      HTTPMessageHandler,
    ]);
  });

  it('in Azure, each tenant gets its own credential for the app registration, made once', () => {
    const federated = createGraphAuth({
      kind: 'federated-managed-identity',
      appClientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      managedIdentityClientId: 'mi-client-id',
    });
    const contoso = federated('11111111-2222-4333-8444-555555555555');
    expect(contoso.credential).toBeInstanceOf(ClientAssertionCredential);
    expect(federated('11111111-2222-4333-8444-555555555555').credential).toBe(contoso.credential);
    expect(federated('99999999-2222-4333-8444-555555555555').credential).not.toBe(
      contoso.credential,
    );

    const secret = createGraphAuth({ kind: 'client-secret', clientId: 'c', clientSecret: 's' });
    expect(secret('11111111-2222-4333-8444-555555555555').credential).toBeInstanceOf(
      ClientSecretCredential,
    );
  });

  it('locally, a tenant gets a token function, not a credential', () => {
    const local = createGraphAuth({
      kind: 'local-client-credentials',
      tokenUrlTemplate: 'http://localhost:1/identity/{tenantid}/oauth2/v2.0/token',
      clientId: 'c',
      clientSecret: 's',
    });
    const auth = local('11111111-2222-4333-8444-555555555555');
    expect(auth.credential).toBeUndefined();
    expect(typeof auth.getAccessToken).toBe('function');
  });
});
