import type { ConversationRecord, EventState } from '../domain/conversations/records';
import { followUp, transactionIdFor } from '../domain/conversations/records';
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
 * rebooked too often). Every write is conditional: a pass that lost the race leaves it.
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
  const decision = followUp(record, state, pass.now);
  const at = pass.now.toISOString();
  const write = async (next: ConversationRecord) => {
    const saved = await pass.services.conversations.replaceIfCurrent(next, record._etag);
    if (saved) track(pass, saved);
    return saved;
  };
  switch (decision.action) {
    case 'none':
      return { kind: 'unchanged' };
    case 'held': {
      const saved = await write({
        ...record,
        status: 'held',
        notesRequested: true,
        log: [...record.log, { at, what: 'held', detail: 'the meeting time has passed' }],
        updatedAt: at,
      });
      return saved ? { kind: 'held' } : { kind: 'another-run' };
    }
    case 'update-time': {
      const saved = await write({
        ...record,
        start: decision.start,
        end: decision.end,
        log: [...record.log, { at, what: 'moved', detail: 'moved in the calendar' }],
        updatedAt: at,
      });
      return saved ? { kind: 'moved', record: saved } : { kind: 'another-run' };
    }
    case 'give-up': {
      const saved = await write({
        ...record,
        status: 'needs-attention',
        log: [...record.log, { at, what: 'gave-up', detail: decision.why }],
        updatedAt: at,
      });
      return saved ? { kind: 'gave-up' } : { kind: 'another-run' };
    }
    case 'rebook': {
      // A declined invite still sits on the manager's calendar: withdraw it before rebooking.
      if (state.kind === 'declined' && event)
        await pass.calendar.cancelEvent(record.managerId, event.id);
      const attempt = record.attempt + 1;
      const saved = await write({
        ...record,
        status: 'pending',
        attempt,
        transactionId: transactionIdFor(record, attempt),
        start: null,
        end: null,
        event: null,
        lease: null,
        log: [
          ...record.log,
          {
            at,
            what: state.kind === 'declined' ? 'declined' : 'cancelled',
            detail: decision.why,
          },
        ],
        updatedAt: at,
      });
      return saved ? { kind: 'rebook', record: saved } : { kind: 'another-run' };
    }
  }
}
