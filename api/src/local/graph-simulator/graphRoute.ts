import type { IncomingHttpHeaders } from 'node:http';

import type { EventStore } from './eventStore';
import type { OrgStore } from './orgStore';
import type { PageState, PageTokens } from './pageTokens';

/**
 * The contract between the simulator's router and its endpoint modules. Each module (users, delta,
 * chats, schedules, events) contributes a list of routes; the router authenticates, scopes to the
 * caller's tenant, applies throttling and faults, and turns thrown GraphHttpErrors into Graph's
 * error JSON. `$batch` is not a route: it dispatches its items through the same pipeline.
 */

export interface GraphLinks {
  /** e.g. `http://localhost:7072/graph/v1.0` */
  readonly v1: string;
  /** `{v1}/$metadata#{fragment}` */
  context(fragment: string): string;
  /** An absolute link to `{v1}{path}?{parameter}={token}` carrying the page state. */
  page(path: string, parameter: '$skiptoken' | '$deltatoken', state: PageState): string;
}

export interface GraphRequestContext {
  method: string;
  /** The path after `/v1.0`, e.g. `/users/abc/manager`. */
  path: string;
  /** Query options keyed by lowercase name. */
  query: Map<string, string>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body of a POST, PATCH or PUT; undefined when there is none. */
  body: unknown;
  /** The tenant of the caller's app token: the only tenant it may see. */
  tenantId: string;
  /** App roles in the caller's token, when the verifier reports them. */
  roles: readonly string[] | undefined;
  store: OrgStore;
  /** Calendar events of every tenant; routes must stay within `tenantId`. */
  events: EventStore;
  tokens: PageTokens;
  links: GraphLinks;
}

export interface GraphResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Matched against the path after `/v1.0`; capture groups become `params` (URL-decoded). */
  pattern: RegExp;
  /** Any one of these app roles is needed, if the token's roles are known. */
  anyRole?: readonly string[];
  handle(context: GraphRequestContext, params: string[]): GraphResult | Promise<GraphResult>;
}

/** Permissions that allow reading users, least privileged first. */
export const READ_USERS_ROLES = [
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];

export function ok(body: unknown): GraphResult {
  return { status: 200, body };
}

/** One page of `items` and whether more follow. */
export function pageOf<T>(
  items: readonly T[],
  offset: number,
  pageSize: number,
): { value: T[]; more: boolean } {
  return { value: items.slice(offset, offset + pageSize), more: offset + pageSize < items.length };
}

/** The `@odata.nextLink` of a paged list when more follow: the same query, one page on. */
export function nextPageLink(
  links: GraphLinks,
  path: string,
  state: Extract<PageState, { offset: number }>,
  more: boolean,
): { '@odata.nextLink'?: string } {
  if (!more) return {};
  return {
    '@odata.nextLink': links.page(path, '$skiptoken', {
      ...state,
      offset: state.offset + state.pageSize,
    }),
  };
}
