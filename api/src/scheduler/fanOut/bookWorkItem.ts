import { randomUUID } from 'node:crypto';

import type { ScheduleWorkItem } from '../../domain/scheduling/workItems';
import type { ConversationHold } from '../../domain/scheduling';
import { createConversationHolds, nextQuarter, quarterOf } from '../../domain/scheduling';
import { createCalendarGateway } from '../../graph/calendarGateway';
import { describeError } from '../../logging/logSafety';
import type { Services } from '../../services';
import { bookPairs } from '../bookPairs';
import type { PassSummary } from '../passSummary';
import { emptySummary } from '../passSummary';
import type { Pair, TenantPass } from '../tenantPass';
import { holdOf } from '../tenantPass';
import { SCHEDULE_WORK_QUEUE } from './workQueues';

/**
 * One work item of a fanned-out pass, on whichever instance the queue gave it to: one manager's
 * pairs followed up, resumed and booked exactly as the single-invocation pass books them
 * (bookPairs), from records read fresh now rather than when the pass planned.
 *
 * Delivered twice, it finds its own result and stops. Killed mid-item, its message reappears and
 * the next delivery resumes: the pair's record was written before any Graph call and carries this
 * item's lease owner (the same on every delivery), so a half-done booking is looked up by its
 * transactionId, not sent again. Two instances never work one mailbox at once: the item holds the
 * manager's lease (and its managing reports'), and an item that finds one held goes back on the
 * queue for a while instead of waiting on an instance.
 */

/**
 * An item holds its mailboxes for a second or two: one that finds one held tries again here after
 * these waits, then goes back on the queue for 1 s, 2 s, 4 s… up to MAX_DEFER_MS (plus up to half
 * that again of jitter), so waiting never stretches the pass's tail much past the holder's item.
 */
const RETAKE_WAITS_MS = [250, 500];
const MAX_DEFER_MS = 5_000;

export type WorkItemOutcome = 'done' | 'already-done' | 'deferred';

export async function bookWorkItem(
  services: Services,
  item: ScheduleWorkItem,
  delivery: { dequeueCount: number; log?: (line: string) => void },
): Promise<WorkItemOutcome> {
  const { tenantId, runId, itemId } = item;
  if (await services.schedulingRuns.hasResult(tenantId, runId, itemId)) return 'already-done';

  const owner = randomUUID();
  const mailboxes = [item.manager.id, ...item.alsoLocks];
  // A worker that dies stops holding its mailboxes this long after its last renewal.
  const leaseMs = services.config.scheduler.mailboxLeaseSeconds * 1000;
  const take = () =>
    services.mailboxLeases.takeAll(tenantId, mailboxes, owner, Date.now(), leaseMs);
  let taken = (await take()).taken;
  for (const wait of RETAKE_WAITS_MS) {
    if (taken) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
    taken = (await take()).taken;
  }
  if (!taken) {
    const deferrals = (item.deferrals ?? 0) + 1;
    const backOff = Math.min(MAX_DEFER_MS, 1000 * 2 ** Math.min(deferrals - 1, 10));
    const delayMs = backOff + Math.floor((Math.random() * backOff) / 2);
    await services.workQueue.send(SCHEDULE_WORK_QUEUE, { ...item, deferrals }, { delayMs });
    return 'deferred';
  }
  // One renewal at a time, and none once the item is done: a renewal still in flight when the
  // leases are handed back would write one again and hold that mailbox for a whole lease.
  let renewing: Promise<void> = Promise.resolve();
  let finished = false;
  const renewal = setInterval(() => {
    renewing = renewing.then(async () => {
      if (finished) return;
      try {
        if (!(await take()).taken) delivery.log?.(`work item ${itemId}: a mailbox lease was lost`);
      } catch (error) {
        delivery.log?.(`work item ${itemId}: renewal failed: ${describeError(error)}`);
      }
    });
  }, leaseMs / 3);
  try {
    // Another delivery of this item may have finished while this one waited for the leases.
    if (await services.schedulingRuns.hasResult(tenantId, runId, itemId)) return 'already-done';
    const summary = await bookItem(services, item);
    await services.schedulingRuns.recordResult<PassSummary>(tenantId, runId, {
      itemId,
      managerId: item.manager.id,
      pairs: item.pairs.length,
      outcome: 'done',
      deliveries: delivery.dequeueCount,
      finishedAt: new Date().toISOString(),
      summary,
    });
    return 'done';
  } finally {
    finished = true;
    clearInterval(renewal);
    await renewing;
    // Best effort: a lease not handed back expires on its own.
    await services.mailboxLeases.releaseAll(tenantId, mailboxes, owner).catch(() => undefined);
  }
}

