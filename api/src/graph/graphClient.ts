import {
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export interface GraphClientOptions {
  /** Base URL without the version, e.g. `https://graph.microsoft.com/`; the client appends `v1.0`. */
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  /** Retries for 429/503/504 on single requests, honouring Retry-After. */
  maxRetries?: number;
}

/**
 * The SDK's default auth middleware only attaches tokens to Graph's own https hosts, so a local
 * simulator on plain http would receive none. This chain adds the token itself, but only for
 * requests under the configured base URL, so a token never leaks to another host (e.g. a
 * nextLink pointing elsewhere).
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const auth = new BearerTokenMiddleware(options.baseUrl, options.getAccessToken);
  const retry = new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 3));
  const redirect = new RedirectHandler();
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(http);
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: options.baseUrl,
    defaultVersion: 'v1.0',
  });
}

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
