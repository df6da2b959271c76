import { startStack } from '../../api/src/local/stack';
import type { Stack, StackOptions } from '../../api/src/local/stack';

/** A whole local stack on ephemeral ports, with helpers to call the API as a demo person. */

export interface ApiCall {
  as?: string | null;
  token?: string;
  method?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  contentType: string;
}

export interface TestStack extends Stack {
  tokenFor(
    userId: string,
    options?: { expiresInSeconds?: number; audience?: string },
  ): Promise<string>;
  call<T = unknown>(path: string, options?: ApiCall): Promise<ApiResult<T>>;
}

export async function startTestStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  const stack = await startStack({
    ports: { api: 0, tab: 0, dev: 0, cosmos: 0, queues: 0 },
    orgChartCacheSeconds: 0,
    ...options,
  });
  const tokens = new Map<string, string>();

  const tokenFor: TestStack['tokenFor'] = async (userId, opts) => {
    const user = stack.orgStore.snapshot().users.find((u) => u.id === userId);
    if (!user) throw new Error(`No demo user ${userId}`);
    if (opts) return stack.issuer.mintUserToken(user, opts);
    let token = tokens.get(userId);
    if (!token) {
      token = await stack.issuer.mintUserToken(user);
      tokens.set(userId, token);
    }
    return token;
  };

  const call: TestStack['call'] = async (path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token ?? (opts.as ? await tokenFor(opts.as) : undefined);
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(`${stack.urls.api}${path}`, {
      method: opts.method ?? 'GET',
      headers,
      body,
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: (text && contentType.includes('json') ? JSON.parse(text) : text) as never,
      contentType,
    };
  };

  return { ...stack, tokenFor, call };
}
