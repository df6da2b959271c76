import type { ConversationRef } from '../../contract/boardContract';
import type { QuarterWindowSettings } from '../scheduling';
import { DEFAULT_QUARTER_WINDOW, plannedWindow, quarterOf } from '../scheduling';
import type { ConversationRecord, ConversationStatus } from './records';

export interface ConversationSummary {
  last: ConversationRef | null;
  /** Null with `overdue: false` is the neutral state: not booked yet, and not late either. */
  next: ConversationRef | null;
  overdue: boolean;
}

/** A conversation in one of these states is this quarter's conversation, done or on its way. */
const COVERED: ReadonlySet<ConversationStatus> = new Set(['pending', 'scheduled', 'held']);

/**
 * Last and next conversation of one employee, and whether they are overdue for one. Overdue means
 * this quarter's conversation is neither booked nor held although something says it should be: the
 * quarter's planned booking weeks have passed, or a booking this quarter needs attention (rebooked
 * too often). A pair the scheduler simply has not reached yet is not overdue, and nothing from an
 * earlier quarter can flag anyone now.
 */
export function summariseConversations(
  records: ConversationRecord[],
  now: Date,
  window: QuarterWindowSettings = DEFAULT_QUARTER_WINDOW,
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
  const stuck = thisQuarter.some((r) => r.status === 'needs-attention');
  const windowPassed = now.getTime() >= Date.parse(plannedWindow(quarter, window).end);
  return { last, next, overdue: !covered && (stuck || windowPassed) };
}
