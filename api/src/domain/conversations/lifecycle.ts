import type {
  StretchView,
  UnbookedNext,
  UnbookedReason,
} from '../../contract/conversationContract';
import type {
  ConversationLogEntry,
  ConversationReason,
  ConversationRecord,
  ConversationStatus,
} from './records';
import { meetingChatIdOf } from './meetingChat';
import { transactionIdFor } from './records';
import type { NoSlotReason } from '../scheduling';

/**
 * The one home of a pair's conversation lifecycle: which states there are, which events move a
 * conversation from one to the next, and what the record looks like afterwards. The scheduler and
 * the handlers describe what happened (a slot was found, the invite was declined) and store what
 * `advance` returns; none of them writes a status of its own. Pure: no clock, no I/O.
 *
 *   new ─slot-chosen→ pending ─invite-sent→ scheduled ─held→ held
 *   new, pending, unbooked ─no-slot→ unbooked (next pass retries) | needs-manager-pick
 *   unbooked, needs-manager-pick ─slot-chosen | manager-picked→ pending
 *   pending ─slot-lapsed→ pending (new attempt, no slot)
 *   scheduled ─moved→ scheduled; ─declined | cancelled→ pending (new attempt), or after
 *     MAX_ATTEMPTS → needs-manager-pick (declined-too-often)
 *   pending, scheduled, unbooked, needs-manager-pick ─manager-changed→ cancelled
 *   cancelled ─back-with-manager→ pending (new attempt)
 */

/** A conversation is booked this many times at most (the first and two rebookings). */
export const MAX_ATTEMPTS = 3;

export type LifecycleEvent =
  /** The pass found a slot (stretch set when it lies outside someone's working hours). */
  | { kind: 'slot-chosen'; start: string; end: string; stretch: StretchView | null }
  /** The manager chose one of the offered slots. */
  | { kind: 'manager-picked'; start: string; end: string; stretch: StretchView | null }
  /** The invite exists on the manager's calendar (sent now, or found from an earlier run). */
  | {
      kind: 'invite-sent';
      eventId: string;
      joinUrl: string | null;
      start: string;
      end: string;
      found: boolean;
    }
  /** No slot this time; `reason` decides whether the next pass retries or the manager picks. */
  | { kind: 'no-slot'; reason: UnbookedReason }
  /** The chosen time came before the invite went out: choose another under a new transactionId. */
  | { kind: 'slot-lapsed' }
  | { kind: 'declined'; by: 'employee' | 'manager' }
  /** Cancelled or deleted in Outlook or Teams. */
  | { kind: 'cancelled'; why: string }
  | { kind: 'moved'; start: string; end: string }
  | { kind: 'held' }
  | { kind: 'manager-changed' }
  /** The employee is back with a manager whose conversation this quarter was cancelled. */
  | {
      kind: 'back-with-manager';
      reason: ConversationReason;
      start: string;
      end: string;
      stretch: StretchView | null;
    };

export type LifecycleEventKind = LifecycleEvent['kind'];

/**
 * Which states each event may leave. `needs-attention` is the state older records were left in
 * after too many declines; it is handled like `needs-manager-pick`.
 */
export const TRANSITIONS: Readonly<Record<LifecycleEventKind, readonly ConversationStatus[]>> = {
  'slot-chosen': ['pending', 'unbooked', 'needs-manager-pick'],
  'manager-picked': ['unbooked', 'needs-manager-pick', 'needs-attention'],
  'invite-sent': ['pending'],
  'no-slot': ['pending', 'unbooked', 'needs-manager-pick'],
  'slot-lapsed': ['pending'],
  declined: ['scheduled'],
  cancelled: ['scheduled'],
  moved: ['scheduled'],
  held: ['scheduled'],
  'manager-changed': ['pending', 'scheduled', 'unbooked', 'needs-manager-pick', 'needs-attention'],
  'back-with-manager': ['cancelled'],
};

/** Reasons a later pass may well not have: a calendar frees up, Graph comes back, a window opens. */
const RETRIABLE: ReadonlySet<UnbookedReason> = new Set([
  'no-free-slot',
  'out-of-office',
  'graph-unavailable',
]);

/** What happens next for a pair with no slot, given why. */
export function nextStepFor(reason: UnbookedReason): UnbookedNext {
  if (RETRIABLE.has(reason)) return 'next-pass-retries';
  if (reason === 'no-window-left' || reason === 'not-in-pilot') return 'next-quarter';
  return 'manager-picks';
}

