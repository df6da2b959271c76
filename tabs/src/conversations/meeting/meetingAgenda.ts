import type { AspirationView } from '@contract/boardContract';
import type { MeetingPanelView } from '@contract/meetingContract';

/** This quarter's agenda in the meeting, from the panel the API sent: pure, so it is unit-tested. */

export interface AgendaAction {
  id: string;
  text: string;
  owner: 'employee' | 'manager';
  /** Agreed in an earlier quarter and still open. */
  carried: boolean;
}

export interface MeetingAgenda {
  /** Written or edited since the pair's last conversation (all of it, before their first). */
  changed: AspirationView[];
  /** Not yet acknowledged, or edited since the manager last did. */
  unacknowledged: AspirationView[];
  /** Open actions: carried over first, then this conversation's. */
  openActions: AgendaAction[];
}

export function needsAcknowledgement(aspiration: AspirationView): boolean {
  return aspiration.acknowledgement === null || aspiration.changedSinceAcknowledged;
}

export function meetingAgenda(panel: MeetingPanelView): MeetingAgenda {
  const since = panel.previousConversationEnd;
  const aspirations = [...panel.board.aspirations].sort((a, b) => a.position - b.position);
  return {
    changed: aspirations.filter((a) => since === null || a.updatedAt > since),
    unacknowledged: aspirations.filter(needsAcknowledgement),
    openActions: [
      ...panel.carriedActions.map((a) => ({
        id: a.id,
        text: a.text,
        owner: a.owner,
        carried: true,
      })),
      ...panel.conversation.actionItems
        .filter((a) => !a.done)
        .map((a) => ({ id: a.id, text: a.text, owner: a.owner, carried: false })),
    ],
  };
}
