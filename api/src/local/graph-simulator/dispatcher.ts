import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

import type { EventStore } from './eventStore';
import type { FaultDecision, FaultInjector } from './faults';
import {
  GraphHttpError,
  badRequest,
  graphErrorBody,
  insufficientPrivileges,
  segmentNotFound,
} from './graphErrors';
import type { GraphLinks, GraphRoute } from './graphRoute';
import type { GraphStats } from './graphStats';
import { routeLabel } from './graphStats';
import { mailboxKey, mailboxSegment } from './mailboxes';
import { readQueryOptions } from './odataQuery';
import type { OrgStore } from './orgStore';
import type { PageTokens } from './pageTokens';
import type { CalendarLimits, MailboxThrottle, ThrottleVerdict } from './throttling';
import type { GraphRequestClass, LatencySampler } from './latencyModel';

/**
 * The path every Graph request takes once its caller is known, whether it came alone or as a
 * `$batch` item: count it, maybe fail it on purpose, apply the per-mailbox limits, simulate
 * service time, run the route, and turn any error into Graph's error JSON. Keeping single
 * requests and batch items on one path is what makes a batch item throttled or faulted on its own.
 */

export interface GraphCaller {
  tenantId: string;
  roles?: readonly string[];
  /** The calling app, when the token verifier reports it; limits are per app and mailbox. */
  appId?: string;
}

