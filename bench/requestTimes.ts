import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

import { addTime } from '../api/src/local/serviceStats';
import type { TimeHistogram } from '../api/src/local/serviceStats';

/**
 * How long this process's outgoing requests took, by the service they went to (the embedded
 * Cosmos server, the Graph simulator, Azurite), from the request's start to its response headers,
 * as the product saw them. Read without touching product code: Node publishes every `http`/`https`
 * client request (what @azure/cosmos and @azure/storage-queue use) on the `http.client.*`
 * diagnostics channels, and undici every `fetch` (the Graph client) on `undici:request:*`.
 * Beside a service process's CPU this says whether its answers are slow because it is busy (its
 * CPU near a core) or because of what the requests wait for on the way (the client's own loop,
 * a machine without a free core).
 */

export type ServiceName = 'cosmos' | 'graph' | 'queues' | 'other';

export type RequestTimes = Record<ServiceName, TimeHistogram>;

/** Starts recording; `ports` say which local port is which service. */
export function recordRequestTimes(ports: { cosmos: number; dev: number; queues: number }): {
  read(): RequestTimes;
  stop(): void;
} {
  const times: RequestTimes = { cosmos: {}, graph: {}, queues: {}, other: {} };
  const serviceOf = (port: number): ServiceName =>
    port === ports.cosmos
      ? 'cosmos'
      : port === ports.dev
        ? 'graph'
        : port === ports.queues
          ? 'queues'
          : 'other';
  const record = (service: ServiceName, ms: number) => addTime(times[service], ms);

  const httpStarted = new WeakMap<ClientRequest, number>();
  const onHttpStart = (message: unknown) => {
    httpStarted.set((message as { request: ClientRequest }).request, performance.now());
  };
  const onHttpResponse = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const started = httpStarted.get(request);
    if (started === undefined) return;
    httpStarted.delete(request);
    const host = String(request.getHeader('host') ?? '');
    record(serviceOf(Number(host.slice(host.lastIndexOf(':') + 1))), performance.now() - started);
  };

  type UndiciRequest = { origin?: string | URL };
  const fetchStarted = new WeakMap<object, number>();
  const onFetchStart = (message: unknown) => {
    fetchStarted.set((message as { request: object }).request, performance.now());
  };
  const onFetchHeaders = (message: unknown) => {
    const request = (message as { request: UndiciRequest }).request;
    const started = fetchStarted.get(request);
    if (started === undefined) return;
    fetchStarted.delete(request);
    const port = Number(new URL(String(request.origin ?? 'http://x:0')).port);
    record(serviceOf(port), performance.now() - started);
  };

  const channels: [string, (message: unknown) => void][] = [
    ['http.client.request.start', onHttpStart],
    ['http.client.response.finish', onHttpResponse],
    ['undici:request:create', onFetchStart],
    ['undici:request:headers', onFetchHeaders],
  ];
  for (const [name, listener] of channels) subscribe(name, listener);
  return {
    read: () => structuredClone(times),
    stop: () => {
      for (const [name, listener] of channels) unsubscribe(name, listener);
    },
  };
}

/** Several processes' times together. */
export function mergeRequestTimes(all: readonly RequestTimes[]): RequestTimes {
  const merged: RequestTimes = { cosmos: {}, graph: {}, queues: {}, other: {} };
  for (const times of all)
    for (const service of Object.keys(merged) as ServiceName[])
      for (const [ms, count] of Object.entries(times[service]))
        merged[service][ms] = (merged[service][ms] ?? 0) + count;
  return merged;
}
