import { createHash } from 'node:crypto';

import type { ConversationRecord } from '../conversations/records';

/**
 * When an invite already sent gets a new body. Every body change the organizer makes reaches the
 * attendee as a meeting update (Graph's event update sends one to all attendees unless only
 * `attendees` changed: https://learn.microsoft.com/graph/api/event-update), so each one is a mail
 * in the other person's inbox. The rules keep that to what people want:
 * - changes coalesce: the board carries one flag however many edits, and a body identical to the
 *   one last sent is not sent again;
 * - at most one update per conversation per day (the invite itself counts as the first);
 * - none from an hour before the start: by then people are opening the board itself, and an
 *   update arriving as the meeting starts is noise;
 * - a deletion ignores both limits: deleted text must leave every invite, even a past one.
 */

export const ONE_UPDATE_PER_MS = 24 * 3_600_000;
export const QUIET_BEFORE_START_MS = 3_600_000;

export type InviteRefreshDecision =
  /** Re-render and PATCH the body now. */
  | 'update'
  /** Not now, but the change must still reach it: keep the board's flag. */
  | 'later'
  /** Nothing to do for this event: no invite, cancelled, or too late for an edit. */
  | 'leave';

/** What the refresh remembers about the body it last sent (on the conversation record). */
export interface SentAgenda {
  /** sha256 of the agenda HTML last PATCHed or booked with. */
  hash: string;
  sentAt: string;
}

export function inviteRefreshDecision(
  record: Pick<ConversationRecord, 'status' | 'start' | 'event' | 'log'> & {
    agenda?: SentAgenda | null;
  },
  erasure: boolean,
  now: Date,
): InviteRefreshDecision {
  if (record.status === 'cancelled' || record.event === null) return 'leave';
  if (erasure) return 'update';
  if (record.status !== 'scheduled' || record.start === null) return 'leave';
  if (Date.parse(record.start) - now.getTime() <= QUIET_BEFORE_START_MS) return 'leave';
  const last = lastSentAt(record);
  if (last !== null && now.getTime() - Date.parse(last) < ONE_UPDATE_PER_MS) return 'later';
  return 'update';
}

/**
 * When the attendee last heard about this conversation: the latest of its booking, a move the
 * pass noticed (the organizer's Outlook sent that update) and our last body update.
 */
function lastSentAt(
  record: Pick<ConversationRecord, 'log'> & { agenda?: SentAgenda | null },
): string | null {
  const heard = record.log
    .filter((entry) => entry.what === 'booked' || entry.what === 'moved')
    .map((entry) => entry.at);
  if (record.agenda) heard.push(record.agenda.sentAt);
  return heard.length > 0 ? heard.sort()[heard.length - 1] : null;
}

export function agendaHash(agendaHtml: string): string {
  return createHash('sha256').update(agendaHtml).digest('hex');
}
