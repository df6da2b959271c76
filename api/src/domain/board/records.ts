import type { AspirationKind, Horizon, PersonRef, StepStatus } from '../../contract/boardContract';

/** What is stored in the `boards` container. All documents of a board share one partition. */

/**
 * A change's history entry travels inside the document it changed, written in the same operation,
 * so a change can never be saved without its entry and an entry never exists for a change that
 * was not saved. It is then copied to the `history` container (upsert by its fixed id, so copying
 * twice is harmless) and removed from the document; a copy that fails is retried by the next read
 * or write of the board.
 */
export interface CarriesHistory {
  pendingHistory?: HistoryRecord[];
}

export interface StepRecord {
  id: string;
  text: string;
  status: StepStatus;
  dueDate: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface EvidenceRecord {
  id: string;
  text: string;
  date: string;
  link: string | null;
  createdAt: string;
}

export interface AspirationRecord {
  type: 'aspiration';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  kind: AspirationKind;
  horizon: Horizon;
  title: string;
  details: string;
  targetDate: string | null;
  position: number;
  /** Counts the employee's content edits; an acknowledgement records the version it saw. */
  version: number;
  createdAt: string;
  updatedAt: string;
  steps: StepRecord[];
  evidence: EvidenceRecord[];
  /**
   * Which of the board's numbered places (`aspiration-slot` documents) this aspiration holds.
   * Absent on aspirations stored before slots existed; they count against the limit all the same.
   */
  slot?: number;
  pendingHistory?: HistoryRecord[];
}

/**
 * What a deleted aspiration becomes for the moment it takes to remove its acknowledgement,
 * comments and slot: no content, only the ids needed to finish, and the deletion's history entry.
 * Whoever reads the board next finishes a deletion that was interrupted.
 */
export interface AspirationTombstone {
  type: 'aspiration-deleted';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  slot: number | null;
  deletedAt: string;
  pendingHistory: HistoryRecord[];
}

/**
 * One of the board's `LIMITS.aspirationsPerBoard` places, claimed by creating the document with
 * its fixed id: Cosmos DB lets only one writer create an id, so no two aspirations share a place
 * and a board can never hold more aspirations than there are places, however many arrive at once.
 */
export interface AspirationSlotRecord {
  type: 'aspiration-slot';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  slot: number;
  aspirationId: string;
  claimedAt: string;
}

/**
 * Left on the board by every change that the invite's agenda shows (an aspiration added, edited,
 * moved or deleted, a step or evidence, an acknowledgement, an action of a conversation): invites
 * already sent carry what the board said then, so the invite refresh re-renders the bodies of the
 * pair's booked events and then removes this. Carries no content; one per board (fixed id),
 * however many changes, which is what coalesces them into one update.
 */
export interface AgendaRefreshRecord {
  type: 'agenda-refresh';
  id: typeof AGENDA_REFRESH_ID;
  pk: string;
  tenantId: string;
  employeeId: string;
  requestedAt: string;
  /**
   * `changed`: an edit, subject to the noise limits. Absent: a deletion (the only writer that
   * upserts the whole flag), whose text must leave the invites at the next refresh whatever the
   * limits; an edit after it only touches `changedAt`, so it never weakens that.
   */
  reason?: 'changed';
  /** The latest edit flagged; each one changes the flag's ETag, so a refresh racing it keeps the flag. */
  changedAt?: string;
}
export const AGENDA_REFRESH_ID = 'agenda-refresh';

/** Kept apart from the aspiration so the manager acknowledging never conflicts with an edit. */
export interface AcknowledgementRecord {
  type: 'acknowledgement';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  aspirationId: string;
  by: PersonRef;
  at: string;
  note: string | null;
  acknowledgedVersion: number;
  /**
   * The version whose acknowledgement the employee was notified of (claimed in the same write),
   * so acknowledging that version again never notifies twice. Absent until the first notice.
   */
  notifiedVersion?: number;
  pendingHistory?: HistoryRecord[];
}

export interface CommentRecord {
  type: 'comment';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  aspirationId: string;
  author: PersonRef;
  text: string;
  createdAt: string;
  pendingHistory?: HistoryRecord[];
}

export interface PrivateNotesRecord {
  type: 'private-notes';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  authorId: string;
  text: string;
  updatedAt: string;
}

export interface HistoryRecord {
  type: 'history';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  at: string;
  actor: PersonRef;
  action: HistoryAction;
  aspirationId: string | null;
  summary: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

export type HistoryAction =
  | 'aspiration.created'
  | 'aspiration.updated'
  | 'aspiration.reordered'
  | 'aspiration.deleted'
  | 'step.added'
  | 'step.updated'
  | 'step.removed'
  | 'evidence.added'
  | 'evidence.updated'
  | 'evidence.removed'
  | 'aspiration.acknowledged'
  | 'comment.added'
  | 'manager.changed';

export const boardPartitionKey = (tenantId: string, employeeId: string): string =>
  `${tenantId}|${employeeId}`;
export const acknowledgementId = (aspirationId: string): string => `ack-${aspirationId}`;
export const privateNotesId = (authorId: string): string => `notes-${authorId}`;
export const aspirationSlotId = (slot: number): string => `aspiration-slot-${slot}`;
/**
 * Comments are numbered per aspiration and created with that fixed id, so two comments arriving at
 * once cannot both take the last number: the limit holds without a lock.
 */
export const commentId = (aspirationId: string, index: number): string =>
  `${aspirationId}-comment-${index}`;
