import type { IncomingHttpHeaders } from 'node:http';

import { unsupportedQuery } from './graphErrors';

/**
 * OData query options as Graph applies them to users: `$select`, `$top`, the one `$filter` the app
 * needs, and `Prefer: odata.maxpagesize`. Anything else is refused with a message that says so,
 * rather than silently ignored, so a query that would behave differently in production is noticed.
 */

/** Properties the simulator can render, spelled as Graph spells them. */
export const USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
  'accountEnabled',
  'userType',
  'businessPhones',
  'mobilePhone',
  'preferredLanguage',
  'mailboxSettings',
] as const;

export type UserProperty = (typeof USER_PROPERTIES)[number];

/** What Graph v1.0 returns for a user when the request has no `$select`. */
export const DEFAULT_USER_PROPERTIES: readonly UserProperty[] = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

export interface Selection {
  /** null: no `$select`, so Graph's default property set. */
  properties: UserProperty[] | null;
  /** `manager` was selected (only meaningful on `/users/delta`). */
  manager: boolean;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

/** Query options keyed by lowercase name: Graph treats `$SELECT` and `$select` alike. */
export function readQueryOptions(search: URLSearchParams): Map<string, string> {
  const options = new Map<string, string>();
  for (const [key, value] of search) options.set(key.toLowerCase(), value);
  return options;
}

/** Refuses OData system query options (`$...`) the endpoint does not support. */
export function assertOnlyOptions(options: Map<string, string>, allowed: readonly string[]): void {
  for (const key of options.keys()) {
    if (key.startsWith('$') && !allowed.includes(key)) {
      throw unsupportedQuery(
        `The query option '${key}' is not supported on this resource by the local Graph simulator (supported: ${allowed.join(', ') || 'none'}).`,
      );
    }
  }
}

const CANONICAL = new Map<string, UserProperty>(USER_PROPERTIES.map((p) => [p.toLowerCase(), p]));

export function parseSelect(
  raw: string | undefined,
  options: { allowManager: boolean },
): Selection {
  if (raw === undefined) return { properties: null, manager: false };
  const properties: UserProperty[] = [];
  let manager = false;
  for (const name of raw.split(',').map((p) => p.trim())) {
    if (name === '') continue;
    if (name.toLowerCase() === 'manager') {
      if (!options.allowManager) {
        throw unsupportedQuery(
          "Selecting 'manager' is supported on /users/delta only; read /users/{id}/manager instead.",
        );
      }
      manager = true;
      continue;
    }
    const property = CANONICAL.get(name.toLowerCase());
    if (!property)
      throw unsupportedQuery(
        `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
      );
    if (!properties.includes(property)) properties.push(property);
  }
  return { properties, manager };
}

/** `$top`: Graph allows 1–999 for directory objects and fails the request outside that range. */
export function parseTop(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const top = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE) {
    throw unsupportedQuery(
      `Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
    );
  }
  return top;
}

/** `Prefer: odata.maxpagesize=N`, the page-size hint delta clients send; capped at 999. */
export function preferredPageSize(headers: IncomingHttpHeaders): number | undefined {
  const prefer = [headers.prefer ?? []].flat().join(',');
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer);
  if (!match) return undefined;
  return Math.min(Math.max(Number(match[1]), 1), MAX_PAGE_SIZE);
}

/**
 * The people picker's filter on users, `startswith(displayName,'…')`: a default query, matched
 * case-insensitively as Entra does (https://learn.microsoft.com/graph/query-parameters#filter-parameter,
 * https://learn.microsoft.com/graph/aad-advanced-queries). Null for any other filter.
 */
export function parseNameStartsWithFilter(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const match = /^\s*startswith\(displayName,\s*'((?:[^']|'')*)'\)\s*$/i.exec(raw);
  return match ? match[1].replace(/''/g, "'").toLowerCase() : null;
}

/** The one filter the org-chart sync needs: `accountEnabled eq true|false`. */
export function parseAccountEnabledFilter(raw: string | undefined): boolean | null {
  if (raw === undefined) return null;
  if (parseNameStartsWithFilter(raw) !== null) return null;
  const match = /^\s*accountEnabled\s+eq\s+(true|false)\s*$/i.exec(raw);
  if (!match) {
    throw unsupportedQuery(
      `Unsupported or invalid query filter clause '${raw}': the local Graph simulator supports only 'accountEnabled eq true', 'accountEnabled eq false' and "startswith(displayName,'…')" on users.`,
    );
  }
  return match[1].toLowerCase() === 'true';
}

/** `#users` or `#users(id,displayName)`, as Graph writes the collection in `@odata.context`. */
export function contextFragment(entitySet: string, selection: Selection): string {
  if (selection.properties === null && !selection.manager) return entitySet;
  const names = [...(selection.properties ?? []), ...(selection.manager ? ['manager'] : [])];
  return `${entitySet}(${names.join(',')})`;
}
