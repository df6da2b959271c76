import type { DemoUser } from '../demo-org/types';
import { mailboxNotEnabled, resourceNotFound } from './graphErrors';
import { READ_USERS_ROLES, nextPageLink, ok, pageOf } from './graphRoute';
import type { GraphRequestContext, GraphRoute } from './graphRoute';
import {
  DEFAULT_PAGE_SIZE,
  assertOnlyOptions,
  contextFragment,
  parseAccountEnabledFilter,
  parseNameStartsWithFilter,
  parseSelect,
  parseTop,
} from './odataQuery';
import type { Selection } from './odataQuery';
import { renderMailboxSettings, renderUser } from './userPayload';

/** `/users`, `/users/{id}`, and a user's `manager`, `directReports` and `mailboxSettings`. */

export function userRoutes(): GraphRoute[] {
  return [
    { method: 'GET', pattern: /^\/users\/?$/, anyRole: READ_USERS_ROLES, handle: listUsers },
    { method: 'GET', pattern: /^\/users\/([^/]+)\/?$/, anyRole: READ_USERS_ROLES, handle: getUser },
    {
      method: 'GET',
      pattern: /^\/users\/([^/]+)\/manager\/?$/,
      anyRole: READ_USERS_ROLES,
      handle: getManager,
    },
    {
      method: 'GET',
      pattern: /^\/users\/([^/]+)\/directReports\/?$/,
      anyRole: READ_USERS_ROLES,
      handle: listDirectReports,
    },
    {
      method: 'GET',
      pattern: /^\/users\/([^/]+)\/mailboxSettings\/?$/,
      handle: getMailboxSettings,
    },
  ];
}

/** By object id or user principal name, within the caller's tenant only. */
export function findUserOrThrow(context: GraphRequestContext, idOrUpn: string): DemoUser {
  const key = idOrUpn.toLowerCase();
  const user =
    context.store.getUser(context.tenantId, key) ??
    context.store
      .listUsers(context.tenantId)
      .find((u) => u.userPrincipalName.toLowerCase() === key);
  if (!user) throw resourceNotFound(idOrUpn);
  return user;
}

function listUsers(context: GraphRequestContext): ReturnType<GraphRoute['handle']> {
  const { query, store, tenantId, tokens, links } = context;
  const skipToken = query.get('$skiptoken');
  const state = skipToken
    ? tokens.decode(skipToken, tenantId, store.epoch, ['users'])
    : firstUsersPage(query);
  const selection: Selection = { properties: state.select, manager: false };
  const prefix = state.nameStartsWith ?? null;
  const users = store
    .listUsers(tenantId)
    .filter((u) => state.accountEnabled === null || u.accountEnabled === state.accountEnabled)
    .filter((u) => prefix === null || u.displayName.toLowerCase().startsWith(prefix));
  const page = pageOf(users, state.offset, state.pageSize);
  return ok({
    '@odata.context': links.context(contextFragment('users', selection)),
    ...nextPageLink(links, '/users', state, page.more),
    value: page.value.map((u) => renderUser(u, selection)),
  });
}

function firstUsersPage(query: Map<string, string>) {
  assertOnlyOptions(query, ['$select', '$top', '$filter']);
  const selection = parseSelect(query.get('$select'), { allowManager: false });
  return {
    kind: 'users' as const,
    offset: 0,
    pageSize: parseTop(query.get('$top')) ?? DEFAULT_PAGE_SIZE,
    select: selection.properties,
    manager: false,
    accountEnabled: parseAccountEnabledFilter(query.get('$filter')),
    nameStartsWith: parseNameStartsWithFilter(query.get('$filter')),
  };
}

function getUser(context: GraphRequestContext, [id]: string[]): ReturnType<GraphRoute['handle']> {
  assertOnlyOptions(context.query, ['$select']);
  const selection = parseSelect(context.query.get('$select'), { allowManager: false });
  const user = findUserOrThrow(context, id);
  return ok({
    '@odata.context': context.links.context(`${contextFragment('users', selection)}/$entity`),
    ...renderUser(user, selection),
  });
}

function getManager(
  context: GraphRequestContext,
  [id]: string[],
): ReturnType<GraphRoute['handle']> {
  assertOnlyOptions(context.query, ['$select']);
  const selection = parseSelect(context.query.get('$select'), { allowManager: false });
  const user = findUserOrThrow(context, id);
  const manager = user.managerId
    ? context.store.getUser(context.tenantId, user.managerId)
    : undefined;
  if (!manager) throw resourceNotFound('manager');
  return ok({
    '@odata.context': context.links.context('directoryObjects/$entity'),
    ...renderUser(manager, selection, { odataType: true }),
  });
}

function listDirectReports(
  context: GraphRequestContext,
  [id]: string[],
): ReturnType<GraphRoute['handle']> {
  const { query, store, tenantId, tokens, links } = context;
  const skipToken = query.get('$skiptoken');
  const state = skipToken
    ? tokens.decode(skipToken, tenantId, store.epoch, ['directReports'])
    : firstDirectReportsPage(context, id);
  const selection: Selection = { properties: state.select, manager: false };
  const page = pageOf(store.directReports(tenantId, state.managerId), state.offset, state.pageSize);
  const path = `/users/${encodeURIComponent(state.managerId)}/directReports`;
  return ok({
    '@odata.context': links.context('directoryObjects'),
    ...nextPageLink(links, path, state, page.more),
    value: page.value.map((u) => renderUser(u, selection, { odataType: true })),
  });
}

function firstDirectReportsPage(context: GraphRequestContext, id: string) {
  assertOnlyOptions(context.query, ['$select', '$top']);
  const selection = parseSelect(context.query.get('$select'), { allowManager: false });
  return {
    kind: 'directReports' as const,
    managerId: findUserOrThrow(context, id).id,
    offset: 0,
    pageSize: parseTop(context.query.get('$top')) ?? DEFAULT_PAGE_SIZE,
    select: selection.properties,
    manager: false,
  };
}

function getMailboxSettings(
  context: GraphRequestContext,
  [id]: string[],
): ReturnType<GraphRoute['handle']> {
  const user = findUserOrThrow(context, id);
  const settings = renderMailboxSettings(user);
  if (!settings) throw mailboxNotEnabled();
  return ok({
    '@odata.context': context.links.context(`users('${user.id}')/mailboxSettings`),
    ...settings,
  });
}
