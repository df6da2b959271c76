import type { AspirationKind, Horizon, PersonRef, StepStatus } from '../../contract/boardContract';

/** What is stored in the `boards` container. All documents of a board share one partition. */

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
}

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
  | 'evidence.added'
  | 'aspiration.acknowledged'
  | 'comment.added'
  | 'manager.changed';

export const boardPartitionKey = (tenantId: string, employeeId: string): string =>
  `${tenantId}|${employeeId}`;
export const acknowledgementId = (aspirationId: string): string => `ack-${aspirationId}`;
export const privateNotesId = (authorId: string): string => `notes-${authorId}`;
