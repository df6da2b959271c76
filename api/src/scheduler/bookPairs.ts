import type { TenantSettings } from '../contract/settingsContract';
import { passStepFor } from '../domain/conversations/lifecycle';
import type { ConversationRecord } from '../domain/conversations/records';
import { quarterOf } from '../domain/scheduling';
import { inPilotScope } from '../domain/settings/pilotScope';
import type { PilotMembers } from '../domain/settings/pilotScope';
import type { Stored } from '../domain/stored';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import { failureReason } from '../logging/logSafety';
import { agendaForPair } from './agendaForPair';
import { followUpBooked } from './followUpBooked';
import { forEachInLanes, rethrowIfAborted } from './passAborted';
import { remindIfDue } from './passNotifications';
import { note } from './passSummary';
import { resumeBooking } from './resumeBooking';
import { bookForManager } from './slotBooking';
import type { ToBook } from './slotBooking';
import type { Pair, TenantPass } from './tenantPass';
import { ANOTHER_RUN, DAY_MS, holdKey, pairRef } from './tenantPass';

/**
 * The booking half of a pass, for any set of pairs: the whole tenant in a single-invocation pass
 * (schedulePass.ts), one manager's pairs in a queue work item (fanOut/bookWorkItem.ts). For each
 * pair it finds the record that speaks for it this quarter, follows up booked events, resumes
 * bookings a run left half-done and finds slots for the rest, per manager.
 */

/** A new pair talks early: within this many days of the change. */
const NEW_PAIR_DAYS = 30;

export async function bookPairs(
  pass: TenantPass,
  pairs: readonly Pair[],
  records: readonly Stored<ConversationRecord>[],
): Promise<void> {
  const { summary, tenantId, progress } = pass;
  const quarter = quarterOf(pass.now);
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
      nameOf: (id) => pass.people.get(id)?.displayName ?? pass.names?.[id],
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

export function eligiblePairs(
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
