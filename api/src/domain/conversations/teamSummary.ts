import type { ConversationRef, NotBookedRef } from '../../contract/boardContract';
import type { QuarterWindowSettings } from '../scheduling';
import { DEFAULT_QUARTER_WINDOW, plannedWindow, quarterOf } from '../scheduling';
import type { ConversationRecord, ConversationStatus } from './records';

export interface ConversationSummary {
  last: ConversationRef | null;
  /** Null with `overdue: false` is the neutral state: not booked yet, and not late either. */
  next: ConversationRef | null;
  overdue: boolean;
  /** This quarter's conversation waits for the manager to pick a time (its own flag, not overdue). */
  needsPick: boolean;
  /** This quarter's conversation when the pass could not book it, with the reason. */
  notBooked: NotBookedRef | null;
}

/** What the team view knows about the scheduling passes: whether one has had its chance. */
export interface PassHistory {
  /** When a pass last synced this tenant's org chart (null: no pass has run yet). */
  lastPassAt: string | null;
}

const NOT_BOOKED: ReadonlySet<ConversationStatus> = new Set([
  'unbooked',
  'needs-manager-pick',
  'needs-attention',
]);

/** A conversation in one of these states is this quarter's conversation, done or on its way. */
const COVERED: ReadonlySet<ConversationStatus> = new Set(['pending', 'scheduled', 'held']);

/**
 * Last and next conversation of one employee, and whether they are overdue for one. Overdue means
 * this quarter's conversation is really late: a booking this quarter needs attention (rebooked too
 * often), or the quarter's planned booking weeks have passed and a pass has had its chance since
 * then without booking it. Before any pass has run this quarter nothing is overdue (day one), a
 * pair waiting for the manager's pick gets its own flag instead, and nothing from an earlier
 * quarter can flag anyone now.
 */
export function summariseConversations(
  records: ConversationRecord[],
  now: Date,
  window: QuarterWindowSettings = DEFAULT_QUARTER_WINDOW,
  passes: PassHistory = { lastPassAt: null },
): ConversationSummary {
  const live = records.filter(
    (r) => r.status !== 'cancelled' && r.start !== null && r.end !== null,
  );
  const ref = (r: ConversationRecord): ConversationRef => ({
    id: r.id,
    start: r.start!,
    end: r.end!,
    status: r.status,
    joinUrl: r.event?.joinUrl ?? null,
  });
  const past = live
    .filter(
      (r) =>
        r.status === 'held' || (r.status === 'scheduled' && Date.parse(r.end!) <= now.getTime()),
    )
    .sort((a, b) => b.start!.localeCompare(a.start!));
  const upcoming = live
    .filter(
      (r) =>
        (r.status === 'scheduled' || r.status === 'pending') && Date.parse(r.end!) > now.getTime(),
    )
    .sort((a, b) => a.start!.localeCompare(b.start!));
  const last = past[0] ? ref(past[0]) : null;
  const next = upcoming[0] ? ref(upcoming[0]) : null;

  const quarter = quarterOf(now);
  const thisQuarter = records.filter((r) => r.quarter === quarter);
  // An upcoming conversation counts even when keyed to the next quarter (a new pair's first one).
  const covered = next !== null || thisQuarter.some((r) => COVERED.has(r.status));
  const waiting = covered ? undefined : thisQuarter.find((r) => NOT_BOOKED.has(r.status));
  const needsPick = waiting?.status === 'needs-manager-pick';
  const stuck = waiting?.status === 'needs-attention';
  const windowEnd = Date.parse(plannedWindow(quarter, window).end);
  const passHadItsChance = passes.lastPassAt !== null && Date.parse(passes.lastPassAt) >= windowEnd;
  const late = now.getTime() >= windowEnd && passHadItsChance;
  return {
    last,
    next,
    overdue: !covered && !needsPick && (stuck || late),
    needsPick,
    notBooked: waiting
      ? {
          conversationId: waiting.id,
          status: waiting.status as NotBookedRef['status'],
          reason: waiting.unbooked?.reason ?? null,
          next: waiting.unbooked?.next ?? null,
          since: waiting.unbooked?.since ?? null,
        }
      : null,
  };
}
