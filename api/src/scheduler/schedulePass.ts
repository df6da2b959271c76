import { randomUUID } from 'node:crypto';

import type { ConversationHold, QuarterKey } from '../domain/scheduling';
import { createConversationHolds, nextQuarter, quarterOf } from '../domain/scheduling';
import { pilotGap } from '../domain/settings/pilotScope';
import { createCalendarGateway } from '../graph/calendarGateway';
import type { Services } from '../services';
import { pinBoards } from './autoPinning';
import { refreshAgendas } from './agendaRefresh';
import { bookPairs, eligiblePairs } from './bookPairs';
import { bookThroughQueue } from './fanOut/bookThroughQueue';
import type { PassLeases } from './leases';
import { reconcileManagers } from './managerChanges';
import { rethrowIfAborted } from './passAborted';
import type { PassSummary } from './passSummary';
import { emptySummary, note } from './passSummary';
import { retireLeavers } from './leavers';
import { syncOrgChart } from './orgSync';
import type { TenantPass } from './tenantPass';
import { holdOf } from './tenantPass';
import { failureReason } from '../logging/logSafety';

/**
 * The daily pass that makes sure every employee–manager pair has its career conversation this
 * quarter: sync the org chart, make good any change of manager (telling the new manager), follow
 * up booked events (reminding the employee a few days ahead), resume interrupted bookings, then
 * find slots and book the rest (telling both people). Every step can be repeated, and passes
 * may overlap (each claims a record before talking to Graph about it); a pass that runs out of
 * time stops between pairs and the next one carries on.
 */

export interface PassOptions {
  /** The calendar's now (default services.now()): the quarter, the windows, what has ended. */
  now?: Date;
  progress?: (message: string) => void;
  /** Overrides the configured budget (tests). */
  budgetMs?: number;
  /**
   * The process's own clock in milliseconds (default Date.now): the time budget and the leases.
   * Tests give a pass that stands for an earlier day's run an earlier clock.
   */
  clock?: () => number;
  /**
   * Book through the work queue (the deployed default: timer, admin run, `npm run schedule`): the
   * pass plans and queue workers on any number of instances book. Without it the pass books in
   * this invocation (the bench's baseline, and tests of the booking rules).
   */
  fanOut?: boolean;
}

/** A pass holds its tenant for its whole budget and this much more, then the lock expires. */
const LOCK_MARGIN_MS = 2 * 60_000;

export async function runSchedulePass(
  services: Services,
  options: PassOptions = {},
): Promise<PassSummary> {
  const now = options.now ?? services.now();
  const clock = options.clock ?? Date.now;
  const clockStart = clock();
  const deadline =
    clockStart + (options.budgetMs ?? services.config.scheduler.budgetSeconds * 1000);
  const progress = options.progress ?? (() => undefined);
  const summary = emptySummary(now);
  const leases: PassLeases = { owner: randomUUID(), clock };
  const tenants = [
    ...new Set([
      ...services.config.scheduler.tenants,
      ...(await services.settings.tenantsWithSettings()),
    ]),
  ];
  summary.tenants = tenants.length;
  const outOfTime = () => clock() > deadline;

  for (const tenantId of tenants) {
    if (outOfTime()) {
      summary.stoppedEarly = true;
      break;
    }
    const lock = await services.passLock.take(
      tenantId,
      leases.owner,
      clock(),
      deadline - clockStart + LOCK_MARGIN_MS,
    );
    if (!lock.taken) {
      summary.tenantsSkipped++;
      progress(
        `Tenant ${tenantId}: another pass is scheduling it (until ${lock.heldUntil} at the latest); left to that pass.`,
      );
      continue;
    }
    try {
      const { outstanding } = await passForTenant(services, tenantId, {
        now,
        summary,
        progress,
        outOfTime,
        leases,
        fanOut: options.fanOut ?? false,
      });
      // Work items still out keep the tenant to this run until the lock expires.
      if (outstanding === 0) await services.passLock.release(tenantId, leases.owner);
    } catch (error) {
      rethrowIfAborted(error);
      await services.passLock.release(tenantId, leases.owner);
      note(summary, 'failed', `tenant pass failed: ${failureReason(error)}`, {
        tenantId,
        employeeId: '',
        managerId: null,
      });
      progress(`Tenant ${tenantId}: failed (${failureReason(error)}); the next run retries.`);
    }
  }
  summary.durationMs = clock() - clockStart;
  return summary;
}

async function passForTenant(
  services: Services,
  tenantId: string,
  {
    fanOut,
    ...run
  }: Pick<TenantPass, 'now' | 'summary' | 'progress' | 'outOfTime' | 'leases'> & {
    fanOut: boolean;
  },
): Promise<{ outstanding: number }> {
  const { now, summary, progress } = run;
  const { settings } = await services.settings.read(tenantId);
  const sync = await syncOrgChart(services, tenantId, now, settings.pilot);
  summary.orgSync.requests += sync.requests;
  summary.orgSync.changes += sync.changes;
  summary.graphRequests += sync.requests;
  summary.managerChanges += sync.managerChanges.length;
  if (sync.full) summary.orgSync.fullReads++;
  progress(
    `Tenant ${tenantId}: org chart synced (${sync.full ? 'full read' : 'changes only'}, ${sync.changes} people, ${sync.requests} request(s)).`,
  );

  await retireLeavers(services, tenantId, sync.people, settings.leaverRetentionDays, now, run);

  const gap = pilotGap(settings.pilot);
  if (gap !== null) {
    summary.tenantsWithoutPilot.push({ tenantId, reason: gap });
    progress(`Tenant ${tenantId}: books nobody, ${gap}.`);
  }

  const calendar = createCalendarGateway(services.graphFor(tenantId), services.mailboxLimiter);
  const quarter = quarterOf(now);
  const quarters: QuarterKey[] = [quarter, nextQuarter(quarter)];
  // Before the records are read: refreshing an invite writes its record (the agenda it sent).
  await refreshAgendas({ ...run, services, calendar, tenantId, people: sync.people });
  const listed = await services.conversations.listForTenant(tenantId, quarters);
  const pass: TenantPass = {
    ...run,
    services,
    calendar,
    tenantId,
    settings,
    people: sync.people,
    pilotMembers: sync.pilotMembers,
    holds: createConversationHolds(
      listed.map(holdOf).filter((h): h is ConversationHold => h !== null),
    ),
  };
  try {
    const records = await reconcileManagers(pass, listed);
    const pairs = eligiblePairs(pass.people, settings, pass.pilotMembers, now);
    summary.pairsSeen += pairs.length;
    let outstanding = 0;
    if (fanOut) ({ outstanding } = await bookThroughQueue(pass, pairs));
    else await bookPairs(pass, pairs, records);
    await pinBoards(pass, pairs);
    return { outstanding };
  } finally {
    summary.graphRequests += calendar.requestCount();
  }
}
