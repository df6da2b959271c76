import { generateOrg } from './generateOrg';
import type { DemoDirectory, DemoUser } from './types';

/**
 * `npm start -- --org-size 10000`: a generated organisation of that size, as a third tenant beside
 * the demo ones, so a person can try the product (and the daily scheduling pass) at scale and sign
 * in as anyone in it. Deterministic: the same size gives the same people on every start.
 */

export const GENERATED_TENANT = {
  tenantId: '6e0c0a1e-5ca1-4e00-8000-00000000512e',
  tenantName: 'Woodgrove (generated)',
  domain: 'woodgrove.example',
} as const;

/** Largest org the flag accepts: the simulator keeps everyone in memory. */
export const MAX_GENERATED_ORG_SIZE = 100_000;

export interface GeneratedOrgGuide {
  size: number;
  levels: number;
  /** People worth signing in as: the top of the tree, the biggest team's manager, one of their reports. */
  ceo: DemoUser;
  busiestManager: DemoUser;
  employee: DemoUser;
}

export function withGeneratedOrg(
  directory: DemoDirectory,
  size: number,
  now: Date,
): { directory: DemoDirectory; guide: GeneratedOrgGuide } {
  const generated = generateOrg({ ...GENERATED_TENANT, size, seed: 'npm-start', now });
  return {
    directory: {
      tenants: [...directory.tenants, ...generated.tenants],
      users: [...directory.users, ...generated.users],
      groups: [...(directory.groups ?? []), ...(generated.groups ?? [])],
    },
    guide: guideTo(generated.users),
  };
}

function guideTo(users: DemoUser[]): GeneratedOrgGuide {
  const reports = new Map<string, number>();
  for (const u of users)
    if (u.managerId) reports.set(u.managerId, (reports.get(u.managerId) ?? 0) + 1);
  const byId = new Map(users.map((u) => [u.id, u]));
  const ceo = users.find((u) => u.managerId === null) ?? users[0];
  const busiestId = [...reports.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  )[0]?.[0];
  const busiestManager = (busiestId && byId.get(busiestId)) || ceo;
  const employee =
    users.find((u) => u.managerId === busiestManager.id && u.accountEnabled && u.mail !== null) ??
    ceo;
  const depth = (u: DemoUser): number => {
    let d = 1;
    for (let m = u.managerId; m; m = byId.get(m)?.managerId ?? null) d++;
    return d;
  };
  return {
    size: users.length,
    levels: users.reduce((deepest, u) => Math.max(deepest, depth(u)), 0),
    ceo,
    busiestManager,
    employee,
  };
}
