import type { HttpResponseInit } from '@azure/functions';

import type {
  SchedulingPassView,
  UnbookedPairView,
  UnbookedPairsView,
} from '../../contract/conversationContract';
import { quarterOf } from '../../domain/scheduling';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { requireAdmin } from './requireAdmin';

const NOT_BOOKED = new Set<string>(['unbooked', 'needs-manager-pick', 'needs-attention']);

/**
 * GET adoption/unbooked: this quarter's pairs the scheduler could not book, for the tenant's
 * admins: who (names), why and what happens next; and how the latest pass's work items fared. Never board content: a record's reason is a
 * code from the scheduler, and nothing else of the record leaves this handler.
 */
export async function readUnbookedPairs(input: CallerRouteInput): Promise<HttpResponseInit> {
  requireAdmin(input);
  const { services, caller } = input;
  const quarter = quarterOf(services.now());
  const [directory, conversations] = await Promise.all([
    services.orgChart.readAll(caller.tenantId),
    services.conversations.listForTenant(caller.tenantId, [quarter]),
  ]);
  const people = new Map(
    directory
      .filter((p) => !p.removed)
      .map((p) => [p.id, { displayName: p.displayName, managerId: p.managerId }]),
  );
  const waiting = conversations.filter((r) => NOT_BOOKED.has(r.status));
  // Before the first org-chart sync (records written by hand, a restored store) the names come
  // from Graph, for just these few people.
  await Promise.all(
    [...new Set(waiting.flatMap((r) => [r.employeeId, r.managerId]))]
      .filter((id) => !people.has(id))
      .map(async (id) => {
        const [person, manager] = await Promise.all([
          services.directory.getPerson(caller.tenantId, id),
          services.directory.getManager(caller.tenantId, id),
        ]);
        if (person)
          people.set(id, { displayName: person.displayName, managerId: manager?.id ?? null });
      }),
  );
  const pairs: UnbookedPairView[] = [];
  for (const record of waiting) {
    const employee = people.get(record.employeeId);
    const manager = people.get(record.managerId);
    // A record of an earlier manager is history, not a pair waiting now.
    if (!employee || !manager || employee.managerId !== record.managerId) continue;
    pairs.push({
      employee: { id: record.employeeId, displayName: employee.displayName },
      manager: { id: record.managerId, displayName: manager.displayName },
      quarter: record.quarter,
      status: record.status as UnbookedPairView['status'],
      reason: record.unbooked?.reason ?? null,
      next: record.unbooked?.next ?? null,
      since: record.unbooked?.since ?? null,
    });
  }
  pairs.sort(
    (a, b) =>
      a.manager.displayName.localeCompare(b.manager.displayName) ||
      a.employee.displayName.localeCompare(b.employee.displayName),
  );
  const view: UnbookedPairsView = {
    quarter,
    pairs,
    latestPass: await latestPass(input, (id) => people.get(id)?.displayName),
  };
  return ok(view);
}

async function latestPass(
  { services, caller }: CallerRouteInput,
  nameOf: (id: string) => string | undefined,
): Promise<SchedulingPassView | null> {
  const runs = services.schedulingRuns;
  const latest = await runs.readLatest(caller.tenantId);
  if (!latest) return null;
  const [finished, poisoned] = await Promise.all([
    runs.countResults(caller.tenantId, latest.runId),
    runs.readPoisoned(caller.tenantId, latest.runId),
  ]);
  const byManager = new Map<string, number>();
  for (const p of poisoned) byManager.set(p.managerId, (byManager.get(p.managerId) ?? 0) + p.pairs);
  return {
    startedAt: latest.startedAt,
    finishedAt: latest.finishedAt,
    workItems: {
      enqueued: latest.enqueued,
      done: finished - poisoned.length,
      failed: poisoned.length,
    },
    failedWork: [...byManager].map(([id, pairs]) => ({
      // A manager who left since is named as such rather than by id.
      manager: { id, displayName: nameOf(id) ?? 'A former manager' },
      pairs,
    })),
  };
}