export interface GraphCall {
  method: string;
  /** The path after `/v1.0`, e.g. `/users/abc/events`. */
  path: string;
  search: URLSearchParams;
  /** Lowercase names, as Node gives them. */
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface DispatchResult {
  status: number;
  /** undefined for responses without a body (204, 202). */
  body: unknown;
  headers: Record<string, string>;
}

export interface GraphDispatcherOptions {
  routes: readonly GraphRoute[];
  store: OrgStore;
  events: EventStore;
  tokens: PageTokens;
  linksFor(tenantId: string): GraphLinks;
  limits: CalendarLimits;
  throttle: MailboxThrottle;
  faults: FaultInjector;
  stats: GraphStats;
  /** Graph's service time for calendar and directory requests (latencyModel.ts); null: none. */
  latency?: LatencySampler | null;
}

export interface GraphDispatcher {
  dispatch(call: GraphCall, caller: GraphCaller): Promise<DispatchResult>;
}

export const ODATA_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const ERROR_JSON = 'application/json';

const EVENT_CREATION = /^\/users\/[^/]+(?:\/calendar)?\/events\/?$/i;
/** Directory reads: users (and their manager, reports, delta pages) and groups. */
const DIRECTORY_READ = /^\/(?:users|groups)(?:[/?(]|$)/i;

/** Which latency a request gets: mailbox requests are calendar work, GETs of people directory. */
export function latencyClassOf(
  method: string,
  path: string,
  isMailbox: boolean,
): GraphRequestClass | null {
  if (isMailbox) return 'calendar';
  return method === 'GET' && DIRECTORY_READ.test(path) ? 'directory' : null;
}

export function createGraphDispatcher(options: GraphDispatcherOptions): GraphDispatcher {
  const { routes, store, faults, stats, throttle, limits } = options;
  const latency = options.latency ?? null;
  const serviceTimeMs = (method: string, path: string, isMailbox: boolean): number => {
    const kind = latency && latencyClassOf(method, path, isMailbox);
    return (isMailbox ? limits.latencyMs : 0) + (kind ? latency.next(kind) : 0);
  };

  async function dispatch(call: GraphCall, caller: GraphCaller): Promise<DispatchResult> {
    const trace = traceIds(call.headers);
    const segment = mailboxSegment(call.path);
    const mailbox = segment === null ? null : mailboxKey(store, caller.tenantId, segment);
    stats.request(routeLabel(call.method, call.path), mailbox);
    try {
      const { route, params } = matchRoute(routes, call.method, call.path);
      if (route.anyRole && caller.roles && !route.anyRole.some((r) => caller.roles?.includes(r))) {
        throw insufficientPrivileges();
      }
      const fault = faults.decide({
        isMailbox: mailbox !== null,
        isEventCreation: call.method === 'POST' && EVENT_CREATION.test(call.path),
      });
      if (fault && !fault.afterEffect) {
        stats.faulted();
        return faultResult(fault, trace);
      }
      const verdict: ThrottleVerdict | null =
        mailbox === null
          ? null
          : throttle.admit(`${caller.appId ?? 'app'}|${caller.tenantId}|${mailbox}`);
      if (verdict && !verdict.admitted) {
        stats.throttled();
        return throttledResult(verdict, limits, trace);
      }
      try {
        // Service time holds the slot, so concurrent requests to one mailbox really overlap.
        const serviceMs = serviceTimeMs(call.method, call.path, verdict !== null);
        if (serviceMs > 0) await sleep(serviceMs);
        else if (verdict) await nextTurn();
        const result = await route.handle(
          {
            method: call.method,
            path: call.path,
            query: readQueryOptions(call.search),
            headers: call.headers,
            body: call.body,
            tenantId: caller.tenantId,
            roles: caller.roles,
            store,
            events: options.events,
            tokens: options.tokens,
            links: options.linksFor(caller.tenantId),
          },
          params,
        );
        if (fault?.afterEffect) {
          stats.faulted();
          return faultResult(fault, trace);
        }
        return {
          status: result.status,
          body: result.body,
          headers: {
            ...(result.body === undefined ? {} : { 'Content-Type': ODATA_JSON }),
            ...traceHeaders(trace),
            ...result.headers,
          },
        };
      } finally {
        if (verdict?.admitted) verdict.release();
      }
    } catch (error) {
      return errorResult(asGraphError(error), trace);
    }
  }

  return { dispatch };
}

interface Trace {
  requestId: string;
  clientRequestId: string;
}

function traceIds(headers: IncomingHttpHeaders): Trace {
  const requestId = randomUUID();
  const sent = headers['client-request-id'];
  return { requestId, clientRequestId: (Array.isArray(sent) ? sent[0] : sent) ?? requestId };
}

const traceHeaders = (trace: Trace) => ({
  'request-id': trace.requestId,
  'client-request-id': trace.clientRequestId,
});

export function asGraphError(error: unknown): GraphHttpError {
  return error instanceof GraphHttpError
    ? error
    : new GraphHttpError(
        500,
        'generalException',
        `The Graph simulator failed: ${error instanceof Error ? error.message : String(error)}`,
      );
}

export function errorResult(error: GraphHttpError, trace: Trace): DispatchResult {
  return {
    status: error.status,
    body: graphErrorBody(error, trace.requestId, trace.clientRequestId),
    headers: { 'Content-Type': ERROR_JSON, ...traceHeaders(trace), ...error.headers },
  };
}

function throttledResult(
  verdict: Extract<ThrottleVerdict, { admitted: false }>,
  limits: CalendarLimits,
  trace: Trace,
): DispatchResult {
  const message =
    verdict.reason === 'MailboxConcurrency'
      ? 'Application is over its MailboxConcurrency limit.'
      : `Application is over its request limit for this mailbox (${limits.requestsPerWindow} requests per ${limits.windowMs / 1000} seconds).`;
  return errorResult(
    new GraphHttpError(429, 'ApplicationThrottled', message, {
      'Retry-After': String(verdict.retryAfterSeconds),
    }),
    trace,
  );
}

const FAULT_ERRORS: Record<FaultDecision['status'], [code: string, message: string]> = {
  429: ['TooManyRequests', 'Too many requests.'],
  500: ['generalException', 'An internal server error occurred.'],
  502: ['BadGateway', 'The service could not be reached.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable.'],
  504: ['GatewayTimeout', 'The request timed out.'],
};

function faultResult(fault: FaultDecision, trace: Trace): DispatchResult {
  const [code, message] = FAULT_ERRORS[fault.status];
  return errorResult(
    new GraphHttpError(
      fault.status,
      code,
      `${message} (Fault injected by the local Graph simulator.)`,
      {
        'x-simulator-fault': fault.afterEffect ? 'after-effect' : 'before-effect',
        ...(fault.retryAfterSeconds === null
          ? {}
          : { 'Retry-After': String(fault.retryAfterSeconds) }),
      },
    ),
    trace,
  );
}

function matchRoute(
  routes: readonly GraphRoute[],
  method: string,
  path: string,
): { route: GraphRoute; params: string[] } {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    try {
      return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
    } catch {
      throw badRequest(`The request path '${path}' is not correctly encoded.`);
    }
  }
  if (pathMatched) {
    throw new GraphHttpError(
      405,
      'Request_BadRequest',
      `The HTTP method '${method}' is not allowed for this resource.`,
    );
  }
  throw segmentNotFound(path.split('/').filter(Boolean)[0] ?? '');
}
