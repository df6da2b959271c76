import { randomUUID } from 'node:crypto';

import type { TenantSettings } from '../contract/settingsContract';
import { passStepFor } from '../domain/conversations/lifecycle';
import type { ConversationRecord } from '../domain/conversations/records';
import type { ConversationHold, QuarterKey } from '../domain/scheduling';
import { createConversationHolds, nextQuarter, quarterOf } from '../domain/scheduling';
import { inPilotScope, pilotGap } from '../domain/settings/pilotScope';
import type { PilotMembers } from '../domain/settings/pilotScope';
import { createCalendarGateway } from '../graph/calendarGateway';
import type { Services } from '../services';
import type { Stored } from '../domain/stored';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import { agendaForPair } from './agendaForPair';
import { pinBoards } from './autoPinning';
import { refreshAgendas } from './agendaRefresh';
import { followUpBooked } from './followUpBooked';
import type { PassLeases } from './leases';
import { reconcileManagers } from './managerChanges';
import { forEachInLanes, rethrowIfAborted } from './passAborted';
import { remindIfDue } from './passNotifications';
import type { PassSummary } from './passSummary';
import { emptySummary, note } from './passSummary';
import { resumeBooking } from './resumeBooking';
import { bookForManager } from './slotBooking';
import type { ToBook } from './slotBooking';
import { retireLeavers } from './leavers';
import { syncOrgChart } from './orgSync';
import type { Pair, TenantPass } from './tenantPass';
import { ANOTHER_RUN, DAY_MS, holdKey, holdOf, pairRef } from './tenantPass';
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
}

/** A pass holds its tenant for its whole budget and this much more, then the lock expires. */
const LOCK_MARGIN_MS = 2 * 60_000;

/** A new pair talks early: within this many days of the change. */
const NEW_PAIR_DAYS = 30;

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
      await passForTenant(services, tenantId, { now, summary, progress, outOfTime, leases });
      await services.passLock.release(tenantId, leases.owner);
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
  run: Pick<TenantPass, 'now' | 'summary' | 'progress' | 'outOfTime' | 'leases'>,
): Promise<void> {
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
    await bookTenant(pass, await reconcileManagers(pass, listed), quarter);
    await pinBoards(pass, eligiblePairs(pass.people, settings, pass.pilotMembers, now));
  } finally {
    summary.graphRequests += calendar.requestCount();
  }
}

