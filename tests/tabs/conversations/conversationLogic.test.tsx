import {
  carriedActions,
  conversationStatus,
  conversationsWantingNotes,
  draftState,
  editDraft,
  formatConversationTime,
  newestFirst,
  nextConversation,
  notesPromptText,
  ownerName,
  timesDeclined,
  withActionAdded,
  withActionDone,
  withActionEdited,
  withActionRemoved,
} from '../../../tabs/src/conversations/conversationLogic';
import { notSeenByText } from '../../../tabs/src/common/boardText';
import { nextText, reasonClause } from '../../../tabs/src/common/notBookedText';
import { quarterText } from '../../../tabs/src/common/format';
import { aConversation, EMPLOYEE, MANAGER } from '../fixtures';

const now = new Date('2026-11-23T12:00:00Z');
const booked = aConversation();
const pastQ3 = aConversation({
  id: '2026-Q3-mgr-1',
  quarter: '2026-Q3',
  status: 'held',
  start: '2026-09-10T09:00:00.000Z',
  end: '2026-09-10T09:30:00.000Z',
  notesRequested: true,
});

describe('which conversation is next', () => {
  test('the booked one ahead, not the one already held', () => {
    expect(nextConversation([booked, pastQ3], now)?.id).toBe(booked.id);
  });

  test('one being booked or needing a new time is still ahead; a booked time that has passed is not', () => {
    expect(
      nextConversation([aConversation({ status: 'pending', start: null })], now),
    ).not.toBeNull();
    expect(nextConversation([aConversation({ status: 'needs-attention' })], now)).not.toBeNull();
    expect(nextConversation([booked], new Date('2026-12-02T00:00:00Z'))).toBeNull();
    expect(nextConversation([], now)).toBeNull();
  });

  test('of two ahead, the booked time comes before the one still being booked', () => {
    const pending = aConversation({ id: 'p', status: 'pending', start: null, end: null });
    expect(nextConversation([pending, booked], now)?.id).toBe(booked.id);
  });
});

describe('order', () => {
  test('newest first: by quarter, and in one quarter the one still being booked first', () => {
    const rebooking = aConversation({ id: 'r', status: 'pending', start: null });
    expect(newestFirst([pastQ3, booked, rebooking]).map((c) => c.id)).toEqual([
      'r',
      booked.id,
      pastQ3.id,
    ]);
  });
});

describe('what a conversation’s state is called', () => {
  test('booked, being booked, being booked again after a decline', () => {
    expect(conversationStatus(booked, now).label).toBe('Booked');
    expect(conversationStatus(aConversation({ status: 'pending' }), now).label).toBe(
      'Being booked',
    );
    const rebooking = conversationStatus(
      aConversation({
        status: 'pending',
        attempt: 2,
        log: [{ at: '2026-11-01T00:00:00Z', what: 'declined', detail: 'declined by the manager' }],
      }),
      now,
    );
    expect(`${rebooking.label} — ${rebooking.detail}`).toBe(
      'Being booked again — the last invite was declined, so Career Board is finding a new time.',
    );
  });

  test('after Career Board gave up, it counts the declines and says to talk', () => {
    const log = [
      { at: '2026-11-01T00:00:00Z', what: 'declined' as const, detail: 'declined by the employee' },
      { at: '2026-11-05T00:00:00Z', what: 'gave-up' as const, detail: 'declined by the manager' },
    ];
    expect(timesDeclined(log)).toBe(2);
    const status = conversationStatus(aConversation({ status: 'needs-attention', log }), now);
    expect(`${status.label} — ${status.detail}`).toBe(
      'Needs a new time — the invite was declined twice; talk to each other and agree a time yourselves.',
    );
    expect(status.tone).toBe('danger');
    expect(
      conversationStatus(aConversation({ status: 'needs-attention', log: [] }), now).detail,
    ).toMatch(/talk to each other/);
  });
});

describe('dates and times', () => {
  test('a booked time reads in the viewer’s locale and time zone, with the zone named', () => {
    expect(formatConversationTime(booked.start!, booked.end, now, 'en-GB', 'Europe/Berlin')).toBe(
      'Tuesday 1 December, 16:00–16:30 CET',
    );
    const newYork = formatConversationTime(
      booked.start!,
      booked.end,
      now,
      'en-US',
      'America/New_York',
    );
    expect(newYork).toMatch(/^Tuesday, December 1, 10:00\s*–\s*10:30\sAM EST$/);
  });

  test('another year is spelled out; a quarter reads as people say it', () => {
    expect(
      formatConversationTime(booked.start!, booked.end, new Date('2025-06-01'), 'en-GB', 'UTC'),
    ).toMatch(/^Tuesday,? 1 December 2026, 15:00–15:30 UTC$/);
    expect(quarterText('2026-Q4')).toBe('Q4 2026');
  });

  test('the notes prompt names the day the conversation happened', () => {
    expect(notesPromptText(pastQ3, now)).toMatch(
      /^Your conversation on (10 September|September 10) has happened — write down what you agreed$/,
    );
  });
});

