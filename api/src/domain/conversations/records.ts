import { createHash } from 'node:crypto';

import type {
  ConversationStatusName,
  StretchView,
  UnbookedView,
} from '../../contract/conversationContract';
import type { SentAgenda } from '../invites/inviteRefreshRules';
import type { QuarterKey } from '../scheduling';

/** What is stored in the `conversations` container (partition `{tenantId}|{employeeId}`). */

export type ConversationStatus = ConversationStatusName;
export type ConversationReason = 'quarterly' | 'new-manager';

export interface ActionItem {
  id: string;
  text: string;
  owner: 'employee' | 'manager';
  dueDate: string | null;
  done: boolean;
}

export interface ConversationEventRef {
  id: string;
  joinUrl: string | null;
  /**
   * The Teams meeting chat id (`19:meeting_…@thread.v2`) read from joinUrl at booking, so the
   * meeting panel finds the record by equality on every poll. Absent on records written before it
   * was stored; null when the join URL is not a Teams meeting.
   */
  chatId?: string | null;
}

export interface ConversationLogEntry {
  at: string;
  what:
    | 'booking'
    | 'booked'
    | 'declined'
    | 'cancelled'
    | 'moved'
    | 'held'
    | 'gave-up'
    | 'manager-changed'
    | 'unbooked'
    | 'manager-picked';
  detail: string;
}

/**
 * A scheduling pass's claim on a conversation while it talks to Graph about it: written with
 * If-Match before the first Graph call, so two passes running at once (the timer, an admin's run,
 * the CLI) never both send the invite. It expires on its own, so a killed pass blocks nobody for long.
 */
export interface ConversationLease {
  /** The pass that holds it (a random id per pass). */
  owner: string;
  /** Wall-clock time, not the calendar's `now`: a lease is about a running process. */
  expiresAt: string;
}

/** One activity-feed notification about a conversation, claimed for one booking attempt. */
export interface ConversationNotice {
  attempt: number;
  at: string;
}

/**
 * The notifications a conversation has had, written (with If-Match) before they are sent, so a
 * rerun or an overlapping pass never sends one twice: `booked` with the write that makes it
 * scheduled, `reminder` by the daily pass that reminds. A new attempt (a rebooking) is new news.
 */
export interface ConversationNotices {
  booked?: ConversationNotice;
  reminder?: ConversationNotice;
}

export interface ConversationRecord {
  type: 'conversation';
  /** `{quarter}-{managerId}`: one per pair and quarter, so a retry finds it instead of booking twice. */
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  managerId: string;
  quarter: QuarterKey;
  reason: ConversationReason;
  status: ConversationStatus;
  /** 1 for the first booking; each rebooking after a decline or cancellation adds one. */
  attempt: number;
  transactionId: string;
  start: string | null;
  end: string | null;
  event: ConversationEventRef | null;
  log: ConversationLogEntry[];
  sharedNotes: string;
  actionItems: ActionItem[];
  /** Set when the conversation has ended: the board asks both people for notes. */
  notesRequested: boolean;
  /** Present while a pass is booking or cancelling it; absent on records written before leases. */
  lease?: ConversationLease | null;
  /**
   * Both people's time zones as their calendars gave them when the slot was chosen (IANA or
   * Windows names), so notifications tell each their own local time. Absent on older records.
   */
  timeZones?: { employee: string; manager: string } | null;
  /** Absent on records written before notifications existed. */
  notices?: ConversationNotices;
  /** Set while the pair has no slot (status `unbooked` or `needs-manager-pick`); absent on older records. */
  unbooked?: UnbookedView | null;
  /** Set when the booked slot is outside someone's working hours, inside the stretch limits. */
  stretch?: StretchView | null;
  /** The agenda the invite's body last got from the invite refresh; absent until the first one. */
  agenda?: SentAgenda | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationPrivateNotesRecord {
  type: 'conversation-private-notes';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  conversationId: string;
  authorId: string;
  text: string;
  updatedAt: string;
}

/**
 * How long a pass's claim lasts. Longer than any one booking takes (a getSchedule read, a lookup
 * and a create, each retried on 429 with Retry-After), far shorter than the day between timer runs.
 */
export const LEASE_MS = 10 * 60_000;

/** Whether another pass holds a live claim on this record at wall-clock time `atMs`. */
export function leasedByAnother(
  record: Pick<ConversationRecord, 'lease'>,
  owner: string,
  atMs: number,
): boolean {
  const lease = record.lease;
  return !!lease && lease.owner !== owner && Date.parse(lease.expiresAt) > atMs;
}

export const conversationId = (quarter: QuarterKey, managerId: string): string =>
  `${quarter}-${managerId}`;
export const conversationPrivateNotesId = (id: string, authorId: string): string =>
  `${id}-private-${authorId}`;

/**
 * The Graph `transactionId` of one booking attempt: the same inputs always give the same GUID, so a
 * repeated create after a lost response is recognised by Exchange as well as by our record.
 */
export function transactionIdFor(
  record: Pick<ConversationRecord, 'tenantId' | 'employeeId' | 'managerId' | 'quarter'>,
  attempt: number,
): string {
  const hex = createHash('sha256')
    .update(
      `${record.tenantId}|${record.employeeId}|${record.managerId}|${record.quarter}|${attempt}`,
    )
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