async function bookTenant(
  pass: TenantPass,
  records: Stored<ConversationRecord>[],
  quarter: QuarterKey,
): Promise<void> {
  const { summary, tenantId, progress } = pass;
  const pairs = eligiblePairs(pass.people, pass.settings, pass.pilotMembers, pass.now);
  summary.pairsSeen += pairs.length;
  const byPair = new Map<string, Stored<ConversationRecord>[]>();
  for (const r of records) {
    const key = `${r.employeeId}|${r.managerId}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }

  const toBook: ToBook[] = [];
  const toResume: { pair: Pair; record: Stored<ConversationRecord> }[] = [];
  const toFollow: { pair: Pair; record: Stored<ConversationRecord> }[] = [];
  for (const pair of pairs) {
    const mine = byPair.get(`${pair.employee.id}|${pair.manager.id}`) ?? [];
    const relevant =
      pair.reason === 'new-manager' ? mine : mine.filter((r) => r.quarter === quarter);
    // The record that speaks for the pair: the one still going ahead, else one still open.
    const steps = relevant.map((record) => ({ record, step: passStepFor(record) }));
    const current =
      steps.find((s) => ['resume', 'follow-up', 'done'].includes(s.step)) ??
      steps.find((s) => s.step !== 'ignore');
    if (!current) toBook.push({ pair, record: null });
    else if (current.step === 'resume') toResume.push({ pair, record: current.record });
    else if (current.step === 'follow-up') toFollow.push({ pair, record: current.record });
    else if (current.step === 'done') summary.alreadyBooked++;
    // Nobody booked it yet: the pass keeps trying (the manager may also pick meanwhile).
    else if (current.step === 'book') toBook.push({ pair, record: current.record });
    else
      note(summary, 'skipped', 'waiting for the manager to pick a slot', pairRef(tenantId, pair));
  }
  progress(
    `Tenant ${tenantId}: ${pairs.length} pairs; ${toFollow.length} booked to check, ${toResume.length} to resume, ${toBook.length} to book.`,
  );
  const agendaFor = (pair: Pair) => (conversation?: ConversationRecord) =>
    agendaForPair(pass.services, tenantId, pair.employee, pair.manager, {
      newManager: pair.reason === 'new-manager',
      nameOf: (id) => pass.people.get(id)?.displayName,
      now: pass.now,
      conversation,
    });
  const rebook = (pair: Pair, record: Stored<ConversationRecord>) => {
    // Its old time is no longer held: the slot finder may give it (or anyone) that time again.
    pass.holds.release(holdKey(record));
    toBook.push({ pair, record });
  };

  // 1. Follow up booked events (read in $batch round trips): declined or cancelled ones go back to booking.
  const events = await pass.calendar.getEvents(
    toFollow
      .filter(({ record }) => record.event !== null)
      .map(({ pair, record }) => ({
        key: record.pk,
        organizerId: record.managerId,
        eventId: record.event!.id,
        attendeeMail: pair.employee.mail ?? '',
      })),
  );
  await forEachInLanes(toFollow, 16, async ({ pair, record }) => {
    if (pass.outOfTime()) return void (summary.stoppedEarly = true);
    const event = record.event ? events.get(record.pk) : null;
    if (event === undefined) {
      note(
        summary,
        'failed',
        'follow-up: the event could not be read; the next run retries',
        pairRef(tenantId, pair),
      );
      return;
    }
    try {
      const outcome = await followUpBooked(pass, record, event);
      if (outcome.kind === 'rebook') rebook(pair, outcome.record);
      else if (outcome.kind === 'held') summary.held++;
      else if (outcome.kind === 'moved') {
        summary.movedTimesUpdated++;
        summary.alreadyBooked++;
        await remindIfDue(pass, pair, outcome.record);
      } else if (outcome.kind === 'gave-up')
        note(summary, 'skipped', 'waiting for the manager to pick a slot', pairRef(tenantId, pair));
      else if (outcome.kind === 'another-run')
        note(summary, 'skipped', ANOTHER_RUN, pairRef(tenantId, pair));
      else {
        summary.alreadyBooked++;
        await remindIfDue(pass, pair, record);
      }
    } catch (error) {
      rethrowIfAborted(error);
      note(summary, 'failed', `follow-up: ${failureReason(error)}`, pairRef(tenantId, pair));
    }
  });

  // 2. Resume bookings a previous run started (or hand them to slot finding).
  await forEachInLanes(toResume, 16, async ({ pair, record }) => {
    if (pass.outOfTime()) return void (summary.stoppedEarly = true);
    try {
      const outcome = await resumeBooking(pass, pair, record, agendaFor(pair));
      if (outcome.kind === 'choose-slot') rebook(pair, outcome.record);
      else if (outcome.kind === 'another-run')
        note(summary, 'skipped', ANOTHER_RUN, pairRef(tenantId, pair));
      else if (outcome.rebooking) summary.rebooked++;
      else summary.booked++;
    } catch (error) {
      rethrowIfAborted(error);
      note(summary, 'failed', `booking: ${failureReason(error)}`, pairRef(tenantId, pair));
    }
  });

  // 3. Find slots per manager and book. Managers run concurrently; the pass's holds keep a
  // middle manager's conversations (as attendee and as organiser) apart.
  const byManager = new Map<string, ToBook[]>();
  for (const item of toBook)
    byManager.set(item.pair.manager.id, [...(byManager.get(item.pair.manager.id) ?? []), item]);
  const managers = [...byManager.values()];
  let done = 0;
  await forEachInLanes(
    managers,
    pass.services.config.scheduler.managerConcurrency,
    async (items) => {
      if (pass.outOfTime()) return void (summary.stoppedEarly = true);
      await bookForManager(pass, items, agendaFor);
      done++;
      if (done % 10 === 0 || done === managers.length)
        progress(`Tenant ${tenantId}: ${done}/${managers.length} managers done.`);
    },
  );
}

function eligiblePairs(
  people: Map<string, DirectoryPerson>,
  settings: TenantSettings,
  pilotMembers: PilotMembers | null,
  now: Date,
): Pair[] {
  const pairs: Pair[] = [];
  for (const employee of people.values()) {
    if (!employee.eligible || employee.managerId === null) continue;
    const manager = people.get(employee.managerId);
    if (!manager || !manager.eligible) continue;
    if (!inPilotScope(settings.pilot, pilotMembers, employee.id)) continue;
    // Read from the stored org chart, so a change survives a pass that died right after the sync.
    const newPair =
      employee.managerChangedAt !== null &&
      now.getTime() - Date.parse(employee.managerChangedAt) < NEW_PAIR_DAYS * DAY_MS;
    pairs.push({ employee, manager, reason: newPair ? 'new-manager' : 'quarterly' });
  }
  return pairs;
}
