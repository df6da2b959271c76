import { boardPartitionKey } from '../domain/board/records';
import type { ConversationReason, ConversationRecord } from '../domain/conversations/records';
import { conversationId } from '../domain/conversations/records';
import {
  advance,
  canTake,
  newConversation,
  unbookedReasonFor,
} from '../domain/conversations/lifecycle';
import type { StretchView, UnbookedReason } from '../contract/conversationContract';
import type {
  IsoInterval,
  NoSlotReason,
  ReportSchedule,
  SchedulingParticipant,
  StretchRules,
  WorkingHours,
} from '../domain/scheduling';
import { bookingWindows, daysOffFor, findSlots, quarterOf } from '../domain/scheduling';
import type { Stored } from '../domain/stored';
import { fallbackWorkingHours, readAvailability } from './availabilityReads';
import { completeBooking } from './booking';
import { heldByAnother, newLease } from './leases';
import { forEachInLanes, rethrowIfAborted } from './passAborted';
import { notifyBooked } from './passNotifications';
import { recordNoSlot } from './unbookedPairs';
import { note } from './passSummary';
import type { Pair, TenantPass } from './tenantPass';
import { ANOTHER_RUN, DAY_MS, holdKey, pairRef, track } from './tenantPass';
import { failureReason } from '../logging/logSafety';

/** Conversations are booked at least this far ahead, so nobody is surprised by one in an hour. */
const LEAD_TIME_MS = DAY_MS;
/** getSchedule takes at most 20 schedules: the manager and 19 reports. */
const REPORTS_PER_SCHEDULE_CALL = 19;
/** No slot for these reasons in one window may still mean a slot in the next. */
const TRY_NEXT_WINDOW: ReadonlySet<NoSlotReason> = new Set([
  'fully-booked',
  'taken-by-other-conversations',
  'daily-cap-reached',
]);

export interface ToBook {
  pair: Pair;
  /** The pair's record to reuse (declined, or its slot passed), or null for a new one. */
  record: Stored<ConversationRecord> | null;
}

/** Finds slots for one manager's pairs and books them: new pairs first, then the quarterly ones. */
export async function bookForManager(
  pass: TenantPass,
  items: ToBook[],
  agendaFor: (pair: Pair) => () => Promise<string>,
): Promise<void> {
  const groups: [ConversationReason, ToBook[]][] = [
    ['new-manager', items.filter((i) => i.pair.reason === 'new-manager')],
    ['quarterly', items.filter((i) => i.pair.reason === 'quarterly')],
  ];
  for (const [reason, group] of groups) {
    if (group.length === 0) continue;
    const windows = bookingWindows({
      kind: reason === 'new-manager' ? 'first' : 'quarterly',
      quarter: quarterOf(pass.now),
      settings: {
        windowStartWeek: pass.settings.window.startWeek,
        windowEndWeek: pass.settings.window.endWeek,
      },
      now: pass.now,
      leadTimeMs: LEAD_TIME_MS,
      minimumMs: pass.settings.durationMinutes * 60_000,
    });
    if (windows.length === 0) {
      for (const i of group) await recordNoSlot(pass, i, reason, 'no-window-left');
      continue;
    }
    let remaining = group;
    for (const [index, window] of windows.entries()) {
      if (remaining.length === 0) break;
      remaining = await bookInWindow(
        pass,
        remaining,
        reason,
        window,
        index === windows.length - 1,
        agendaFor,
      );
    }
  }
}

