import { randomUUID } from 'node:crypto';

import { planWorkItems } from '../../domain/scheduling/workItems';
import { forEachInLanes } from '../passAborted';
import type { PassSummary } from '../passSummary';
import { mergeSummary } from '../passSummary';
import type { Pair, TenantPass } from '../tenantPass';
import { SCHEDULE_WORK_QUEUE } from './workQueues';

/**
 * The booking half of a fanned-out pass: one work item per manager on the queue, booked by the
 * queue-triggered workers on any number of instances, and the pass waits for their results,
 * telling its progress, until every item is in or its time budget is spent. The workers' results
 * are merged into the pass's summary, so `npm run schedule` and the admin's run read the same
 * summary whichever instance booked what.
 */

/** How often the waiting pass counts the results that are in. */
const POLL_MS = 500;

export interface QueueBookingOutcome {
  /** Items still out when the pass stopped waiting: the workers finish them on their own. */
  outstanding: number;
}

export async function bookThroughQueue(
  pass: TenantPass,
  pairs: readonly Pair[],
): Promise<QueueBookingOutcome> {
  const { services, tenantId, summary, progress } = pass;
  const runs = services.schedulingRuns;
  const runId = randomUUID();
  const items = planWorkItems({
    runId,
    tenantId,
    now: pass.now,
    pairs,
    nameOf: (id) => pass.people.get(id)?.displayName,
  });
  // Nobody to book (no pilot group yet, say): no run to tell the admin about; the last one stays.
  if (items.length === 0) return { outstanding: 0 };
  const previous = await runs.readLatest(tenantId);
  // The last run's results name pairs: once its summary was told, they go.
  if (previous) await runs.deleteResults(tenantId, previous.runId);
  const startedAt = new Date().toISOString();
  await runs.writeLatest(tenantId, { runId, startedAt, enqueued: items.length, finishedAt: null });
  await forEachInLanes(items, 16, (item) => services.workQueue.send(SCHEDULE_WORK_QUEUE, item));
  summary.workItems.enqueued += items.length;
  progress(
    `Tenant ${tenantId}: ${items.length} work item(s) queued for ${new Set(items.map((i) => i.manager.id)).size} managers; queue workers book them.`,
  );

  let done = 0;
  while (done < items.length) {
    if (pass.outOfTime()) {
      summary.stoppedEarly = true;
      progress(
        `Tenant ${tenantId}: ${items.length - done} work item(s) still with the workers at the time budget; they finish on their own.`,
      );
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const count = await runs.countResults(tenantId, runId);
    if (count !== done) {
      done = count;
      progress(`Tenant ${tenantId}: ${done}/${items.length} work items done.`);
    }
  }

  for (const result of await runs.readResults<PassSummary>(tenantId, runId))
    mergeSummary(summary, result.summary);
  const outstanding = items.length - done;
  await runs.writeLatest(tenantId, {
    runId,
    startedAt,
    enqueued: items.length,
    finishedAt: new Date().toISOString(),
  });
  return { outstanding };
}
