import { generateOrg } from '../api/src/local/demo-org/generateOrg';
import type { GenerateOrgOptions } from '../api/src/local/demo-org/generateOrg';
import type { DemoDirectory, DemoUser } from '../api/src/local/demo-org/types';

/**
 * The generated organisations every section uses. One tenant, a fixed seed and a fixed "now", so
 * two runs (and the product pass and its baseline inside one run) start from the same calendars.
 */

export const BENCH_TENANT = {
  tenantId: 'b0b0b0b0-0000-4000-8000-00000000be4c',
  tenantName: 'Benchmark Corp',
  domain: 'bench.example',
};

/**
 * Monday 4 January 2027, 06:00 UTC: the first week of a quarter, so the default booking window
 * (weeks 2–6) lies wholly ahead and no pair is skipped for lack of time. Fixed rather than the
 * wall clock, so the figures do not drift with the day the benchmark runs.
 */
export const BENCH_NOW = new Date('2027-01-04T06:00:00.000Z');

export function benchOrg(size: number, seed = 'bench'): DemoDirectory {
  return generateOrg(benchOrgOptions(size, seed));
}

/** What `benchOrg` generates from: a process of its own can generate the same org from it. */
export function benchOrgOptions(size: number, seed = 'bench'): GenerateOrgOptions {
  return { ...BENCH_TENANT, size, seed, now: BENCH_NOW };
}

/** Someone the scheduler can book: an enabled member with a mailbox. */
export function bookable(user: DemoUser | undefined): user is DemoUser {
  return !!user && user.accountEnabled && user.userType === 'Member' && !!user.mail;
}

/**
 * The generator gives managers 5–12 reports; the team view is measured for a manager with 25, so
 * move individual contributors from other teams under one manager until they have that many.
 * Returns the manager's id. Mutates the directory before the stack copies it.
 */
export function growTeam(directory: DemoDirectory, size: number): string {
  const users = directory.users;
  const reportsOf = new Map<string, DemoUser[]>();
  for (const u of users) {
    if (u.managerId) reportsOf.set(u.managerId, [...(reportsOf.get(u.managerId) ?? []), u]);
  }
  const isIc = (u: DemoUser) => !reportsOf.has(u.id);
  // A front-line manager (all reports are individual contributors) with the biggest team.
  const manager = users
    .filter((u) => bookable(u) && (reportsOf.get(u.id) ?? []).every(isIc) && reportsOf.has(u.id))
    .sort((a, b) => reportsOf.get(b.id)!.length - reportsOf.get(a.id)!.length)[0];
  if (!manager) throw new Error('The generated org has no front-line manager');
  let team = reportsOf.get(manager.id)!.filter(bookable).length;
  for (const u of users) {
    if (team >= size) break;
    if (u.managerId === manager.id || u.id === manager.id || !isIc(u) || !bookable(u)) continue;
    // Leave every other manager at least two reports, so no team disappears.
    const donorTeam = reportsOf.get(u.managerId ?? '') ?? [];
    if (donorTeam.length <= 2) continue;
    reportsOf.set(
      u.managerId!,
      donorTeam.filter((r) => r.id !== u.id),
    );
    u.managerId = manager.id;
    team++;
  }
  if (team < size) throw new Error(`Could only build a team of ${team}`);
  return manager.id;
}
