import type { DemoGroup } from '../demo-org/types';
import { badRequest, resourceNotFound, unsupportedQuery } from './graphErrors';
import { nextPageLink, ok, pageOf } from './graphRoute';
import type { GraphRequestContext, GraphRoute } from './graphRoute';
import { DEFAULT_PAGE_SIZE, assertOnlyOptions, parseSelect, parseTop } from './odataQuery';
import type { Selection } from './odataQuery';
import { renderUser } from './userPayload';

/**
 * `/groups` searched by name (`$filter=startswith(displayName,'…')`, or `$search="displayName:…"`
 * with `ConsistencyLevel: eventual`, as Graph requires) and a group's transitive user members,
 * paged, with `$select`. Both need GroupMember.Read.All or a broader group or directory role.
 */

const GROUP_ROLES = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
const GROUP_PROPERTIES = ['id', 'displayName', 'securityEnabled', 'mailEnabled'] as const;
type GroupProperty = (typeof GROUP_PROPERTIES)[number];

export function groupRoutes(): GraphRoute[] {
  return [
    { method: 'GET', pattern: /^\/groups\/?$/, anyRole: GROUP_ROLES, handle: listGroups },
    {
      method: 'GET',
      pattern: /^\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user\/?$/,
      anyRole: GROUP_ROLES,
      handle: listTransitiveUsers,
    },
  ];
}

function listGroups(context: GraphRequestContext): ReturnType<GraphRoute['handle']> {
  const { query, store, tenantId, links } = context;
  assertOnlyOptions(query, ['$filter', '$search', '$select', '$top']);
  const match = nameMatcher(context);
  const select = parseGroupSelect(query.get('$select'));
  const top = parseTop(query.get('$top')) ?? DEFAULT_PAGE_SIZE;
  const found = store
    .listGroups(tenantId)
    .filter((g) => match(g.displayName))
    .slice(0, top);
  return ok({
    '@odata.context': links.context('groups'),
    value: found.map((g) => renderGroup(g, select)),
  });
}

/** startswith on displayName (a default query) or a `$search` word prefix (an advanced one). */
function nameMatcher(context: GraphRequestContext): (name: string) => boolean {
  const filter = context.query.get('$filter');
  const search = context.query.get('$search');
  if (filter !== undefined) {
    const m = /^startswith\(displayName,\s*'((?:[^']|'')*)'\)$/i.exec(filter.trim());
    if (!m) throw unsupportedQuery(`Unsupported or invalid query filter clause: ${filter}`);
    const prefix = m[1]!.replace(/''/g, "'").toLowerCase();
    return (name) => name.toLowerCase().startsWith(prefix);
  }
  if (search !== undefined) {
    if (String(context.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual')
      throw badRequest(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    const m = /^"displayName:([^"]*)"$/i.exec(search.trim());
    if (!m) throw badRequest(`Invalid $search: ${search}`);
    const word = m[1]!.toLowerCase();
    return (name) =>
      name
        .toLowerCase()
        .split(/\s+/)
        .some((w) => w.startsWith(word));
  }
  return () => true;
}

function parseGroupSelect(raw: string | undefined): GroupProperty[] {
  if (raw === undefined) return [...GROUP_PROPERTIES];
  return raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((name) => {
      const property = GROUP_PROPERTIES.find((p) => p.toLowerCase() === name.toLowerCase());
      if (!property)
        throw badRequest(
          `Could not find a property named '${name}' on type 'microsoft.graph.group'.`,
        );
      return property;
    });
}

function renderGroup(group: DemoGroup, select: GroupProperty[]): Record<string, unknown> {
  const all: Record<GroupProperty, unknown> = {
    id: group.id,
    displayName: group.displayName,
    securityEnabled: group.securityEnabled,
    mailEnabled: !group.securityEnabled,
  };
  return Object.fromEntries(select.map((p) => [p, all[p]]));
}

function listTransitiveUsers(
  context: GraphRequestContext,
  [id]: string[],
): ReturnType<GraphRoute['handle']> {
  const { query, store, tenantId, tokens, links } = context;
  const skipToken = query.get('$skiptoken');
  const state = skipToken
    ? tokens.decode(skipToken, tenantId, store.epoch, ['groupMembers'])
    : firstMembersPage(context, id!);
  const selection: Selection = { properties: state.select, manager: false };
  const page = pageOf(store.transitiveUsers(tenantId, state.groupId), state.offset, state.pageSize);
  const path = `/groups/${encodeURIComponent(state.groupId)}/transitiveMembers/microsoft.graph.user`;
  return ok({
    '@odata.context': links.context('users'),
    ...nextPageLink(links, path, state, page.more),
    value: page.value.map((u) => renderUser(u, selection, { odataType: true })),
  });
}

function firstMembersPage(context: GraphRequestContext, id: string) {
  assertOnlyOptions(context.query, ['$select', '$top']);
  const group = context.store.getGroup(context.tenantId, id);
  if (!group) throw resourceNotFound(id);
  const selection = parseSelect(context.query.get('$select'), { allowManager: false });
  return {
    kind: 'groupMembers' as const,
    groupId: group.id,
    offset: 0,
    pageSize: parseTop(context.query.get('$top')) ?? DEFAULT_PAGE_SIZE,
    select: selection.properties,
    manager: false,
  };
}
