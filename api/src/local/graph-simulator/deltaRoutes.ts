import type { User } from '@microsoft/microsoft-graph-types';

import type { DemoUser } from '../demo-org/types';
import { READ_USERS_ROLES, ok, pageOf } from './graphRoute';
import type { GraphRequestContext, GraphResult, GraphRoute } from './graphRoute';
import {
  DEFAULT_PAGE_SIZE,
  assertOnlyOptions,
  contextFragment,
  parseSelect,
  parseTop,
  preferredPageSize,
} from './odataQuery';
import type { Selection } from './odataQuery';
import type { OrgChange } from './orgStore';
import type { PageState } from './pageTokens';
import { USER_ODATA_TYPE, renderUser } from './userPayload';

/**
 * `GET /users/delta`, following Graph's change tracking for users:
 * - The first round (no token) pages through every user; its last page carries a deltaLink.
 * - A deltaLink returns users changed since it was issued, with their current state; deleted users
 *   come back as `{id, "@removed": {"reason": "changed" | "deleted"}}` (changed = restorable soft
 *   delete, deleted = purged). A disabled account is a change (`accountEnabled: false`), not a removal.
 * - `$select` decides what is tracked: a change to an unselected property does not bring the user
 *   back. Selecting `manager` adds the `manager@delta` annotation, an array holding
 *   `{"@odata.type": "#microsoft.graph.user", "id"}`; when the manager was removed, the old
 *   manager's entry carries `"@removed": {"reason": "deleted"}`.
 * - Page size: `Prefer: odata.maxpagesize=N` (what Graph honours for delta) or `$top`, up to 999.
 * - `$deltatoken=latest` starts tracking from now without reading the current state.
 */

export function deltaRoutes(): GraphRoute[] {
  return [
    {
      method: 'GET',
      // `/users/delta`, or the fully qualified `/users/microsoft.graph.delta()` the SDKs send.
      pattern: /^\/users\/(?:microsoft\.graph\.)?delta(?:\(\))?\/?$/,
      anyRole: READ_USERS_ROLES,
      handle: usersDelta,
    },
  ];
}

type DeltaQuery = Pick<PageState, 'pageSize' | 'select' | 'manager'>;

function usersDelta(context: GraphRequestContext): GraphResult {
  const { query, tokens, tenantId, store } = context;
  const deltaToken = query.get('$deltatoken');
  const skipToken = query.get('$skiptoken');
  const pageSizeOverride = preferredPageSize(context.headers);

  if (deltaToken === 'latest') {
    const fresh = firstRoundQuery(context);
    return respond(context, fresh, [], {
      kind: 'delta',
      since: store.sequence(tenantId),
      ...fresh,
    });
  }
  if (deltaToken) {
    const state = tokens.decode(deltaToken, tenantId, store.epoch, ['delta']);
    const round = { ...state, pageSize: pageSizeOverride ?? state.pageSize };
    return changesPage(context, {
      ...round,
      kind: 'deltaChanges',
      upto: store.sequence(tenantId),
      offset: 0,
    });
  }
  if (skipToken) {
    const state = tokens.decode(skipToken, tenantId, store.epoch, ['deltaInitial', 'deltaChanges']);
    const paged = { ...state, pageSize: pageSizeOverride ?? state.pageSize };
    return paged.kind === 'deltaInitial'
      ? initialPage(context, paged)
      : changesPage(context, paged);
  }
  const first = firstRoundQuery(context);
  return initialPage(context, {
    kind: 'deltaInitial',
    since: store.sequence(tenantId),
    offset: 0,
    ...first,
  });
}

function firstRoundQuery(context: GraphRequestContext): DeltaQuery {
  assertOnlyOptions(context.query, ['$select', '$top', '$deltatoken']);
  const selection = parseSelect(context.query.get('$select'), { allowManager: true });
  const pageSize =
    preferredPageSize(context.headers) ?? parseTop(context.query.get('$top')) ?? DEFAULT_PAGE_SIZE;
  return { pageSize, select: selection.properties, manager: selection.manager };
}

