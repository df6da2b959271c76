import type { Client } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';

import type { BoardPerson } from '../contract/boardContract';
import type { ShareTarget } from '../domain/sharing/shareRule';
import { Problem } from '../errors/problem';
import { graphStatus } from './graphStatus';

/**
 * The people picker and the check on whom a board is shared with, through Graph (User.Read.All,
 * application), always in the caller's own tenant: an id from another tenant is simply not found.
 */

const FIELDS = 'id,displayName,jobTitle,accountEnabled,userType';

interface Page {
  value: User[];
}

/**
 * Enabled members whose display name starts with `text` (up to `limit`, by name).
 * `startswith(displayName,…)` is a default query on users: no ConsistencyLevel header needed
 * (https://learn.microsoft.com/graph/query-parameters#filter-parameter).
 */
export async function searchPeople(
  client: Client,
  text: string,
  limit: number,
): Promise<BoardPerson[]> {
  const quoted = text.replace(/'/g, "''");
  const page = await unavailableOnFailure<Page>(() =>
    client.api('/users').filter(`startswith(displayName,'${quoted}')`).select(FIELDS).top(50).get(),
  );
  return page.value
    .filter(isEnabledMember)
    .map(toBoardPerson)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, limit);
}

/** One person as a share target: found in this tenant, enabled, a member (not a guest). */
export async function readShareTarget(
  client: Client,
  personId: string,
): Promise<{ target: ShareTarget; person: BoardPerson | null }> {
  let user: User | null;
  try {
    user = (await client
      .api(`/users/${encodeURIComponent(personId)}`)
      .select(FIELDS)
      .get()) as User;
  } catch (error) {
    if (graphStatus(error) !== 404) throw unavailable(error);
    user = null;
  }
  return {
    target: {
      id: personId,
      found: user !== null,
      enabled: user?.accountEnabled !== false,
      member: user !== null && user.userType !== 'Guest',
    },
    person: user ? toBoardPerson(user) : null,
  };
}

const isEnabledMember = (user: User): boolean =>
  user.accountEnabled !== false && user.userType !== 'Guest';

const toBoardPerson = (user: User): BoardPerson => ({
  id: (user.id ?? '').toLowerCase(),
  displayName: user.displayName ?? '',
  jobTitle: user.jobTitle ?? null,
});

async function unavailableOnFailure<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw unavailable(error);
  }
}

function unavailable(error: unknown): Problem {
  return new Problem(
    'upstream-unavailable',
    `The directory could not be read from Microsoft Graph (status ${graphStatus(error) ?? 'unknown'}). Try again in a minute.`,
  );
}
