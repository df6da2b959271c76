import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { sendJson } from '../http-utils';
import { chatRoutes } from './chatRoutes';
import { deltaRoutes } from './deltaRoutes';
import {
  GraphHttpError,
  graphErrorBody,
  insufficientPrivileges,
  invalidToken,
  badRequest,
  segmentNotFound,
} from './graphErrors';
import type { GraphLinks, GraphRequestContext, GraphRoute } from './graphRoute';
import { readQueryOptions } from './odataQuery';
import type { OrgStore } from './orgStore';
import { createPageTokens } from './pageTokens';
import type { PageTokens } from './pageTokens';
import { userRoutes } from './userRoutes';

export { oneOnOneChatId } from './chatRoutes';

/**
 * A local Microsoft Graph for the subset Career Board calls, served under `/graph/v1.0/`. Every
 * request needs an app-only token from the local identity issuer, and a token sees only its own
 * tenant. Endpoints live in route modules; calendars, `$batch`, throttling and faults can be added
 * as further modules through `routes`.
 */

export interface VerifiedCaller {
  tenantId: string;
  /** App roles, if the verifier reports them; routes that need a role then enforce it. */
  roles?: string[];
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
}

export interface GraphSimulator {
  /** Serves `/graph/v1.0/...`; returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

const PREFIX = '/graph/v1.0';
const ODATA_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function createGraphSimulator(options: GraphSimulatorOptions): GraphSimulator {
  const routes = [...deltaRoutes(), ...userRoutes(), ...chatRoutes(), ...(options.routes ?? [])];
  const tokens = createPageTokens(options.tokenSecret ?? 'career-board-local-graph-simulator');
  const baseUrl = () =>
    (typeof options.publicBaseUrl === 'function'
      ? options.publicBaseUrl()
      : options.publicBaseUrl
    ).replace(/\/+$/, '');

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    const requestId = randomUUID();
    const clientRequestId = headerValue(req, 'client-request-id') ?? requestId;
    const traceHeaders = { 'request-id': requestId, 'client-request-id': clientRequestId };
    try {
      const v1 = `${baseUrl()}/v1.0`;
      const caller = await options.verifyToken(headerValue(req, 'authorization'));
      if (!caller) {
        throw invalidToken(
          req.headers.authorization ? 'Access token validation failure.' : 'Access token is empty.',
        );
      }
      const search = new URL(req.url ?? path, 'http://simulator.invalid').searchParams;
      const subPath = unwrapAbsoluteLink(path.slice(PREFIX.length) || '/', v1);
      const { route, params } = matchRoute(routes, req.method ?? 'GET', subPath);
      if (
        route.anyRole &&
        caller.roles &&
        !route.anyRole.some((role) => caller.roles?.includes(role))
      ) {
        throw insufficientPrivileges();
      }
      const context: GraphRequestContext = {
        method: req.method ?? 'GET',
        path: subPath,
        query: readQueryOptions(search),
        headers: req.headers,
        tenantId: caller.tenantId,
        roles: caller.roles,
        store: options.store,
        tokens,
        links: createLinks(v1, tokens, caller.tenantId, options.store.epoch),
      };
      const result = await route.handle(context, params);
      sendJson(res, result.status, result.body, {
        'Content-Type': ODATA_JSON,
        ...traceHeaders,
        ...result.headers,
      });
    } catch (error) {
      const graphError =
        error instanceof GraphHttpError
          ? error
          : new GraphHttpError(
              500,
              'generalException',
              `The Graph simulator failed: ${(error as Error).message}`,
            );
      sendJson(res, graphError.status, graphErrorBody(graphError, requestId, clientRequestId), {
        ...traceHeaders,
        ...graphError.headers,
      });
    }
    return true;
  }

  return { handle };
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

function matchRoute(
  routes: GraphRoute[],
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

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
