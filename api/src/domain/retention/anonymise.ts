import { createHash } from 'node:crypto';

import type { PersonRef } from '../../contract/boardContract';
import { contentFreeSummary } from '../board/historySummaries';
import type { AcknowledgementRecord, HistoryRecord } from '../board/records';
import type { ConversationRecord } from '../conversations/records';

/**
 * What an erased person's part in *someone else's* records becomes. Those records belong to the
 * other person (their board, their conversations), so they stay, but nothing in them points at
 * the erased person any more: no id, no name, nothing they wrote.
 */

export const FORMER_COLLEAGUE: PersonRef = {
  id: 'former-colleague',
  displayName: 'A former colleague',
};

/** The acknowledgement stays (the board was seen on that date); who saw it and their note go. */
export function anonymiseAcknowledgement<T extends AcknowledgementRecord>(record: T): T {
  return { ...record, by: FORMER_COLLEAGUE, note: null, pendingHistory: undefined };
}

/**
 * A history line the erased person caused, or that names them (a change of manager): the line
 * stays so the board's story has no hole, the actor and the changed values that name them go.
 */
export function anonymiseHistory<T extends HistoryRecord>(record: T, personId: string): T {
  const byThem = record.actor.id === personId;
  return {
    ...record,
    actor: byThem ? FORMER_COLLEAGUE : record.actor,
    // A comment's or acknowledgement's changes may quote what they wrote: drop them all.
    changes: byThem
      ? []
      : record.changes.map((c) => ({
          ...c,
          from: c.from === personId ? null : c.from,
          to: c.to === personId ? null : c.to,
        })),
  };
}

/**
 * A history line of a deleted aspiration: the line stays (who did what kind of change, when), the
 * title in its summary and every changed value go. The same result however often it is applied.
 */
export function eraseAspirationContent<T extends HistoryRecord>(record: T): T {
  return { ...record, summary: contentFreeSummary(record.action), changes: [] };
}

export function historyNamesPerson(record: HistoryRecord, personId: string): boolean {
  return (
    record.actor.id === personId ||
    record.changes.some((c) => c.from === personId || c.to === personId)
  );
}

/**
 * Stands in for the manager's id in a conversation's id (`{quarter}-{guid}`, the shape the API
 * accepts): one-way, and the same for the same record every time.
 */
function formerManagerKey(record: Pick<ConversationRecord, 'id' | 'pk' | 'createdAt'>): string {
  const hex = createHash('sha256')
    .update(`former-manager|${record.pk}|${record.id}|${record.createdAt}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A conversation the erased person held as the manager stays on the employee's record without
 * them. Its id named the manager (`{quarter}-{managerId}`), so it gets a new one derived from the
 * record alone (the same every time: a retried erasure writes the same document). Anything still
 * booked is cancelled: the organiser is gone.
 */
export function anonymiseConversation<T extends ConversationRecord>(record: T, now: string): T {
  const active = record.status === 'pending' || record.status === 'scheduled';
  return {
    ...record,
    id: `${record.quarter}-${formerManagerKey(record)}`,
    managerId: FORMER_COLLEAGUE.id,
    status: active ? 'cancelled' : record.status,
    event: null,
    lease: null,
    notices: {},
    log: [
      ...record.log,
      ...(active
        ? [
            {
              at: now,
              what: 'cancelled' as const,
              detail: 'the manager left; their part was erased',
            },
          ]
        : []),
    ],
  };
}
