import {
  attentionScore,
  filterCounts,
  matchesSearch,
  sortMembers,
  visibleMembers,
  withBooked,
} from '../../../tabs/src/team/teamLogic';
import { aConversation, aMember } from '../fixtures';

const ada = aMember({
  id: 'ada',
  displayName: 'Ada Lovelace',
  jobTitle: 'Analyst',
  latestByHorizon: { next: 'Lead the engine project', '1y': null, '3y': 'Head of research' },
  lastConversation: {
    id: 'c1',
    start: '2026-01-05T10:00:00Z',
    end: '2026-01-05T10:30:00Z',
    status: 'held',
    joinUrl: null,
  },
  nextConversation: {
    id: 'c2',
    start: '2026-04-05T10:00:00Z',
    end: '2026-04-05T10:30:00Z',
    status: 'scheduled',
    joinUrl: null,
  },
});
const zoe = aMember({
  id: 'zoe',
  displayName: 'Zoë Quinn',
  jobTitle: 'Designer',
  flags: ['needs-acknowledgement'],
  counts: { aspirations: 3, needsAcknowledgement: 2, changedSinceAcknowledged: 1 },
  nextConversation: {
    id: 'c3',
    start: '2026-03-01T10:00:00Z',
    end: '2026-03-01T10:30:00Z',
    status: 'scheduled',
    joinUrl: null,
  },
});
const bob = aMember({
  id: 'bob',
  displayName: 'Bob Marley',
  jobTitle: 'Engineer',
  flags: ['no-aspirations', 'conversation-overdue'],
  counts: { aspirations: 0, needsAcknowledgement: 0, changedSinceAcknowledged: 0 },
});
const team = [ada, zoe, bob];

describe('team view rules', () => {
  test('filters keep only the reports with that flag', () => {
    const ids = (filter: Parameters<typeof visibleMembers>[1]['filter']) =>
      visibleMembers(team, { filter, search: '', sort: 'name' }).map((m) => m.id);
    expect(ids('all')).toEqual(['ada', 'bob', 'zoe']);
    expect(ids('needs-acknowledgement')).toEqual(['zoe']);
    expect(ids('no-aspirations')).toEqual(['bob']);
    expect(ids('conversation-overdue')).toEqual(['bob']);
  });

  test('search matches name, title and aspirations, ignoring case and accents', () => {
    expect(matchesSearch(zoe, 'zoe')).toBe(true);
    expect(matchesSearch(ada, 'ENGINE')).toBe(true);
    expect(matchesSearch(ada, 'head research')).toBe(true);
    expect(matchesSearch(bob, 'designer')).toBe(false);
    expect(matchesSearch(bob, '   ')).toBe(true);
  });

  test('"needs attention first" puts what the manager can act on now first: acknowledgement, then overdue, then no aspirations', () => {
    const overdueOnly = aMember({
      id: 'ola',
      displayName: 'Ola Nordmann',
      flags: ['conversation-overdue'],
    });
    const emptyOnly = aMember({
      id: 'eve',
      displayName: 'Eve Adams',
      flags: ['no-aspirations'],
      counts: { aspirations: 0, needsAcknowledgement: 0, changedSinceAcknowledged: 0 },
    });
    const ackAndOverdue = aMember({
      id: 'kim',
      displayName: 'Kim Park',
      flags: ['needs-acknowledgement', 'conversation-overdue'],
      counts: { aspirations: 1, needsAcknowledgement: 1, changedSinceAcknowledged: 0 },
    });
    const ackOne = aMember({
      id: 'ann',
      displayName: 'Ann Lee',
      flags: ['needs-acknowledgement'],
      counts: { aspirations: 1, needsAcknowledgement: 1, changedSinceAcknowledged: 0 },
    });
    const order = sortMembers(
      [ada, bob, emptyOnly, overdueOnly, ackOne, zoe, ackAndOverdue],
      'attention',
    ).map((m) => m.id);
    // Acknowledgement first (also overdue, then most waiting, then by name), then overdue (with
    // an empty board before without), then empty boards, then everyone else.
    expect(order).toEqual(['kim', 'zoe', 'ann', 'bob', 'ola', 'eve', 'ada']);
    expect(attentionScore(zoe)).toBeGreaterThan(attentionScore(bob));
  });

  test('conversation sorts put people without one last (next) or first (last)', () => {
    expect(sortMembers(team, 'next-conversation').map((m) => m.id)).toEqual(['zoe', 'ada', 'bob']);
    expect(sortMembers(team, 'last-conversation').map((m) => m.id)).toEqual(['bob', 'zoe', 'ada']);
  });

  test('filter counts say how many each filter would show', () => {
    expect(filterCounts(team)).toEqual({
      all: 3,
      'needs-acknowledgement': 1,
      'no-aspirations': 1,
      'conversation-overdue': 1,
    });
  });
});

describe('a time the manager picked from My team', () => {
  it('shows the booked conversation on the row at once and drops the pick and overdue flags', () => {
    const member = aMember({
      flags: ['conversation-needs-pick', 'target-date-passed'],
      notBooked: {
        conversationId: '2026-Q4-m',
        status: 'needs-manager-pick',
        reason: 'no-common-working-hours',
        next: 'manager-picks',
        since: null,
      },
    });
    const booked = aConversation({
      id: '2026-Q4-m',
      status: 'scheduled',
      start: '2026-12-07T15:00:00.000Z',
      end: '2026-12-07T15:30:00.000Z',
    });
    const row = withBooked(member, booked);
    expect(row.notBooked).toBeNull();
    expect(row.nextConversation).toMatchObject({ id: '2026-Q4-m', start: booked.start });
    expect(row.flags).toEqual(['target-date-passed']);
  });
  it('a pick waiting on the manager ranks above an overdue conversation in "needs attention first"', () => {
    const waiting = aMember({ id: 'w', displayName: 'B', flags: ['conversation-needs-pick'] });
    const overdue = aMember({ id: 'o', displayName: 'A', flags: ['conversation-overdue'] });
    expect(sortMembers([overdue, waiting], 'attention').map((m) => m.id)).toEqual(['w', 'o']);
  });
});
