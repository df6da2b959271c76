import { networkProblem, problemFromResponse } from './apiProblem';
import type { TokenSource } from '../auth/tokenSource';

/**
 * Calls the Career Board API with the caller's bearer token. Failures become ApiProblem values;
 * a refused token (401) is renewed once before giving up.
 */

export interface ApiRequest {
  body?: unknown;
  /** The ETag this change is based on: a stale one gets 412 and nothing is overwritten. */
  ifMatch?: string | null;
  /** A poll's last ETag: 304 (data null) while nothing changed since. */
  ifNoneMatch?: string | null;
}

export interface ApiResult<T> {
  data: T;
  etag: string | null;
  status: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiClient {
  send<T>(method: HttpMethod, path: string, request?: ApiRequest): Promise<ApiResult<T>>;
  /**
   * A GET whose successful answer is already in hand (the page's early reads, local mode), without
   * asking: taken once. Undefined when it is not, and the read is then sent as usual.
   */
  inHand?<T>(path: string): ApiResult<T> | undefined;
}

/** Where an answer in hand comes from: by the GET's full URL (api/earlyRequests.ts). */
export type AnswersInHand = (url: string) => { data: unknown; etag: string | null } | undefined;

export function createApiClient(
  baseUrl: string,
  tokens: TokenSource,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  answersInHand?: AnswersInHand,
): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');

  async function attempt(
    method: HttpMethod,
    path: string,
    request: ApiRequest,
    freshToken: boolean,
  ) {
    const token = await tokens.getToken(freshToken);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.ifMatch) headers['If-Match'] = request.ifMatch;
    if (request.ifNoneMatch) headers['If-None-Match'] = request.ifNoneMatch;
    try {
      return await fetchImpl(`${root}${path}`, {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
    } catch {
      throw networkProblem();
    }
  }

  const inHand = answersInHand
    ? <T>(path: string): ApiResult<T> | undefined => {
        const answer = answersInHand(`${root}${path}`);
        return answer && { data: answer.data as T, etag: answer.etag, status: 200 };
      }
    : undefined;

  return {
    ...(inHand ? { inHand } : {}),
    async send<T>(
      method: HttpMethod,
      path: string,
      request: ApiRequest = {},
    ): Promise<ApiResult<T>> {
      let response = await attempt(method, path, request, false);
      if (response.status === 401) response = await attempt(method, path, request, true);
      const text = await response.text().catch(() => '');
      // A file download (the Markdown export) is text; everything else the API sends is JSON.
      const isFile = /^text\/markdown\b/i.test(response.headers.get('Content-Type') ?? '');
      const body: unknown = text ? (isFile ? text : safeJson(text)) : null;
      if (response.status === 304)
        return { data: null as T, etag: response.headers.get('ETag'), status: 304 };
      if (!response.ok) throw problemFromResponse(response.status, body);
      return { data: body as T, etag: response.headers.get('ETag'), status: response.status };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