describe('notes and actions', () => {
  test('both are asked for notes until someone has written them', () => {
    expect(conversationsWantingNotes([booked, pastQ3]).map((c) => c.id)).toEqual([pastQ3.id]);
    expect(conversationsWantingNotes([{ ...pastQ3, sharedNotes: 'Agreed x' }])).toEqual([]);
  });

  test('open actions of earlier conversations carry over; done ones and the next one’s do not', () => {
    const earlier = {
      ...pastQ3,
      actionItems: [
        { id: 'a', text: 'Open', owner: 'employee' as const, dueDate: null, done: false },
        { id: 'b', text: 'Done', owner: 'manager' as const, dueDate: null, done: true },
      ],
    };
    const next = {
      ...booked,
      actionItems: [
        { id: 'c', text: 'Now', owner: 'employee' as const, dueDate: null, done: false },
      ],
    };
    expect(carriedActions([next, earlier], next).map((c) => c.item.text)).toEqual(['Open']);
  });

  test('an action’s owner is named: the employee, the manager, or a previous manager', () => {
    const people = { employee: EMPLOYEE, manager: MANAGER };
    expect(ownerName('employee', booked, people)).toBe('Nia Adeyemi');
    expect(ownerName('manager', booked, people)).toBe('Tobias Becker');
    expect(ownerName('manager', { manager: { id: 'someone-else' } }, people)).toBe(
      'Previous manager',
    );
  });

  test('changes to actions are applied to the latest list, and sent back field by field', () => {
    const items = [
      { id: 'a', text: 'Write RFC', owner: 'employee' as const, dueDate: null, done: false },
    ];
    expect(
      withActionAdded({ text: 'Find mentor', owner: 'manager', dueDate: '2027-01-15' })(items),
    ).toEqual([
      { id: 'a', text: 'Write RFC', owner: 'employee', dueDate: null, done: false },
      { text: 'Find mentor', owner: 'manager', dueDate: '2027-01-15', done: false },
    ]);
    expect(withActionDone('a', true)(items)[0].done).toBe(true);
    expect(
      withActionEdited('a', { text: 'Write the RFC', owner: 'manager', dueDate: null })(items)[0],
    ).toEqual({ id: 'a', text: 'Write the RFC', owner: 'manager', dueDate: null, done: false });
    expect(withActionRemoved('a')(items)).toEqual([]);
  });

  test('changing an action someone else removed is a conflict, not a silent no-op', () => {
    expect(() => withActionDone('gone', true)([])).toThrow(/removed by someone else/);
  });
});

describe('drafts', () => {
  test('a draft exists only while the text differs from where the typing started', () => {
    expect(editDraft(undefined, 'saved', 'saved!')).toEqual({ text: 'saved!', base: 'saved' });
    expect(editDraft({ text: 'saved!', base: 'saved' }, 'saved', 'saved')).toBeUndefined();
  });

  test('saved text that changes under a draft is noticed; the same text saved is not a change', () => {
    const draft = { text: 'mine', base: 'old' };
    expect(draftState(draft, 'old')).toEqual({
      text: 'mine',
      dirty: true,
      changedElsewhere: false,
    });
    expect(draftState(draft, 'theirs')).toEqual({
      text: 'mine',
      dirty: true,
      changedElsewhere: true,
    });
    expect(draftState(draft, 'mine')).toEqual({
      text: 'mine',
      dirty: false,
      changedElsewhere: false,
    });
    expect(draftState(undefined, 'saved').text).toBe('saved');
  });
});

describe('who cannot read private notes', () => {
  test('the employee is told their manager cannot; the manager is told the employee cannot', () => {
    expect(notSeenByText('employee', EMPLOYEE)).toBe('Not your manager, not anyone else.');
    expect(notSeenByText('manager', EMPLOYEE)).toBe('Not Nia, not anyone else.');
  });
});

describe('a conversation Career Board could not book, in words for whoever reads it', () => {
  const waiting = aConversation({
    status: 'needs-manager-pick',
    start: null,
    end: null,
    joinUrl: null,
    unbooked: { reason: 'no-common-working-hours', next: 'manager-picks', since: '2026-12-01' },
  });
  const now = new Date('2026-12-06T10:00:00Z');
  const as = (viewer: 'employee' | 'manager') => ({ employee: EMPLOYEE, manager: MANAGER, viewer });

  it('tells the employee who picks the time, and the manager to pick', () => {
    expect(conversationStatus(waiting, now, as('employee')).label).toBe(
      'Waiting for Tobias to pick a time',
    );
    expect(conversationStatus(waiting, now, as('manager')).label).toBe('Pick a time');
  });
  it('why and what happens next, for each reader, never "Career Board will book one" while the manager picks', () => {
    expect(reasonClause({ status: 'needs-manager-pick', reason: 'no-common-working-hours' })).toBe(
      'the two working days never overlap (different time zones)',
    );
    expect(nextText('manager-picks', 'employee', 'Tobias')).toBe(
      'Tobias picks a time from the ones Career Board offers; the invite follows.',
    );
    expect(nextText('manager-picks', 'manager')).toBe(
      'Pick a time from the ones Career Board offers.',
    );
    expect(nextText('next-pass-retries', 'admin')).toBe(
      'Career Board tries again on its next daily run.',
    );
    expect(reasonClause({ status: 'needs-attention', reason: null })).toBe(
      'the invite was declined or cancelled too often',
    );
  });
  it('a pair not booked yet, or waiting for a pick, is the next conversation', () => {
    const unbooked = aConversation({ ...waiting, status: 'unbooked' });
    expect(nextConversation([unbooked], now)?.id).toBe(unbooked.id);
    expect(nextConversation([waiting], now)?.id).toBe(waiting.id);
  });
});
