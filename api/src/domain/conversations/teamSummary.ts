import type { ConversationRef } from '../../contract/boardContract';
import type { ConversationRecord } from './records';

/** A conversation is overdue when none is booked ahead and the last one is older than this. */
export const OVERDUE_AFTER_DAYS = 100;

export interface ConversationSummary {
  last: ConversationRef | null;
  next: ConversationRef | null;
  overdue: boolean;
}

/** Last and next conversation of one employee, and whether they are overdue for one. */
export function summariseConversations(
  records: ConversationRecord[],
  now: Date,
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
  const stuck = records.some((r) => r.status === 'needs-attention');
  const stale =
    last === null || now.getTime() - Date.parse(last.end) > OVERDUE_AFTER_DAYS * 86_400_000;
  return { last, next, overdue: stuck || (next === null && stale) };
}
