import type { MeetingPanelView } from '@contract/meetingContract';
import { meetingAgenda } from '../../../tabs/src/conversations/meeting/meetingAgenda';
import { aBoard, aConversation, anAspiration } from '../fixtures';

const acknowledged = {
  at: '2026-10-01T10:00:00.000Z',
  by: { id: 'mgr-1', displayName: 'Tobias Becker' },
  note: null,
};

function aPanel(overrides: Partial<MeetingPanelView> = {}): MeetingPanelView {
  return {
    board: aBoard(),
    conversation: aConversation(),
    previousConversationEnd: null,
    carriedActions: [],
    ...overrides,
  };
}

describe('the agenda in the meeting', () => {
  it('lists what changed since the last conversation, and everything before the first', () => {
    const old = anAspiration({ id: 'old', title: 'Old', updatedAt: '2026-09-01T00:00:00.000Z' });
    const fresh = anAspiration({ id: 'new', title: 'New', updatedAt: '2026-11-01T00:00:00.000Z' });
    const board = aBoard({ aspirations: [old, fresh] });
    expect(
      meetingAgenda(
        aPanel({ board, previousConversationEnd: '2026-10-01T00:00:00.000Z' }),
      ).changed.map((a) => a.id),
    ).toEqual(['new']);
    expect(
      meetingAgenda(aPanel({ board }))
        .changed.map((a) => a.id)
        .sort(),
    ).toEqual(['new', 'old']);
  });

  it('asks for acknowledgement of what was never acknowledged or changed since', () => {
    const board = aBoard({
      aspirations: [
        anAspiration({ id: 'never', acknowledgement: null }),
        anAspiration({
          id: 'seen',
          acknowledgement: acknowledged,
          changedSinceAcknowledged: false,
        }),
        anAspiration({
          id: 'edited',
          acknowledgement: acknowledged,
          changedSinceAcknowledged: true,
        }),
      ],
    });
    expect(
      meetingAgenda(aPanel({ board }))
        .unacknowledged.map((a) => a.id)
        .sort(),
    ).toEqual(['edited', 'never']);
  });

  it('puts carried-over actions first, then this conversation’s open ones; done ones are left out', () => {
    const conversation = aConversation({
      actionItems: [
        { id: 'a1', text: 'Book the course', owner: 'manager', dueDate: null, done: false },
        { id: 'a2', text: 'Done already', owner: 'employee', dueDate: null, done: true },
      ],
    });
    const carriedActions = [
      {
        conversationId: 'c0',
        quarter: '2026-Q3',
        id: 'c1',
        text: 'Draft the RFC',
        owner: 'employee' as const,
      },
    ];
    expect(meetingAgenda(aPanel({ conversation, carriedActions })).openActions).toEqual([
      { id: 'c1', text: 'Draft the RFC', owner: 'employee', carried: true },
      { id: 'a1', text: 'Book the course', owner: 'manager', carried: false },
    ]);
  });
});
