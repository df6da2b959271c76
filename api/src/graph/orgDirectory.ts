import type { Client } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, User } from '@microsoft/microsoft-graph-types';

import { Problem } from '../errors/problem';
import { graphStatus } from './graphStatus';

/** A person as the org chart knows them: just what access rules and screens need. */
export interface Person {
  id: string;
  displayName: string;
  jobTitle: string | null;
  mail: string | null;
  department: string | null;
  /** Graph's officeLocation, for per-office days off; absent where a caller did not read it. */
  officeLocation?: string | null;
}

export interface ChatMember {
  userId: string;
  displayName: string;
  tenantId: string;
}

/** Reads the org chart from Microsoft Graph for one tenant at a time (app-only). */
export interface OrgDirectory {
  getPerson(tenantId: string, userId: string): Promise<Person | null>;
  getManager(tenantId: string, userId: string): Promise<Person | null>;
  getDirectReports(tenantId: string, userId: string): Promise<Person[]>;
  getChatMembers(tenantId: string, chatId: string): Promise<ChatMember[] | null>;
}

const PERSON_FIELDS =
  'id,displayName,jobTitle,mail,department,officeLocation,accountEnabled,userType';

export function createOrgDirectory(clientFor: (tenantId: string) => Client): OrgDirectory {
  return {
    async getPerson(tenantId, userId) {
      const user = await orNull<User>(() =>
        clientFor(tenantId)
          .api(`/users/${encodeURIComponent(userId)}`)
          .select(PERSON_FIELDS)
          .get(),
      );
      return user ? toPerson(user) : null;
    },
    async getManager(tenantId, userId) {
      const user = await orNull<User>(() =>
        clientFor(tenantId)
          .api(`/users/${encodeURIComponent(userId)}/manager`)
          .select(PERSON_FIELDS)
          .get(),
      );
      return user ? toPerson(user) : null;
    },
    async getDirectReports(tenantId, userId) {
      const people: Person[] = [];
      let page = await graphCall<{ value: User[]; '@odata.nextLink'?: string }>(() =>
        clientFor(tenantId)
          .api(`/users/${encodeURIComponent(userId)}/directReports`)
          .select(PERSON_FIELDS)
          .top(999)
          .get(),
      );
      for (;;) {
        people.push(...page.value.filter(isActiveMember).map(toPerson));
        const next = page['@odata.nextLink'];
        if (!next) return people;
        page = await graphCall(() => clientFor(tenantId).api(next).get());
      }
    },
    async getChatMembers(tenantId, chatId) {
      const page = await orNull<{ value: AadUserConversationMember[] }>(() =>
        clientFor(tenantId)
          .api(`/chats/${encodeURIComponent(chatId)}/members`)
          .get(),
      );
      if (!page) return null;
      return page.value.map((m) => ({
        userId: m.userId ?? '',
        displayName: m.displayName ?? '',
        tenantId: m.tenantId ?? '',
      }));
    },
  };
}

function isActiveMember(user: User): boolean {
  return user.accountEnabled !== false && user.userType !== 'Guest';
}

function toPerson(user: User): Person {
  return {
    id: (user.id ?? '').toLowerCase(),
    displayName: user.displayName ?? '',
    jobTitle: user.jobTitle ?? null,
    mail: user.mail ?? null,
    department: user.department ?? null,
    officeLocation: user.officeLocation ?? null,
  };
}

/** Any Graph failure becomes a problem that tells the person to try again shortly. */
function orgChartUnavailable(error: unknown): Problem {
  return new Problem(
    'upstream-unavailable',
    `The org chart could not be read from Microsoft Graph (status ${graphStatus(error) ?? 'unknown'}). Try again in a minute.`,
  );
}

async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw orgChartUnavailable(error);
  }
}

async function orNull<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (graphStatus(error) === 404) return null;
    throw orgChartUnavailable(error);
  }
}
