import type { ConversationRecord } from '../domain/conversations/records';
import { advance } from '../domain/conversations/lifecycle';
import type { Stored } from '../domain/stored';
import { completeBooking, findEventOf, markScheduled } from './booking';
import { claim, heldByAnother, release } from './leases';
import { isPassAborted } from './passAborted';
import { notifyBooked } from './passNotifications';
import type { Pair, TenantPass } from './tenantPass';
import { track } from './tenantPass';

/** A pending slot closer than this is not used for a new invite: nobody gets one an hour ahead. */
const RESUME_MIN_LEAD_MS = 60 * 60_000;

export type ResumeOutcome =
  | { kind: 'booked'; rebooking: boolean }
  | { kind: 'another-run' }
  | { kind: 'choose-slot'; record: Stored<ConversationRecord> };

/**
 * Carries on with a booking a previous run started. The record, not the transactionId, says what
 * has happened: claim it, then look for the event its transactionId may already have created. An
 * event found is the booking (the invite went out; if its time has passed, the follow-up marks it
 * held). No event: send the invite if the slot is still far enough ahead, otherwise choose a new
 * slot under a new transactionId (attempt + 1), so a late answer to the old create can never be
 * mistaken for the new booking.
 */
export async function resumeBooking(
  pass: TenantPass,
  pair: Pair,
  record: Stored<ConversationRecord>,
  agendaHtml: () => Promise<string>,
): Promise<ResumeOutcome> {
  if (heldByAnother(record, pass.leases)) return { kind: 'another-run' };
  // No slot yet means no invite was ever sent for this transactionId: slot finding claims it.
  if (record.start === null || record.end === null) return { kind: 'choose-slot', record };
  const claimed = await claim(pass.services, record, pass.leases);
  if (!claimed) return { kind: 'another-run' };
  try {
    const found = await findEventOf(pass.calendar, claimed, pair.employee.mail ?? '');
    if (found) {
      const booked = await markScheduled(pass.services, claimed, found, true, pass.now);
      track(pass, booked);
      await notifyBooked(pass, booked, pair);
      return { kind: 'booked', rebooking: claimed.attempt > 1 };
    }
    if (Date.parse(claimed.start!) >= pass.now.getTime() + RESUME_MIN_LEAD_MS) {
      const booked = await completeBooking(
        pass.services,
        pass.calendar,
        claimed,
        pair,
        agendaHtml,
        { lookUpFirst: false, leases: pass.leases, now: pass.now },
      );
      track(pass, booked);
      await notifyBooked(pass, booked, pair);
      return { kind: 'booked', rebooking: claimed.attempt > 1 };
    }
    const fresh = await pass.services.conversations.replace(
      { ...advance(claimed, { kind: 'slot-lapsed' }, pass.now.toISOString()), lease: null },
      claimed._etag,
    );
    track(pass, fresh);
    return { kind: 'choose-slot', record: fresh };
  } catch (error) {
    if (!isPassAborted(error)) await release(pass.services, claimed, pass.leases);
    throw error;
  }
}