function initialPage(
  context: GraphRequestContext,
  state: Extract<PageState, { kind: 'deltaInitial' }>,
): GraphResult {
  const selection: Selection = { properties: state.select, manager: state.manager };
  const page = pageOf(context.store.listUsers(context.tenantId), state.offset, state.pageSize);
  const items = page.value.map((user) =>
    withManager(renderUser(user, selection), user, selection, undefined),
  );
  const next: PageState = page.more
    ? { ...state, offset: state.offset + state.pageSize }
    : {
        kind: 'delta',
        since: state.since,
        pageSize: state.pageSize,
        select: state.select,
        manager: state.manager,
      };
  return respond(context, state, items, next);
}

interface UserChanges {
  last: number;
  removed?: OrgChange;
  /** The manager at the start of the window, if the manager changed in it. */
  managerBefore?: string | null;
}

function changesPage(
  context: GraphRequestContext,
  state: Extract<PageState, { kind: 'deltaChanges' }>,
): GraphResult {
  const selection: Selection = { properties: state.select, manager: state.manager };
  const changed = new Map<string, UserChanges>();
  for (const change of context.store.changesSince(context.tenantId, state.since)) {
    if (change.sequence > state.upto || !isTracked(change, selection)) continue;
    const entry = changed.get(change.userId) ?? { last: 0 };
    entry.last = change.sequence;
    entry.removed = change.kind === 'removed' ? change : undefined;
    if (change.properties.includes('manager') && entry.managerBefore === undefined) {
      entry.managerBefore = change.previousManagerId ?? null;
    }
    changed.set(change.userId, entry);
  }
  const ordered = [...changed.entries()].sort((a, b) => a[1].last - b[1].last);
  const page = pageOf(ordered, state.offset, state.pageSize);
  const items = page.value.map(([userId, entry]) => {
    const user = context.store.getUser(context.tenantId, userId);
    if (!user || entry.removed) {
      return {
        id: userId,
        '@removed': { reason: entry.removed?.permanent ? 'deleted' : 'changed' },
      };
    }
    return withManager(renderUser(user, selection), user, selection, entry.managerBefore);
  });
  const next: PageState = page.more
    ? { ...state, offset: state.offset + state.pageSize }
    : {
        kind: 'delta',
        since: state.upto,
        pageSize: state.pageSize,
        select: state.select,
        manager: state.manager,
      };
  return respond(context, state, items, next);
}

/** Only selected properties are tracked; with no `$select`, every property (but not `manager`). */
function isTracked(change: OrgChange, selection: Selection): boolean {
  if (change.kind !== 'updated') return true;
  return change.properties.some((p) =>
    p === 'manager'
      ? selection.manager
      : selection.properties === null || selection.properties.some((s) => s === p),
  );
}

function withManager(
  body: User,
  user: DemoUser,
  selection: Selection,
  managerBefore: string | null | undefined,
): User & { 'manager@delta'?: object[] } {
  if (!selection.manager) return body;
  if (user.managerId)
    return { ...body, 'manager@delta': [{ '@odata.type': USER_ODATA_TYPE, id: user.managerId }] };
  if (managerBefore) {
    return {
      ...body,
      'manager@delta': [
        { '@odata.type': USER_ODATA_TYPE, id: managerBefore, '@removed': { reason: 'deleted' } },
      ],
    };
  }
  return body;
}

function respond(
  context: GraphRequestContext,
  query: DeltaQuery,
  items: unknown[],
  next: PageState,
): GraphResult {
  const selection: Selection = { properties: query.select, manager: query.manager };
  const link =
    next.kind === 'delta'
      ? { '@odata.deltaLink': context.links.page('/users/delta', '$deltatoken', next) }
      : { '@odata.nextLink': context.links.page('/users/delta', '$skiptoken', next) };
  return ok({
    '@odata.context': context.links.context(contextFragment('users', selection)),
    ...link,
    value: items,
  });
}
