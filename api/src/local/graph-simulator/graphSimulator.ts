import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { BodyTooLargeError, parseJson, readBody, sendJson } from '../http-utils';
import { activityRoutes, createActivityFeed } from './activityFeed';
import type { ActivityFeed } from './activityFeed';
import { runBatch } from './batchRoute';
import { chatAppRoutes } from './chatAppRoutes';
import { chatRoutes } from './chatRoutes';
import { deltaRoutes } from './deltaRoutes';
import { asGraphError, createGraphDispatcher, errorResult } from './dispatcher';
import type { DispatchResult, GraphCall } from './dispatcher';
import { eventRoutes } from './eventRoutes';
import { createEventStore } from './eventStore';
import type { EventStore } from './eventStore';
import { createFaultInjector } from './faults';
import type { FaultInjector } from './faults';
import { GraphHttpError, invalidToken } from './graphErrors';
import { groupRoutes } from './groupRoutes';
import type { GraphLinks, GraphRoute } from './graphRoute';
import { createGraphStats } from './graphStats';
import type { GraphStats } from './graphStats';
import type { OrgStore } from './orgStore';
import { createPageTokens } from './pageTokens';
import type { PageTokens } from './pageTokens';
import { scheduleRoutes } from './scheduleRoutes';
import { createLatencySampler } from './latencyModel';
import type { GraphLatencyModel } from './latencyModel';
import { createMailboxThrottle, DEFAULT_CALENDAR_LIMITS } from './throttling';
import type { CalendarLimits, MailboxThrottle } from './throttling';
import { userRoutes } from './userRoutes';

export { oneOnOneChatId } from './chatRoutes';
export type { CalendarLimits } from './throttling';
export type { GraphLatencyModel } from './latencyModel';

/**
 * A local Microsoft Graph for the subset Career Board calls, served under `/graph/v1.0/`. Every
 * request needs an app-only token from the local identity issuer, and a token sees only its own
 * tenant. Endpoints live in route modules (users, delta, chats, getSchedule, events, activity
 * notifications); `$batch`
 * items go through the same dispatcher as single requests, which applies Outlook's per-mailbox
 * limits and any injected faults.
 */

export interface VerifiedCaller {
  tenantId: string;
  /** App roles, if the verifier reports them; routes that need a role then enforce it. */
  roles?: string[];
  /** The calling app, if the verifier reports it; Outlook limits are per app and mailbox. */
  appId?: string;
}

export interface GraphSimulatorOptions {
  store: OrgStore;
  verifyToken: (authorization?: string) => Promise<VerifiedCaller | null>;
  /** The simulator's base as clients see it, without the version: `http://localhost:7072/graph`. */
  publicBaseUrl: string | (() => string);
  /** Extra route modules, tried after the built-in ones. */
  routes?: GraphRoute[];
  /** Signs page and delta tokens; not a credential, only makes tokens tamper-evident. */
  tokenSecret?: string;
  /** Calendar events; a new, empty store by default. */
  events?: EventStore;
  /**
   * Outlook limits per app and mailbox; defaults: `concurrentPerMailbox` 4, `requestsPerWindow`
   * 10,000, `windowMs` 600,000, `latencyMs` 0.
   */
  calendarLimits?: Partial<CalendarLimits>;
  /**
   * Graph's service time for calendar and directory requests, on top of `latencyMs` and the
   * limits (latencyModel.ts, DEFAULT_GRAPH_LATENCY). Off unless given: tests stay fast.
   */
  latency?: GraphLatencyModel | null;
  /** Activity notifications sent; a new feed that reads appPackage/manifest.json by default. */
  activityFeed?: ActivityFeed;
}

/** Calendar and activity-feed state, and the knobs the dev controls and tests turn. */
export interface GraphCalendarControls {
  events: EventStore;
  activityFeed: ActivityFeed;
  faults: FaultInjector;
  stats: GraphStats;
  throttle: MailboxThrottle;
  limits: CalendarLimits;
}

