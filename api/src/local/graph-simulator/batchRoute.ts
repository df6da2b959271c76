import type { IncomingHttpHeaders } from 'node:http';

import { z } from 'zod';

import type { DispatchResult, GraphCall } from './dispatcher';
import { GraphHttpError } from './graphErrors';

/**
 * `POST /$batch` (JSON batching): up to 20 requests in one call. The envelope is answered 200 as
 * soon as it parses; each item carries its own status, headers and body, so one item can be
 * throttled (429 with `Retry-After` in its headers) while the others succeed. Items without
 * `dependsOn` run concurrently, which is why more than four items for one mailbox trip Outlook's
 * concurrency limit; an item whose dependency failed is answered 424. Responses come back in
 * completion order, not request order, as Graph allows.
 */

export const MAX_BATCH_REQUESTS = 20;

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

const batchItem = z.object({
  id: z.string().min(1),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(METHODS)),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const batchBody = z.object({ requests: z.array(z.unknown()) });

type BatchItem = z.infer<typeof batchItem>;

export interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const invalid = (message: string) => new GraphHttpError(400, 'BadRequest', message);

/**
 * Runs a batch: `run` dispatches one item through the same pipeline as a single request.
 * `basePath` is the simulator's own path prefix (e.g. `/graph`); the SDK sends item URLs with it
 * when it strips the host from a full URL.
 */
export async function runBatch(
  body: unknown,
  basePath: string,
  run: (call: GraphCall) => Promise<DispatchResult>,
): Promise<{ responses: BatchResponse[] }> {
  const items = parseBatch(body);
  const responses: BatchResponse[] = [];
  const outcomes = new Map<string, Promise<number>>();
  const byId = new Map(items.map((item) => [item.id.toLowerCase(), item]));

  const outcomeOf = (item: BatchItem): Promise<number> => {
    const key = item.id.toLowerCase();
    let outcome = outcomes.get(key);
    if (!outcome) {
      outcome = (async () => {
        const dependencies = (item.dependsOn ?? []).map((id) => {
          const dependency = byId.get(id.toLowerCase());
          // parseBatch checked that every dependency exists.
          return outcomeOf(dependency as BatchItem);
        });
        const statuses = await Promise.all(dependencies);
        const result = statuses.some((s) => s >= 400)
          ? failedDependency()
          : await run(toCall(item, basePath));
        responses.push({
          id: item.id,
          status: result.status,
          headers: result.headers,
          ...(result.body === undefined ? {} : { body: result.body }),
        });
        return result.status;
      })();
      outcomes.set(key, outcome);
    }
    return outcome;
  };

  await Promise.all(items.map(outcomeOf));
  return { responses };
}

function parseBatch(body: unknown): BatchItem[] {
  const envelope = batchBody.safeParse(body);
  if (!envelope.success) throw invalid('Invalid batch payload format.');
  const { requests } = envelope.data;
  if (requests.length === 0) throw invalid('The batch request must contain at least one request.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw invalid('Number of requests inside batch exceeds the limit.');
  }
  const items = requests.map((raw, index) => {
    const parsed = batchItem.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(
        `Invalid batch payload format: request ${index + 1}, ${issue.path.join('.') || 'request'}: ${issue.message}.`,
      );
    }
    return parsed.data;
  });
  const ids = new Set<string>();
  for (const item of items) {
    const key = item.id.toLowerCase();
    if (ids.has(key)) throw invalid(`Batch request contains duplicate id '${item.id}'.`);
    ids.add(key);
  }
  for (const item of items) {
    if (item.body !== undefined && !hasHeader(item.headers, 'content-type')) {
      throw invalid(`Write request id : ${item.id} does not contain Content-Type header or body.`);
    }
    for (const dependency of item.dependsOn ?? []) {
      if (!ids.has(dependency.toLowerCase())) {
        throw invalid(
          `Request id '${item.id}' depends on '${dependency}', which is not in the batch.`,
        );
      }
    }
  }
  assertAcyclic(items);
  return items;
}

function assertAcyclic(items: BatchItem[]): void {
  const byId = new Map(items.map((item) => [item.id.toLowerCase(), item]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (key: string) => {
    if (done.has(key)) return;
    if (visiting.has(key)) throw invalid('The dependsOn properties of the batch form a cycle.');
    visiting.add(key);
    for (const dependency of byId.get(key)?.dependsOn ?? []) visit(dependency.toLowerCase());
    visiting.delete(key);
    done.add(key);
  };
  for (const key of byId.keys()) visit(key);
}

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);
}

function toCall(item: BatchItem, basePath: string): GraphCall {
  const headers: IncomingHttpHeaders = {};
  for (const [key, value] of Object.entries(item.headers ?? {})) headers[key.toLowerCase()] = value;
  const url = new URL(relativeUrl(item.url, basePath), 'http://batch.invalid');
  return {
    method: item.method,
    path: url.pathname,
    search: url.searchParams,
    headers,
    body: decodeBody(item.body),
  };
}

/** `/users`, `users`, `/v1.0/users` or (from the SDK) `{basePath}/v1.0/users` all mean `/users`. */
function relativeUrl(url: string, basePath: string): string {
  let relative = url.startsWith('/') ? url : `/${url}`;
  for (const prefix of [`${basePath}/v1.0/`, '/v1.0/']) {
    if (relative.startsWith(prefix)) relative = relative.slice(prefix.length - 1);
  }
  return relative;
}

/** JSON bodies arrive as objects; others as base64 (Graph's rule), which may still hold JSON. */
function decodeBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as unknown;
  } catch {
    return body;
  }
}

function failedDependency(): DispatchResult {
  return {
    status: 424,
    headers: { 'Content-Type': 'application/json' },
    body: {
      error: { code: 'FailedDependency', message: 'A request this request depends on failed.' },
    },
  };
}