/** Books what fits in `window`; returns the pairs to try in the next window. */
async function bookInWindow(
  pass: TenantPass,
  items: ToBook[],
  reason: ConversationReason,
  window: IsoInterval,
  lastWindow: boolean,
  agendaFor: (pair: Pair) => () => Promise<string>,
): Promise<ToBook[]> {
  const manager = items[0].pair.manager;
  const fallback: WorkingHours = fallbackWorkingHours(pass.settings);
  const nextWindow: ToBook[] = [];
  for (let offset = 0; offset < items.length; offset += REPORTS_PER_SCHEDULE_CALL) {
    if (pass.outOfTime()) {
      pass.summary.stoppedEarly = true;
      return [];
    }
    const chunk = items.slice(offset, offset + REPORTS_PER_SCHEDULE_CALL);
    let availability;
    try {
      availability = await readAvailability(
        pass.calendar,
        manager.id,
        [manager.mail!, ...chunk.map((i) => i.pair.employee.mail!)],
        window,
        fallback,
      );
    } catch (error) {
      rethrowIfAborted(error);
      // Nothing is written: the next pass reads the calendars again.
      for (const i of chunk)
        note(
          pass.summary,
          'failed',
          `availability: ${failureReason(error)}`,
          pairRef(pass.tenantId, i.pair),
        );
      continue;
    }
    const managerSchedule = availability.get(manager.mail!.toLowerCase())!;
    if (typeof managerSchedule === 'string') {
      for (const i of chunk)
        note(
          pass.summary,
          'failed',
          `manager's calendar: ${managerSchedule}`,
          pairRef(pass.tenantId, i.pair),
        );
      continue;
    }

    // From here to the holds below there is no await: the pass's holds are read, slots chosen and
    // held in one go, so a manager booked concurrently (this one's own manager, say) sees them.
    const reports: ReportSchedule[] = [];
    const employeeZones = new Map<string, string>();
    for (const i of chunk) {
      const s = availability.get(i.pair.employee.mail!.toLowerCase())!;
      if (typeof s === 'string')
        note(pass.summary, 'failed', `employee's calendar: ${s}`, pairRef(pass.tenantId, i.pair));
      else {
        employeeZones.set(i.pair.employee.id, s.workingHours.timeZone);
        reports.push({
          employeeId: i.pair.employee.id,
          workingHours: s.workingHours,
          daysOff: daysOffFor(
            i.pair.employee.officeLocation,
            pass.settings.nonWorkingDates,
            window,
          ),
          // Their other career conversations, as attendee or as organiser of their own reports.
          busy: [...s.busy, ...pass.holds.involving(i.pair.employee.id)],
        });
      }
    }
    const managerSide: SchedulingParticipant = {
      workingHours: managerSchedule.workingHours,
      daysOff: daysOffFor(manager.officeLocation, pass.settings.nonWorkingDates, window),
      // The manager's own conversation with their manager is busy time, not one of theirs to cap.
      busy: [...managerSchedule.busy, ...pass.holds.attendedBy(manager.id)],
    };
    const outcomes = findSlots({
      manager: managerSide,
      reports,
      window,
      bookedConversations: pass.holds.organisedBy(manager.id),
      durationMinutes: pass.settings.durationMinutes,
      dailyCap: pass.settings.dailyCap,
      stretch: stretchRules(pass),
    });
    const chosen: { item: ToBook; slot: BookedSlot; key: string }[] = [];
    const noSlot: { item: ToBook; why: UnbookedReason }[] = [];
    for (const outcome of outcomes) {
      const item = chunk.find((i) => i.pair.employee.id === outcome.employeeId)!;
      if (outcome.outcome === 'no-slot') {
        if (!lastWindow && TRY_NEXT_WINDOW.has(outcome.reason)) nextWindow.push(item);
        else
          noSlot.push({
            item,
            why: unbookedReasonFor(outcome.reason, pass.settings.stretch.enabled),
          });
        continue;
      }
      const slot = { start: outcome.start, end: outcome.end, stretch: outcome.stretch ?? null };
      const key = item.record
        ? holdKey(item.record)
        : holdKey({
            pk: boardPartitionKey(pass.tenantId, item.pair.employee.id),
            id: conversationId(quarterOf(slot.start), manager.id),
          });
      pass.holds.hold({
        key,
        employeeId: item.pair.employee.id,
        managerId: manager.id,
        start: slot.start,
        end: slot.end,
      });
      chosen.push({ item, slot, key });
    }

    await forEachInLanes(noSlot, 4, async ({ item, why }) => {
      try {
        await recordNoSlot(pass, item, reason, why);
      } catch (error) {
        rethrowIfAborted(error);
        note(
          pass.summary,
          'failed',
          `no slot: ${failureReason(error)}`,
          pairRef(pass.tenantId, item.pair),
        );
      }
    });
    await forEachInLanes(chosen, 4, async ({ item, slot, key }) => {
      const timeZones = {
        employee: employeeZones.get(item.pair.employee.id) ?? fallback.timeZone,
        manager: managerSchedule.workingHours.timeZone,
      };
      try {
        const outcome = await bookSlot(pass, item, reason, slot, timeZones, agendaFor(item.pair));
        if (outcome === 'another-run') {
          pass.holds.release(key);
          note(pass.summary, 'skipped', ANOTHER_RUN, pairRef(pass.tenantId, item.pair));
        } else if (outcome === 'rebooked') pass.summary.rebooked++;
        else pass.summary.booked++;
      } catch (error) {
        rethrowIfAborted(error);
        // The hold stays: the record may well hold this slot, and the next run resumes it.
        note(
          pass.summary,
          'failed',
          `booking: ${failureReason(error)}`,
          pairRef(pass.tenantId, item.pair),
        );
      }
    });
  }
  return nextWindow;
}

