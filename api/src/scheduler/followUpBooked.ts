import type { EventState } from '../domain/conversations/lifecycle';
import { advance, eventFromCalendar } from '../domain/conversations/lifecycle';
import type { ConversationRecord } from '../domain/conversations/records';
import type { BookedEvent } from '../graph/calendarGateway';
import type { Stored } from '../domain/stored';
import type { TenantPass } from './tenantPass';
import { track } from './tenantPass';

export type FollowUpOutcome =
  | { kind: 'unchanged' }
  | { kind: 'held' }
  | { kind: 'moved'; record: Stored<ConversationRecord> }
  | { kind: 'gave-up' }
  | { kind: 'another-run' }
  | { kind: 'rebook'; record: Stored<ConversationRecord> };

/**
 * What became of a booked conversation's event: held once its time has passed, its new time if
 * it was moved, back to booking if it was declined, cancelled or deleted (until the pair has been
 * rebooked too often, then the manager picks). Every write is conditional: a pass that lost the race leaves it.
 */
export async function followUpBooked(
  pass: TenantPass,
  record: Stored<ConversationRecord>,
  event: BookedEvent | null,
): Promise<FollowUpOutcome> {
  if (!record.event) return { kind: 'unchanged' };
  const state: EventState = !event
    ? { kind: 'gone' }
    : event.isCancelled
      ? { kind: 'cancelled' }
      : event.attendeeResponse === 'declined'
        ? { kind: 'declined', by: 'employee' }
        : event.start !== record.start || event.end !== record.end
          ? { kind: 'moved', start: event.start, end: event.end }
          : { kind: 'unchanged' };
  const happened = eventFromCalendar(record, state, pass.now);
  if (happened === null) return { kind: 'unchanged' };
  const write = async (next: ConversationRecord) => {
    const saved = await pass.services.conversations.replaceIfCurrent(next, record._etag);
    if (saved) track(pass, saved);
    return saved;
  };
  // A declined invite still sits on the manager's calendar: withdraw it before rebooking.
  if (state.kind === 'declined' && event)
    await pass.calendar.cancelEvent(record.managerId, event.id);
  const next = advance(record, happened, pass.now.toISOString());
  const saved = await write(
    happened.kind === 'declined' || happened.kind === 'cancelled' ? { ...next, lease: null } : next,
  );
  if (!saved) return { kind: 'another-run' };
  if (saved.status === 'held') return { kind: 'held' };
  if (happened.kind === 'moved') return { kind: 'moved', record: saved };
  if (saved.status === 'pending') return { kind: 'rebook', record: saved };
  return { kind: 'gave-up' };
}
