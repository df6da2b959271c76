import type { TokenCredential } from '@azure/identity';
import { MailboxPacingMiddleware } from './mailboxPacing';
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

import type { GraphConfig } from '../config';
import { createGraphAuth, GRAPH_SCOPE } from './accessTokens';

interface CommonOptions {
  /** Base URL without the version, e.g. `https://graph.microsoft.com/`; the client appends `v1.0`. */
  baseUrl: string;
  /**
   * Retries for 429/503/504 on single requests, honouring Retry-After (default 3); a throttled
   * mailbox also holds back its other requests until then (mailboxPacing.ts).
   */
  maxRetries?: number;
}

/**
 * Azure: an `@azure/identity` credential, through the SDK's own AuthenticationHandler and
 * TokenCredentialAuthenticationProvider. Local simulator: a function that returns a token,
 * attached by our own middleware (the SDK attaches tokens to https hosts only).
 */
export type GraphClientOptions = CommonOptions &
  (
    | { credential: TokenCredential; getAccessToken?: never }
    | { getAccessToken: () => Promise<string>; credential?: never }
  );

export function createGraphClient(options: GraphClientOptions): Client {
  const retry = new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 3));
  const pacing = new MailboxPacingMiddleware();
  const redirect = new RedirectHandler();
  const http = new HTTPMessageHandler();
  retry.setNext(pacing);
  pacing.setNext(redirect);
  redirect.setNext(http);

  if (options.credential) {
    const auth = new AuthenticationHandler(
      new TokenCredentialAuthenticationProvider(options.credential, { scopes: [GRAPH_SCOPE] }),
    );
    auth.setNext(retry);
    return Client.initWithMiddleware({
      middleware: auth,
      baseUrl: options.baseUrl,
      defaultVersion: 'v1.0',
      // The handler attaches the token to Graph's own hosts; a configured base URL elsewhere (a
      // national cloud not in the SDK's list, a test stand-in) is named so it gets one too.
      customHosts: new Set([new URL(options.baseUrl).hostname]),
    });
  }

  const auth = new BearerTokenMiddleware(options.baseUrl, options.getAccessToken);
  auth.setNext(retry);
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: options.baseUrl,
    defaultVersion: 'v1.0',
  });
}

/** One Graph client per tenant, each authenticated as configured (app-only, for that tenant). */
export function createGraphClientFactory(graph: GraphConfig): (tenantId: string) => Client {
  const authFor = createGraphAuth(graph.credential);
  const clients = new Map<string, Client>();
  return (tenantId) => {
    let client = clients.get(tenantId);
    if (!client) {
      client = createGraphClient({ baseUrl: graph.baseUrl, ...authFor(tenantId) });
      clients.set(tenantId, client);
    }
    return client;
  };
}

/**
 * Local simulator only. The SDK's AuthenticationHandler attaches tokens only to https Graph hosts
 * (or https customHosts), so the simulator on plain http would receive none (shared/TOOLCHAIN.md).
 * This middleware adds the token itself, but only for requests under the configured base URL, so
 * a token never leaks to another host (e.g. a nextLink pointing elsewhere).
 */
class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly getAccessToken: () => Promise<string>,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (url.startsWith(this.baseUrl)) {
      const token = await this.getAccessToken();
      // FetchOptions.headers is typed with the DOM's HeadersInit, which Node's Headers accepts.
      const headers = new Headers(
        context.options?.headers as ConstructorParameters<typeof Headers>[0],
      );
      headers.set('Authorization', `Bearer ${token}`);
      context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    }
    if (!this.next) throw new Error('BearerTokenMiddleware must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