/**
 * Writes the slot to the pair's record, with this pass's lease, before any Graph call, then sends
 * the invite. A record already there for this pair and quarter is either another run's (left to
 * it) or a cancelled one: the employee is back with a manager they had earlier this quarter, and
 * that record is booked again under a new attempt and transactionId.
 */
async function bookSlot(
  pass: TenantPass,
  item: ToBook,
  reason: ConversationReason,
  slot: BookedSlot,
  timeZones: { employee: string; manager: string },
  agendaHtml: () => Promise<string>,
): Promise<'booked' | 'rebooked' | 'another-run'> {
  const { services, tenantId } = pass;
  const at = pass.now.toISOString();
  const { pair } = item;
  const chosen = { kind: 'slot-chosen' as const, ...slot };
  const claimed = (record: ConversationRecord): ConversationRecord => ({
    ...record,
    timeZones,
    lease: newLease(pass.leases),
  });
  let pending: Stored<ConversationRecord> | null;
  if (item.record) {
    if (heldByAnother(item.record, pass.leases)) return 'another-run';
    pending = await services.conversations.replaceIfCurrent(
      claimed(advance(item.record, chosen, at)),
      item.record._etag,
    );
  } else {
    const quarter = quarterOf(slot.start);
    const id = conversationId(quarter, pair.manager.id);
    const fresh = newConversation(
      {
        id,
        pk: boardPartitionKey(tenantId, pair.employee.id),
        tenantId,
        employeeId: pair.employee.id,
        managerId: pair.manager.id,
        quarter,
        reason,
      },
      at,
    );
    pending = await services.conversations.create(claimed(advance(fresh, chosen, at)));
    if (pending === null) {
      const existing = await services.conversations.read(tenantId, pair.employee.id, id);
      if (!existing || !canTake(existing.status, 'back-with-manager')) return 'another-run';
      pending = await services.conversations.replaceIfCurrent(
        claimed(advance(existing, { ...chosen, kind: 'back-with-manager', reason }, at)),
        existing._etag,
      );
    }
  }
  if (pending === null) return 'another-run';
  track(pass, pending);
  const booked = await completeBooking(services, pass.calendar, pending, pair, agendaHtml, {
    lookUpFirst: false,
    leases: pass.leases,
    now: pass.now,
  });
  track(pass, booked);
  await notifyBooked(pass, booked, pair);
  return booked.attempt > 1 ? 'rebooked' : 'booked';
}

/** A chosen slot, and how it stretches working hours if it does. */
interface BookedSlot extends IsoInterval {
  stretch: StretchView | null;
}

/**
 * The tenant's stretch, if on. Who takes the early side alternates by quarter: the employee in
 * odd quarters, the manager in even ones (only when both sides fit; otherwise the one that does).
 */
function stretchRules(pass: TenantPass): StretchRules | null {
  const { stretch } = pass.settings;
  if (!stretch.enabled) return null;
  const quarterNumber = Number(quarterOf(pass.now).slice(-1));
  return {
    earliest: stretch.earliest,
    latest: stretch.latest,
    preferEarly: quarterNumber % 2 === 1 ? 'employee' : 'manager',
  };
}
