import type { BoardView } from './boardContract';
import type { ConversationView } from './conversationContract';

/**
 * GET meetings/{chatId}/panel: what the Career Board tab shows inside a Teams meeting the app
 * booked, for one of its two people. The pair and quarter come from the stored conversation
 * record the meeting belongs to, never from the page. The answer carries a weak ETag of its
 * content; a poll with If-None-Match gets 304 and no body while nothing changed.
 */
export interface MeetingPanelView {
  board: BoardView;
  /** The conversation this meeting is for, with the caller's own private notes only. */
  conversation: ConversationView;
  /** When the pair's previous conversation ended: the agenda's "what changed" is since then. */
  previousConversationEnd: string | null;
  /** Actions still open from earlier conversations of the pair, oldest first. */
  carriedActions: {
    conversationId: string;
    quarter: string;
    id: string;
    text: string;
    owner: 'employee' | 'manager';
  }[];
}

/** How often an open panel asks whether anything changed (see tabs/README.md: Live in meetings). */
export const MEETING_POLL_SECONDS = 3;