async function bookItem(services: Services, item: ScheduleWorkItem): Promise<PassSummary> {
  const { tenantId } = item;
  const now = new Date(item.now);
  const quarter = quarterOf(now);
  const quarters = [quarter, nextQuarter(quarter)];
  const people = new Map(
    [item.manager, ...item.pairs.map((p) => p.employee)].map((person) => [person.id, person]),
  );
  // Everyone's own conversations (the manager's with their manager too), and the conversations
  // the managing reports organise (in their reports' partitions): all the time of these people
  // that career conversations hold, in one read routed to those partitions.
  const organisers = new Set(item.alsoLocks);
  const [read, { settings }] = await Promise.all([
    services.conversations.listForEmployees(tenantId, [...people.keys(), ...item.alsoReadsOf]),
    services.settings.read(tenantId),
  ]);
  const own = read.filter((r) => people.has(r.employeeId));
  const organised = read.filter(
    (r) => !people.has(r.employeeId) && organisers.has(r.managerId) && quarters.includes(r.quarter),
  );
  const current = own.filter((r) => quarters.includes(r.quarter));
  const holds = [...current, ...organised]
    .map(holdOf)
    .filter((h): h is ConversationHold => h !== null);
  const calendar = createCalendarGateway(services.graphFor(tenantId), services.mailboxLimiter);
  const summary = emptySummary(now);
  summary.workItems.done = 1;
  summary.workItems.deferred = item.deferrals ?? 0;
  const pass: TenantPass = {
    services,
    calendar,
    tenantId,
    now,
    settings,
    summary,
    progress: () => undefined,
    people,
    // The pass that planned the item applied the pilot group; nobody here is told of a new manager.
    pilotMembers: null,
    holds: createConversationHolds(holds),
    // The same on every delivery of this item: a redelivery resumes its own half-done bookings.
    leases: { owner: `${item.runId}:${item.itemId}`, clock: Date.now },
    outOfTime: () => false,
    names: item.names,
  };
  const pairs: Pair[] = item.pairs.map((p) => ({
    employee: p.employee,
    manager: item.manager,
    reason: p.reason,
  }));
  try {
    await bookPairs(
      pass,
      pairs,
      current.filter((r) => r.managerId === item.manager.id),
    );
  } finally {
    summary.graphRequests += calendar.requestCount();
  }
  return summary;
}

/**
 * A work item the host gave up on (every delivery failed; it is on the poison queue): its pairs
 * count as failed in the pass's summary and in the admin's view of the latest run, and the next
 * daily pass plans them again.
 */
export async function recordPoisonedItem(
  services: Services,
  item: ScheduleWorkItem,
): Promise<void> {
  const summary = emptySummary(new Date(item.now));
  summary.workItems.poisoned = 1;
  const reason = 'its work item failed on every delivery (poison queue); the next pass retries';
  summary.failed[reason] = item.pairs.length;
  summary.examples = item.pairs.slice(0, 50).map((p) => ({
    tenantId: item.tenantId,
    employeeId: p.employee.id,
    managerId: item.manager.id,
    outcome: 'failed' as const,
    reason,
  }));
  await services.schedulingRuns.recordResult<PassSummary>(item.tenantId, item.runId, {
    itemId: item.itemId,
    managerId: item.manager.id,
    pairs: item.pairs.length,
    outcome: 'poisoned',
    finishedAt: new Date().toISOString(),
    summary,
  });
}
