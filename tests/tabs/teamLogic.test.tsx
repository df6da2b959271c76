import {
  attentionScore,
  filterCounts,
  matchesSearch,
  sortMembers,
  visibleMembers,
} from '../../tabs/src/team/teamLogic';
import { aMember } from './fixtures';

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

  test('"needs attention first" puts overdue, then unacknowledged, then the rest', () => {
    expect(sortMembers(team, 'attention').map((m) => m.id)).toEqual(['bob', 'zoe', 'ada']);
    expect(attentionScore(bob)).toBeGreaterThan(attentionScore(zoe));
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