export class LifecycleError extends Error {
  constructor(
    readonly from: ConversationStatus,
    readonly event: LifecycleEventKind,
  ) {
    super(`A ${from} conversation cannot take "${event}".`);
  }
}

export function canTake(status: ConversationStatus, event: LifecycleEventKind): boolean {
  return TRANSITIONS[event].includes(status);
}

/** Whether the pass should look for a slot itself; otherwise it leaves the pair to the manager. */
export function passBooks(record: Pick<ConversationRecord, 'status' | 'unbooked'>): boolean {
  if (record.status === 'unbooked') return true;
  // Waiting for a pick because the stretch found nothing: a later pass may find a slot after all.
  // Declined too often: the manager decides, the pass does not try a third time on its own.
  return record.status === 'needs-manager-pick' && record.unbooked?.reason !== 'declined-too-often';
}

/** The fields of a conversation that does not exist yet, in `pending` with no slot. */
export function newConversation(
  base: Pick<
    ConversationRecord,
    'id' | 'pk' | 'tenantId' | 'employeeId' | 'managerId' | 'quarter' | 'reason'
  >,
  at: string,
): ConversationRecord {
  return {
    type: 'conversation',
    ...base,
    status: 'pending',
    attempt: 1,
    transactionId: transactionIdFor(base, 1),
    start: null,
    end: null,
    event: null,
    log: [],
    sharedNotes: '',
    actionItems: [],
    notesRequested: false,
    unbooked: null,
    stretch: null,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The record after `event`, at `at`. Throws LifecycleError for an event its state cannot take
 * (a programming error: callers read the record's state before describing what happened).
 */
export function advance<R extends ConversationRecord>(
  record: R,
  event: LifecycleEvent,
  at: string,
): R {
  if (!canTake(record.status, event.kind)) throw new LifecycleError(record.status, event.kind);
  const log = (what: ConversationLogEntry['what'], detail: string) => [
    ...record.log,
    { at, what, detail },
  ];
  const newAttempt = () => {
    const attempt = record.attempt + 1;
    return { attempt, transactionId: transactionIdFor(record, attempt) };
  };
  // A slot to book: pending at that time, no longer unbooked, the invite still to be sent.
  const pendingAt = (slot: { start: string; end: string; stretch: StretchView | null }) => ({
    status: 'pending' as const,
    start: slot.start,
    end: slot.end,
    event: null,
    unbooked: null,
    stretch: slot.stretch,
    updatedAt: at,
  });
  switch (event.kind) {
    case 'slot-chosen':
      return {
        ...record,
        ...pendingAt(event),
        log: log('booking', event.stretch ? 'slot chosen inside the stretch' : 'slot chosen'),
      };
    case 'manager-picked': {
      // A pair that waited after too many declines gets a fresh attempt: its transactionId
      // belongs to an invite that was withdrawn. One that was never booked has not used its own.
      const used =
        record.unbooked?.reason === 'declined-too-often' || record.status === 'needs-attention';
      const fresh = used ? newAttempt() : {};
      return {
        ...record,
        ...fresh,
        ...pendingAt(event),
        log: log('manager-picked', 'the manager picked a slot'),
      };
    }
    case 'invite-sent':
      return {
        ...record,
        status: 'scheduled',
        event: {
          id: event.eventId,
          joinUrl: event.joinUrl,
          chatId: meetingChatIdOf(event.joinUrl),
        },
        start: event.start || record.start,
        end: event.end || record.end,
        unbooked: null,
        log: log('booked', event.found ? 'found the event a previous run created' : 'invite sent'),
        updatedAt: at,
      };
    case 'no-slot': {
      const next = nextStepFor(event.reason);
      const since =
        record.unbooked && record.unbooked.reason === event.reason ? record.unbooked.since : at;
      const unchanged =
        record.status === statusWhenUnbooked(next) && record.unbooked?.reason === event.reason;
      return {
        ...record,
        status: statusWhenUnbooked(next),
        start: null,
        end: null,
        event: null,
        stretch: null,
        unbooked: { reason: event.reason, next, since },
        // The same answer every day is not news: the log says when it started.
        log: unchanged ? record.log : log('unbooked', `no slot: ${event.reason}`),
        updatedAt: at,
      };
    }
    case 'slot-lapsed':
      return {
        ...record,
        ...newAttempt(),
        start: null,
        end: null,
        event: null,
        log: log('booking', 'the chosen time came before the invite went out; choosing another'),
        updatedAt: at,
      };
    case 'declined':
    case 'cancelled': {
      const why = event.kind === 'declined' ? `declined by the ${event.by}` : event.why;
      if (record.attempt >= MAX_ATTEMPTS) {
        // Rebooked twice already: a third automatic invite would be noise. The manager decides.
        return {
          ...record,
          status: 'needs-manager-pick',
          start: null,
          end: null,
          event: null,
          stretch: null,
          unbooked: { reason: 'declined-too-often', next: 'manager-picks', since: at },
          log: log('gave-up', `${why}; rebooked ${MAX_ATTEMPTS - 1} times already`),
          updatedAt: at,
        };
      }
      return {
        ...record,
        ...newAttempt(),
        status: 'pending',
        start: null,
        end: null,
        event: null,
        stretch: null,
        log: log(event.kind, why),
        updatedAt: at,
      };
    }
    case 'moved':
      return {
        ...record,
        start: event.start,
        end: event.end,
        log: log('moved', 'moved in the calendar'),
        updatedAt: at,
      };
    case 'held':
      return {
        ...record,
        status: 'held',
        notesRequested: true,
        log: log('held', 'the meeting time has passed'),
        updatedAt: at,
      };
    case 'manager-changed':
      return {
        ...record,
        status: 'cancelled',
        log: log('manager-changed', 'the employee has a new manager'),
        updatedAt: at,
      };
    case 'back-with-manager':
      return {
        ...record,
        ...newAttempt(),
        ...pendingAt(event),
        reason: event.reason,
        notesRequested: false,
        log: log('booking', 'back with this manager: slot chosen'),
      };
  }
}

function statusWhenUnbooked(next: UnbookedNext): ConversationStatus {
  return next === 'manager-picks' ? 'needs-manager-pick' : 'unbooked';
}

/** States in which the pair's slot is taken on both calendars (the pass's holds). */
export function holdsTime(status: ConversationStatus): boolean {
  return status === 'pending' || status === 'scheduled';
}

/** What a scheduling pass does with a pair's record this quarter. */
export type PassStep =
  | 'resume'
  | 'follow-up'
  | 'done'
  | 'book'
  | 'wait-for-manager'
  /** Cancelled: look at the pair's other records, or book afresh. */
  | 'ignore';

export function passStepFor(record: Pick<ConversationRecord, 'status' | 'unbooked'>): PassStep {
  switch (record.status) {
    case 'pending':
      return 'resume';
    case 'scheduled':
      return 'follow-up';
    case 'held':
      return 'done';
    case 'unbooked':
    case 'needs-manager-pick':
      return passBooks(record) ? 'book' : 'wait-for-manager';
    case 'needs-attention':
      return 'wait-for-manager';
    case 'cancelled':
      return 'ignore';
  }
}

/** The slot finder's reason in the words the app shows (UNBOOKED_REASONS). */
export function unbookedReasonFor(reason: NoSlotReason, stretchEnabled: boolean): UnbookedReason {
  switch (reason) {
    case 'no-common-working-hours':
      return stretchEnabled ? 'no-common-working-hours' : 'stretch-off';
    case 'window-empty':
      return 'no-window-left';
    default:
      return 'no-free-slot';
  }
}

/** What the follow-up learned about a booked event. */
export type EventState =
  | { kind: 'gone' }
  | { kind: 'cancelled' }
  | { kind: 'declined'; by: 'employee' | 'manager' }
  | { kind: 'moved'; start: string; end: string }
  | { kind: 'unchanged' };

/**
 * The lifecycle event a booked conversation's calendar state amounts to, or null when nothing
 * happened. A meeting whose (possibly moved) end has passed was held.
 */
export function eventFromCalendar(
  record: Pick<ConversationRecord, 'end'>,
  state: EventState,
  now: Date,
): LifecycleEvent | null {
  switch (state.kind) {
    case 'moved':
      return Date.parse(state.end) <= now.getTime()
        ? { kind: 'held' }
        : { kind: 'moved', start: state.start, end: state.end };
    case 'unchanged':
      return record.end !== null && Date.parse(record.end) <= now.getTime()
        ? { kind: 'held' }
        : null;
    case 'declined':
      return { kind: 'declined', by: state.by };
    case 'cancelled':
      return { kind: 'cancelled', why: 'cancelled in Outlook or Teams' };
    case 'gone':
      return { kind: 'cancelled', why: 'deleted from the calendar' };
  }
}
