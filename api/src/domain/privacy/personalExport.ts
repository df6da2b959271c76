import type { MyDataExport } from '../../contract/exportContract';
import type { PersonRef } from '../../contract/boardContract';
import { sortAspirations } from '../board/boardView';
import type {
  AcknowledgementRecord,
  AspirationRecord,
  CommentRecord,
  HistoryRecord,
  PrivateNotesRecord,
} from '../board/records';
import type { ConversationPrivateNotesRecord, ConversationRecord } from '../conversations/records';
import type { AdviceThreadRecord, ShareRecord } from '../sharing/records';
import { shareView, threadView } from '../sharing/sharingViews';

/**
 * The employee's own export, as data (JSON) and as a document a person can read (Markdown).
 * Only what is theirs: their board with what their manager said on it, its history, their
 * conversations, and the private notes they wrote. Other people's private notes never arrive
 * here (the store does not read them).
 */

/** What the store reads for one person's export. */
export interface PersonRecords {
  aspirations: AspirationRecord[];
  acknowledgements: AcknowledgementRecord[];
  comments: CommentRecord[];
  history: HistoryRecord[];
  conversations: ConversationRecord[];
  /** Written by this person: on their own board or on a report's board. */
  boardNotes: PrivateNotesRecord[];
  conversationNotes: ConversationPrivateNotesRecord[];
  /** Issue 13: whom the person shared their board with, and the advice threads on it. */
  shares?: ShareRecord[];
  threads?: AdviceThreadRecord[];
}

export function buildExport(person: PersonRef, records: PersonRecords, now: Date): MyDataExport {
  const acks = new Map(records.acknowledgements.map((a) => [a.aspirationId, a]));
  const ownNotes = new Map(
    records.conversationNotes
      .filter((n) => n.employeeId === person.id)
      .map((n) => [n.conversationId, n.text]),
  );
  return {
    format: 'career-board-export',
    version: 1,
    exportedAt: now.toISOString(),
    person,
    aspirations: sortAspirations(records.aspirations).map((a) => {
      const ack = acks.get(a.id);
      return {
        id: a.id,
        kind: a.kind,
        horizon: a.horizon,
        title: a.title,
        details: a.details,
        targetDate: a.targetDate,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        steps: a.steps,
        evidence: a.evidence,
        acknowledgement: ack ? { by: ack.by, at: ack.at, note: ack.note } : null,
        comments: records.comments
          .filter((c) => c.aspirationId === a.id)
          .sort((x, y) => x.createdAt.localeCompare(y.createdAt))
          .map((c) => ({ id: c.id, author: c.author, text: c.text, createdAt: c.createdAt })),
      };
    }),
    history: [...records.history]
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((h) => ({ at: h.at, actor: h.actor, action: h.action, summary: h.summary })),
    conversations: [...records.conversations]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((c) => ({
        id: c.id,
        quarter: c.quarter,
        status: c.status,
        reason: c.reason,
        start: c.start,
        end: c.end,
        sharedNotes: c.sharedNotes,
        actionItems: c.actionItems,
        myPrivateNotes: ownNotes.get(c.id) ?? '',
      })),
    privateNotes: records.boardNotes
      .filter((n) => n.authorId === person.id)
      .map((n) => ({ boardOf: n.employeeId, text: n.text, updatedAt: n.updatedAt })),
    conversationNotesAsManager: records.conversationNotes
      .filter((n) => n.authorId === person.id && n.employeeId !== person.id)
      .map((n) => ({ employeeId: n.employeeId, conversationId: n.conversationId, text: n.text })),
    sharing: {
      shares: (records.shares ?? []).map(shareView),
      advice: (records.threads ?? []).map((t) => ({ ...threadView(t), etag: '' })),
    },
  };
}
