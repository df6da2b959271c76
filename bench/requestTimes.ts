import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

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

export interface RequestTimes {
  /** Request start to response headers, by service. */
  requests: Record<ServiceName, TimeHistogram>;
  /**
   * New connections, by service: from asking for the connection (name lookup included) to it
   * being ready to send on (TCP, and TLS for Cosmos DB). A request on a reused connection has none.
   */
  connects: Record<ServiceName, TimeHistogram>;
}

const emptyTimes = (): RequestTimes => ({
  requests: { cosmos: {}, graph: {}, queues: {}, other: {} },
  connects: { cosmos: {}, graph: {}, queues: {}, other: {} },
});

/** Starts recording; `ports` say which local port is which service. */
export function recordRequestTimes(ports: { cosmos: number; dev: number; queues: number }): {
  read(): RequestTimes;
  stop(): void;
} {
  const times = emptyTimes();
  const serviceOf = (port: number): ServiceName =>
    port === ports.cosmos
      ? 'cosmos'
      : port === ports.dev
        ? 'graph'
        : port === ports.queues
          ? 'queues'
          : 'other';
  const record = (service: ServiceName, ms: number) => addTime(times.requests[service], ms);
  const portOf = (host: string) => Number(host.slice(host.lastIndexOf(':') + 1));

  const httpStarted = new WeakMap<ClientRequest, number>();
  const onHttpStart = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const started = performance.now();
    httpStarted.set(request, started);
    const onSocket = (socket: Socket) => {
      if (!socket.connecting) return;
      const service = serviceOf(portOf(String(request.getHeader('host') ?? '')));
      const ready = () => addTime(times.connects[service], performance.now() - started);
      // TLS (Cosmos DB) is ready at secureConnect, plain HTTP (Azurite) at connect.
      if (socket instanceof TLSSocket) socket.once('secureConnect', ready);
      else socket.once('connect', ready);
    };
    // The request usually has its socket when it is announced; otherwise it gets one soon.
    if (request.socket) onSocket(request.socket);
    else request.once('socket', onSocket);
  };
  const onHttpResponse = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const started = httpStarted.get(request);
    if (started === undefined) return;
    httpStarted.delete(request);
    const host = String(request.getHeader('host') ?? '');
    record(serviceOf(portOf(host)), performance.now() - started);
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

  // undici (fetch) announces each new connection before and once it is made.
  // The two announcements carry copies of the same parameters: matched by host, oldest first.
  const connecting = new Map<string, number[]>();
  type ConnectParams = { host: string; port: string };
  const onFetchConnecting = (message: unknown) => {
    const { host } = (message as { connectParams: ConnectParams }).connectParams;
    connecting.set(host, [...(connecting.get(host) ?? []), performance.now()]);
  };
  const onFetchConnected = (message: unknown) => {
    const { host, port } = (message as { connectParams: ConnectParams }).connectParams;
    const started = connecting.get(host)?.shift();
    if (started === undefined) return;
    addTime(times.connects[serviceOf(Number(port))], performance.now() - started);
  };

  const channels: [string, (message: unknown) => void][] = [
    ['undici:client:beforeConnect', onFetchConnecting],
    ['undici:client:connected', onFetchConnected],
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
  const merged = emptyTimes();
  for (const times of all)
    for (const kind of ['requests', 'connects'] as const)
      for (const service of Object.keys(merged[kind]) as ServiceName[])
        for (const [ms, count] of Object.entries(times[kind][service]))
          merged[kind][service][ms] = (merged[kind][service][ms] ?? 0) + count;
  return merged;
}
