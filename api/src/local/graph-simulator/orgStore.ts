import { randomUUID } from 'node:crypto';

import type { DemoDirectory, DemoGroup, DemoTenant, DemoUser } from '../demo-org/types';

/**
 * The simulator's mutable copy of the demo directory, scoped by tenant. Every mutation appends to
 * a per-tenant change log with a monotonically increasing sequence number; `/users/delta` turns
 * that log into Graph's change tracking.
 */

/** What a test, the dev endpoint or a scenario may change about a person. */
export type UserPatch = Partial<
  Pick<
    DemoUser,
    'managerId' | 'jobTitle' | 'department' | 'accountEnabled' | 'displayName' | 'officeLocation'
  >
>;

export interface OrgChange {
  sequence: number;
  userId: string;
  kind: 'added' | 'updated' | 'removed';
  /** Graph property names that changed (`manager` for the manager reference). */
  properties: string[];
  /** For manager changes: the manager before this change. */
  previousManagerId?: string | null;
  /** For removals: false while the user sits in deleted items (Graph's `changed`), true once purged. */
  permanent?: boolean;
}

export type OrgStoreErrorCode =
  'unknown-tenant' | 'unknown-user' | 'invalid-manager' | 'duplicate-user';

export class OrgStoreError extends Error {
  override name = 'OrgStoreError';
  constructor(
    readonly code: OrgStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface OrgStore {
  /** Identifies this store's lifetime: delta tokens from an earlier store must resync. */
  readonly epoch: string;
  tenants(): DemoTenant[];
  hasTenant(tenantId: string): boolean;
  /** Users of a tenant in a stable order (insertion order). */
  listUsers(tenantId: string): readonly DemoUser[];
  getUser(tenantId: string, userId: string): DemoUser | undefined;
  /** The first user (in listUsers order) whose mail or user principal name is `address`, any case. */
  findByAddress(tenantId: string, address: string): DemoUser | undefined;
  /** A user of any tenant, for local tooling that is not tenant-scoped. */
  findUser(userId: string): DemoUser | undefined;
  directReports(tenantId: string, managerId: string): DemoUser[];
  updateUser(tenantId: string, userId: string, patch: UserPatch): DemoUser;
  addUser(user: DemoUser): DemoUser;
  /** Deletes a user; their reports lose their manager. Soft by default, like Entra. */
  removeUser(tenantId: string, userId: string, options?: { permanent?: boolean }): void;
  /** The last sequence number used in the tenant (0 before any change). */
  sequence(tenantId: string): number;
  /** Changes with a sequence number above `after`, oldest first. */
  changesSince(tenantId: string, after: number): readonly OrgChange[];
  /** The tenant's groups, in a stable order. */
  listGroups(tenantId: string): readonly DemoGroup[];
  getGroup(tenantId: string, groupId: string): DemoGroup | undefined;
  /** Users in the group directly or through nested groups, each once, in first-found order. */
  transitiveUsers(tenantId: string, groupId: string): DemoUser[];
  /** The whole directory as it is now (for the identity issuer and the dev endpoint). */
  snapshot(): DemoDirectory;
}

interface TenantState {
  tenant: DemoTenant;
  users: DemoUser[];
  byId: Map<string, DemoUser>;
  log: OrgChange[];
  sequence: number;
  /** Direct reports by manager id, rebuilt lazily after a mutation. */
  reports: Map<string, DemoUser[]> | null;
  /**
   * Users by lower-cased mail and UPN, rebuilt lazily after a mutation: Outlook routes resolve
   * every attendee by address, and a scan per lookup made a 10,000-person pass quadratic.
   */
  byAddress: Map<string, DemoUser> | null;
}

const PATCHABLE: readonly (keyof UserPatch)[] = [
  'managerId',
  'jobTitle',
  'department',
  'accountEnabled',
  'displayName',
  'officeLocation',
];

export function createOrgStore(directory: DemoDirectory): OrgStore {
  // A private copy: the caller's directory (often shared demo data) never changes under it.
  const copy = structuredClone(directory);
  const states = new Map<string, TenantState>();
  for (const tenant of copy.tenants) {
    states.set(tenant.id, {
      tenant,
      users: [],
      byId: new Map(),
      log: [],
      sequence: 0,
      reports: null,
      byAddress: null,
    });
  }
  for (const user of copy.users) {
    const state = states.get(user.tenantId);
    if (!state)
      throw new OrgStoreError(
        'unknown-tenant',
        `User ${user.id} belongs to unknown tenant ${user.tenantId}`,
      );
    state.users.push(user);
    state.byId.set(user.id, user);
  }

  const groups = copy.groups ?? [];

  const stateOf = (tenantId: string): TenantState => {
    const state = states.get(tenantId);
    if (!state) throw new OrgStoreError('unknown-tenant', `No tenant ${tenantId}`);
    return state;
  };
  const userOf = (state: TenantState, userId: string): DemoUser => {
    const user = state.byId.get(userId.toLowerCase());
    if (!user)
      throw new OrgStoreError('unknown-user', `No user ${userId} in tenant ${state.tenant.id}`);
    return user;
  };
  const record = (state: TenantState, change: Omit<OrgChange, 'sequence'>) => {
    state.sequence += 1;
    state.log.push({ ...change, sequence: state.sequence });
    state.reports = null;
    state.byAddress = null;
  };

  const store: OrgStore = {
    epoch: randomUUID(),
    tenants: () => [...states.values()].map((s) => s.tenant),
    hasTenant: (tenantId) => states.has(tenantId),
    listUsers: (tenantId) => states.get(tenantId)?.users ?? [],
    getUser: (tenantId, userId) => states.get(tenantId)?.byId.get(userId.toLowerCase()),
    findByAddress: (tenantId, address) => {
      const state = states.get(tenantId);
      if (!state) return undefined;
      if (!state.byAddress) state.byAddress = indexAddresses(state.users);
      return state.byAddress.get(address.trim().toLowerCase());
    },
    findUser: (userId) => {
      for (const state of states.values()) {
        const user = state.byId.get(userId.toLowerCase());
        if (user) return user;
      }
      return undefined;
    },
    directReports: (tenantId, managerId) => {
      const state = states.get(tenantId);
      if (!state) return [];
      if (!state.reports) state.reports = indexReports(state.users);
      return state.reports.get(managerId.toLowerCase()) ?? [];
    },
    updateUser: (tenantId, userId, patch) => {
      const state = stateOf(tenantId);
      const user = userOf(state, userId);
      if (patch.managerId !== undefined && patch.managerId !== null) {
        assertValidManager(state, user, patch.managerId.toLowerCase());
      }
      const changed: string[] = [];
      const previousManagerId = user.managerId;
      for (const key of PATCHABLE) {
        const value = patch[key];
        if (value === undefined) continue;
        const next = key === 'managerId' && typeof value === 'string' ? value.toLowerCase() : value;
        if (user[key] === next) continue;
        Object.assign(user, { [key]: next });
        changed.push(key === 'managerId' ? 'manager' : key);
      }
      if (changed.length > 0) {
        record(state, {
          userId: user.id,
          kind: 'updated',
          properties: changed,
          ...(changed.includes('manager') ? { previousManagerId } : {}),
        });
      }
      return user;
    },
    addUser: (user) => {
      const state = stateOf(user.tenantId);
      const added = structuredClone({ ...user, id: user.id.toLowerCase() });
      if (state.byId.has(added.id))
        throw new OrgStoreError('duplicate-user', `User ${added.id} already exists`);
      if (added.managerId !== null) assertValidManager(state, added, added.managerId);
      state.users.push(added);
      state.byId.set(added.id, added);
      record(state, { userId: added.id, kind: 'added', properties: [] });
      return added;
    },
    removeUser: (tenantId, userId, options = {}) => {
      const state = stateOf(tenantId);
      const user = userOf(state, userId);
      state.users = state.users.filter((u) => u !== user);
      state.byId.delete(user.id);
      record(state, {
        userId: user.id,
        kind: 'removed',
        properties: [],
        permanent: options.permanent ?? false,
      });
      for (const report of state.users.filter((u) => u.managerId === user.id)) {
        report.managerId = null;
        record(state, {
          userId: report.id,
          kind: 'updated',
          properties: ['manager'],
          previousManagerId: user.id,
        });
      }
    },
    sequence: (tenantId) => states.get(tenantId)?.sequence ?? 0,
    changesSince: (tenantId, after) => {
      const log = states.get(tenantId)?.log ?? [];
      // Sequences are dense from 1, so the slice starts right after `after`.
      return log.slice(Math.max(0, after));
    },
    listGroups: (tenantId) => groups.filter((g) => g.tenantId === tenantId),
    getGroup: (tenantId, groupId) =>
      groups.find((g) => g.tenantId === tenantId && g.id === groupId.toLowerCase()),
    transitiveUsers: (tenantId, groupId) => {
      const users: DemoUser[] = [];
      const seen = new Set<string>();
      const visit = (id: string) => {
        if (seen.has(id)) return;
        seen.add(id);
        const group = store.getGroup(tenantId, id);
        if (group) return group.memberIds.forEach(visit);
        const user = states.get(tenantId)?.byId.get(id);
        if (user) users.push(user);
      };
      store.getGroup(tenantId, groupId)?.memberIds.forEach(visit);
      return users;
    },
    snapshot: () => ({
      tenants: [...states.values()].map((s) => s.tenant),
      users: [...states.values()].flatMap((s) => s.users),
      groups: structuredClone(groups),
    }),
  };
  return store;
}

function indexAddresses(users: readonly DemoUser[]): Map<string, DemoUser> {
  const index = new Map<string, DemoUser>();
  for (const user of users) {
    for (const address of [user.mail, user.userPrincipalName]) {
      const key = address?.toLowerCase();
      // The first user in order wins, as a scan of the list would find them.
      if (key && !index.has(key)) index.set(key, user);
    }
  }
  return index;
}

function indexReports(users: readonly DemoUser[]): Map<string, DemoUser[]> {
  const index = new Map<string, DemoUser[]>();
  for (const user of users) {
    if (!user.managerId) continue;
    const reports = index.get(user.managerId);
    if (reports) reports.push(user);
    else index.set(user.managerId, [user]);
  }
  return index;
}

/** A manager must exist in the same tenant and must not be the user or one of their reports. */
function assertValidManager(state: TenantState, user: DemoUser, managerId: string): void {
  if (!state.byId.has(managerId)) {
    throw new OrgStoreError(
      'invalid-manager',
      `Manager ${managerId} is not a user of tenant ${state.tenant.id}`,
    );
  }
  for (let cursor: string | null = managerId, hops = 0; cursor !== null; hops++) {
    if (cursor === user.id || hops > state.users.length) {
      throw new OrgStoreError(
        'invalid-manager',
        `Making ${managerId} the manager of ${user.id} would create a cycle`,
      );
    }
    cursor = state.byId.get(cursor)?.managerId ?? null;
  }
}
