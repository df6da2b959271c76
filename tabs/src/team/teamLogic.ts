import { HORIZON_ORDER as HORIZONS } from '../common/boardText';
import type { TeamFlag, TeamMemberView } from '@contract/boardContract';
import type { ConversationView } from '@contract/conversationContract';

/** Pure rules for the team view: which reports to show, in what order. */

export const TEAM_FILTERS = [
  'all',
  'needs-acknowledgement',
  'no-aspirations',
  'conversation-overdue',
] as const;
export type TeamFilter = (typeof TEAM_FILTERS)[number];

export const TEAM_SORTS = ['attention', 'name', 'next-conversation', 'last-conversation'] as const;
export type TeamSort = (typeof TEAM_SORTS)[number];

export const FILTER_TEXT: Record<TeamFilter, string> = {
  all: 'Everyone',
  'needs-acknowledgement': 'Needs acknowledgement',
  'no-aspirations': 'No aspirations',
  'conversation-overdue': 'Overdue',
};

export const SORT_TEXT: Record<TeamSort, string> = {
  attention: 'Needs attention first',
  name: 'Name',
  'next-conversation': 'Next conversation',
  'last-conversation': 'Longest since last conversation',
};

export const FLAG_TEXT: Record<TeamFlag, string> = {
  'needs-acknowledgement': 'Needs acknowledgement',
  'no-aspirations': 'No aspirations',
  'conversation-overdue': 'Conversation overdue',
  'conversation-needs-pick': 'Pick a conversation time',
  'target-date-passed': 'Target date passed',
};

export function matchesFilter(member: TeamMemberView, filter: TeamFilter): boolean {
  return filter === 'all' || member.flags.includes(filter);
}

/** Case- and accent-insensitive match on name, title and the aspirations shown. */
export function matchesSearch(member: TeamMemberView, query: string): boolean {
  const needle = fold(query.trim());
  if (!needle) return true;
  const haystack = [
    member.displayName,
    member.jobTitle ?? '',
    ...HORIZONS.map((h) => member.latestByHorizon[h] ?? ''),
  ]
    .map(fold)
    .join('\n');
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

/**
 * Higher means the manager should look sooner. Ordered by what the manager can do about it right
 * now: an aspiration waiting for their acknowledgement is theirs to act on this minute, and so is
 * a conversation waiting for them to pick its time; an overdue
 * conversation needs them to find a time; an empty board is for the employee to fill (the manager
 * can only ask). Each tier outweighs everything below it put together.
 */
export function attentionScore(member: TeamMemberView): number {
  return (
    (member.flags.includes('needs-acknowledgement') ? 100 : 0) +
    (member.flags.includes('conversation-needs-pick') ? 50 : 0) +
    (member.flags.includes('conversation-overdue') ? 10 : 0) +
    (member.flags.includes('no-aspirations') ? 1 : 0)
  );
}

const byName = (a: TeamMemberView, b: TeamMemberView) =>
  a.displayName.localeCompare(b.displayName, undefined, { sensitivity: 'base' });

/** Missing dates sort last in either direction. */
function byDate(pick: (m: TeamMemberView) => string | undefined, direction: 1 | -1) {
  return (a: TeamMemberView, b: TeamMemberView) => {
    const x = pick(a);
    const y = pick(b);
    if (!x && !y) return byName(a, b);
    if (!x) return 1;
    if (!y) return -1;
    return direction * x.localeCompare(y) || byName(a, b);
  };
}

export function sortMembers(members: readonly TeamMemberView[], sort: TeamSort): TeamMemberView[] {
  const sorted = [...members];
  switch (sort) {
    case 'name':
      return sorted.sort(byName);
    case 'next-conversation':
      return sorted.sort(byDate((m) => m.nextConversation?.start, 1));
    case 'last-conversation':
      // Never had one counts as longest ago.
      return sorted.sort((a, b) => {
        const x = a.lastConversation?.start ?? '';
        const y = b.lastConversation?.start ?? '';
        return x.localeCompare(y) || byName(a, b);
      });
    case 'attention':
      // Within a tier, more waiting to be acknowledged comes first.
      return sorted.sort(
        (a, b) =>
          attentionScore(b) - attentionScore(a) ||
          b.counts.needsAcknowledgement - a.counts.needsAcknowledgement ||
          byName(a, b),
      );
  }
}

export interface TeamQuery {
  filter: TeamFilter;
  search: string;
  sort: TeamSort;
}

export function visibleMembers(
  members: readonly TeamMemberView[],
  query: TeamQuery,
): TeamMemberView[] {
  return sortMembers(
    members.filter((m) => matchesFilter(m, query.filter) && matchesSearch(m, query.search)),
    query.sort,
  );
}

export function filterCounts(members: readonly TeamMemberView[]): Record<TeamFilter, number> {
  return Object.fromEntries(
    TEAM_FILTERS.map((f) => [f, members.filter((m) => matchesFilter(m, f)).length]),
  ) as Record<TeamFilter, number>;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A report's row once the manager has picked and booked their conversation. */
export function withBooked(member: TeamMemberView, booked: ConversationView): TeamMemberView {
  if (booked.start === null || booked.end === null) return member;
  return {
    ...member,
    notBooked: null,
    nextConversation: {
      id: booked.id,
      start: booked.start,
      end: booked.end,
      status: booked.status,
      joinUrl: booked.joinUrl,
    },
    flags: member.flags.filter(
      (f) => f !== 'conversation-needs-pick' && f !== 'conversation-overdue',
    ),
  };
}