export interface GraphSimulator {
  /** Serves `/graph/v1.0/...`; returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
  readonly calendar: GraphCalendarControls;
}

const PREFIX = '/graph/v1.0';
/** Graph accepts request bodies up to 4 MB. */
const MAX_GRAPH_BODY_BYTES = 4 * 1024 * 1024;
const WITH_BODY = new Set(['POST', 'PATCH', 'PUT']);

export function createGraphSimulator(options: GraphSimulatorOptions): GraphSimulator {
  const activityFeed = options.activityFeed ?? createActivityFeed();
  const routes = [
    ...deltaRoutes(),
    ...userRoutes(),
    ...groupRoutes(),
    ...chatRoutes(),
    ...chatAppRoutes(),
    ...scheduleRoutes(),
    ...eventRoutes(),
    ...activityRoutes(activityFeed),
    ...(options.routes ?? []),
  ];
  const tokens = createPageTokens(options.tokenSecret ?? 'career-board-local-graph-simulator');
  const baseUrl = () =>
    (typeof options.publicBaseUrl === 'function'
      ? options.publicBaseUrl()
      : options.publicBaseUrl
    ).replace(/\/+$/, '');
  const limits: CalendarLimits = { ...DEFAULT_CALENDAR_LIMITS, ...options.calendarLimits };
  const calendar: GraphCalendarControls = {
    events: options.events ?? createEventStore(),
    activityFeed,
    faults: createFaultInjector(),
    stats: createGraphStats(),
    throttle: createMailboxThrottle(limits),
    limits,
  };
  const dispatcher = createGraphDispatcher({
    routes,
    store: options.store,
    events: calendar.events,
    tokens,
    linksFor: (tenantId) => createLinks(`${baseUrl()}/v1.0`, tokens, tenantId, options.store.epoch),
    limits,
    throttle: calendar.throttle,
    faults: calendar.faults,
    stats: calendar.stats,
    latency: options.latency ? createLatencySampler(options.latency) : null,
  });

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    const requestId = randomUUID();
    const clientRequestId = headerValue(req, 'client-request-id') ?? requestId;
    const trace = { requestId, clientRequestId };
    let result: DispatchResult;
    try {
      const caller = await options.verifyToken(headerValue(req, 'authorization'));
      if (!caller) {
        throw invalidToken(
          req.headers.authorization ? 'Access token validation failure.' : 'Access token is empty.',
        );
      }
      const method = req.method ?? 'GET';
      const call: GraphCall = {
        method,
        path: unwrapAbsoluteLink(path.slice(PREFIX.length) || '/', `${baseUrl()}/v1.0`),
        search: new URL(req.url ?? path, 'http://simulator.invalid').searchParams,
        headers: req.headers,
        body: WITH_BODY.has(method) ? await readJsonBody(req) : undefined,
      };
      if (call.path === '/$batch' || call.path === '/$batch/') {
        if (method !== 'POST') {
          throw new GraphHttpError(405, 'BadRequest', 'Batch requests must use POST.');
        }
        const basePath = new URL(baseUrl()).pathname.replace(/\/+$/, '');
        const batch = await runBatch(call.body, basePath, (item) =>
          dispatcher.dispatch(item, caller),
        );
        calendar.stats.batch(batch.responses.length);
        result = { status: 200, body: batch, headers: { 'Content-Type': 'application/json' } };
      } else {
        result = await dispatcher.dispatch(call, caller);
      }
    } catch (error) {
      result = errorResult(asGraphError(error), trace);
    }
    const headers = {
      'request-id': requestId,
      'client-request-id': clientRequestId,
      ...result.headers,
    };
    if (result.body === undefined) res.writeHead(result.status, headers).end();
    else sendJson(res, result.status, result.body, headers);
    return true;
  }

  return { handle, calendar };
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(req, MAX_GRAPH_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new GraphHttpError(413, 'RequestEntityTooLarge', error.message);
    }
    throw error;
  }
  try {
    return parseJson(text);
  } catch {
    throw new GraphHttpError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

/** Links carry page state signed for the caller's tenant and this store's lifetime. */
function createLinks(v1: string, tokens: PageTokens, tenantId: string, epoch: string): GraphLinks {
  return {
    v1,
    context: (fragment) => `${v1}/$metadata#${fragment}`,
    page: (path, parameter, state) =>
      `${v1}${path}?${parameter}=${tokens.encode(tenantId, epoch, state)}`,
  };
}

/**
 * graph-client 3.0.7 strips the host from an absolute nextLink only when it is https, so on the
 * plain-http simulator it requests `{base}/v1.0/http://host/graph/v1.0/users?...`. Unwrap that one
 * shape, so PageIterator and `client.api(nextLink)` work locally as they do against Graph.
 */
function unwrapAbsoluteLink(subPath: string, v1: string): string {
  const embedded = subPath.slice(1);
  return embedded.startsWith(`${v1}/`) ? embedded.slice(v1.length) : subPath;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
