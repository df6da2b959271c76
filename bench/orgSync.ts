import type { Stack } from '../api/src/local/stack';
import { readOrgChartDelta } from '../api/src/graph/orgChartDelta';
import { syncOrgChart } from '../api/src/scheduler/orgSync';
import { minimumSyncPages } from './graphMinimum';
import { BENCH_NOW, BENCH_TENANT, benchOrg, bookable } from './org';
import { countCosmosRequests, graphStats, resetGraphStats } from './probes';
import { progress } from './progress';
import { withStack } from './stacks';
import { ratio, round } from './stats';

/**
 * Section 2: the org-chart sync. A first sync of N people (pages of 999 from `/users/delta`, every
 * person stored in Cosmos), then a delta sync after 1% of them changed.
 *
 * Baselines, measured on the same stack: for the first sync, reading the same pages from Graph
 * without storing anything (the I/O floor of a full read); for the delta sync, the full read it
 * replaces (the first sync just measured).
 */

export interface SyncFigures {
  graphRequests: number;
  minimumRequests: number;
  people: number;
  ms: number;
  cosmosRequests: number;
}

export interface OrgSyncSection {
  people: number;
  firstSync: SyncFigures & {
    baseline: { what: string; graphRequests: number; ms: number };
    ratios: { requestsVsMinimum: number | null; timeVsBaseline: number | null };
    targets: { minimumPages: boolean };
  };
  deltaSync: SyncFigures & {
    changed: number;
    baseline: { what: string; graphRequests: number; ms: number };
    ratios: { requestsVsMinimum: number | null; timeVsBaseline: number | null };
    targets: { minimumPages: boolean };
  };
}

export async function benchOrgSync(size: number): Promise<OrgSyncSection> {
  return withStack({ directory: benchOrg(size) }, async (stack) => {
    const tenantId = BENCH_TENANT.tenantId;
    const cosmos = countCosmosRequests(stack.ports.cosmos);
    try {
      progress(`orgSync ${size}: Graph-only full read (baseline)`);
      const readOnly = await measure(stack, cosmos, async () => {
        const round = await readOrgChartDelta(stack.services.graphFor(tenantId), null);
        return round.users.length;
      });

      progress(`orgSync ${size}: first sync (read and store everyone)`);
      // The pass syncs with the tenant's pilot group, whose members it reads too.
      const { pilot } = (await stack.services.settings.read(tenantId)).settings;
      const first = await measure(stack, cosmos, async () => {
        const result = await syncOrgChart(stack.services, tenantId, BENCH_NOW, pilot);
        return result.changes;
      });

      const changed = changeOnePercent(stack);
      progress(`orgSync ${size}: delta sync after ${changed} changes`);
      const later = new Date(BENCH_NOW.getTime() + 86_400_000);
      const delta = await measure(stack, cosmos, async () => {
        const result = await syncOrgChart(stack.services, tenantId, later, pilot);
        return result.changes;
      });
      progress(
        `orgSync ${size}: first ${first.graphRequests} requests in ${first.ms} ms; delta ${delta.graphRequests} requests in ${delta.ms} ms`,
      );

      const firstMinimum = minimumSyncPages(size);
      const deltaMinimum = minimumSyncPages(changed);
      return {
        people: size,
        firstSync: {
          ...first,
          minimumRequests: firstMinimum,
          baseline: {
            what: 'the same /users/delta pages read without storing anything',
            graphRequests: readOnly.graphRequests,
            ms: readOnly.ms,
          },
          ratios: {
            requestsVsMinimum: ratio(first.graphRequests, firstMinimum),
            timeVsBaseline: ratio(first.ms, readOnly.ms),
          },
          targets: { minimumPages: first.graphRequests <= firstMinimum },
        },
        deltaSync: {
          ...delta,
          changed,
          minimumRequests: deltaMinimum,
          baseline: {
            what: 'the full first sync a delta sync replaces',
            graphRequests: first.graphRequests,
            ms: first.ms,
          },
          ratios: {
            requestsVsMinimum: ratio(delta.graphRequests, deltaMinimum),
            timeVsBaseline: ratio(delta.ms, first.ms),
          },
          targets: { minimumPages: delta.graphRequests <= deltaMinimum },
        },
      };
    } finally {
      cosmos.stop();
    }
  });
}

async function measure(
  stack: Stack,
  cosmos: ReturnType<typeof countCosmosRequests>,
  work: () => Promise<number>,
): Promise<{ graphRequests: number; people: number; ms: number; cosmosRequests: number }> {
  await resetGraphStats(stack.urls.dev);
  cosmos.reset();
  const t0 = performance.now();
  const people = await work();
  const ms = round(performance.now() - t0, 0);
  const stats = await graphStats(stack.urls.dev);
  return { graphRequests: stats.requests, people, ms, cosmosRequests: cosmos.count() };
}

/**
 * 1% of the org changes, as a quarter of reorganisation would: half of them move to another
 * manager (a peer of their manager, so the tree stays a tree), half get a new job title.
 */
function changeOnePercent(stack: Stack): number {
  const tenantId = BENCH_TENANT.tenantId;
  const users = stack.orgStore.listUsers(tenantId);
  const target = Math.max(1, Math.round(users.length / 100));
  const managers = [...new Set(users.map((u) => u.managerId).filter((m): m is string => !!m))];
  const isManager = new Set(managers);
  let changed = 0;
  // Every 97th person, so changes spread across the whole tree.
  for (let i = 0; changed < target && i < users.length * 97; i += 97) {
    const user = users[i % users.length];
    if (!bookable(user) || isManager.has(user.id) || !user.managerId) continue;
    if (changed % 2 === 0) {
      const next = managers[(managers.indexOf(user.managerId) + 1) % managers.length];
      if (next === user.managerId) continue;
      stack.orgStore.updateUser(tenantId, user.id, { managerId: next });
    } else {
      stack.orgStore.updateUser(tenantId, user.id, { jobTitle: `${user.jobTitle} (promoted)` });
    }
    changed++;
  }
  return changed;
}
