import type {
  AcknowledgementView,
  AspirationKind,
  CommentView,
  EvidenceView,
  Horizon,
  PersonRef,
  StepView,
} from './boardContract';
import type { ConversationView } from './conversationContract';
import type { AdviceThreadView, ShareView } from './sharingContract';

/** The employee's own export of their journal: `GET /api/me/export?format=json|md`. */

export const EXPORT_FORMATS = ['json', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedAspiration {
  id: string;
  kind: AspirationKind;
  horizon: Horizon;
  title: string;
  details: string;
  targetDate: string | null;
  createdAt: string;
  updatedAt: string;
  steps: StepView[];
  evidence: EvidenceView[];
  acknowledgement: AcknowledgementView | null;
  comments: CommentView[];
}

export interface ExportedHistoryEntry {
  at: string;
  actor: PersonRef;
  action: string;
  summary: string;
}

export type ExportedConversation = Pick<
  ConversationView,
  'id' | 'quarter' | 'status' | 'reason' | 'start' | 'end' | 'sharedNotes' | 'actionItems'
> & {
  /** The employee's own private notes on it; the manager's are never exported. */
  myPrivateNotes: string;
};

export interface MyDataExport {
  format: 'career-board-export';
  version: 1;
  exportedAt: string;
  person: PersonRef;
  aspirations: ExportedAspiration[];
  /** Newest first, as the board's history shows it. */
  history: ExportedHistoryEntry[];
  conversations: ExportedConversation[];
  /** Private notes this person wrote: on their own board, and (as a manager) on reports' boards. */
  privateNotes: { boardOf: string; text: string; updatedAt: string }[];
  /** Their private notes on conversations they took part in as a manager. */
  conversationNotesAsManager: { employeeId: string; conversationId: string; text: string }[];
  /** Whom they shared their board with, and the advice asked and given on it (issue 13). */
  sharing?: { shares: ShareView[]; advice: AdviceThreadView[] };
}
