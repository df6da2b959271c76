import type { AdoptionFigures, AdoptionView } from '../../contract/adoptionContract';
import type { ConversationStatus } from '../conversations/records';
import { publishedGroups, roundCount, roundingCoin } from './disclosureControl';
import type { DisclosurePolicy } from './disclosureControl';

/**
 * Adoption counts from the org chart, board rows and this quarter's conversations, as an admin
 * may see them: pure. The disclosure rules are in disclosureControl.ts.
 */

export const MINIMUM_GROUP_SIZE = 5;

export interface AdoptionPerson {
  id: string;
  department: string | null;
}

/** The fields of a board document adoption needs: never titles, details or notes. */
export type AdoptionBoardRow =
  | { type: 'aspiration'; employeeId: string; id: string; version: number }
  | {
      type: 'acknowledgement';
      employeeId: string;
      aspirationId: string;
      acknowledgedVersion: number;
    };

export interface AdoptionConversation {
  employeeId: string;
  status: ConversationStatus;
}

interface PersonState {
  aspirations: number;
  acknowledgedAspirations: number;
  conversation: ConversationStatus | null;
}

const EMPTY: AdoptionFigures = {
  people: 0,
  withAspirations: 0,
  acknowledged: 0,
  aspirations: { total: 0, acknowledged: 0 },
  conversations: { booked: 0, held: 0, needsAttention: 0, notYetBooked: 0 },
};

// Several records for one pair in a quarter (a cancelled one, then a rebooking): the furthest along wins.
const PROGRESS: Record<ConversationStatus, number> = {
  cancelled: 0,
  'needs-attention': 1,
  unbooked: 1,
  'needs-manager-pick': 1,
  pending: 2,
  scheduled: 3,
  held: 4,
};

export function adoptionFigures(
  people: readonly AdoptionPerson[],
  rows: readonly AdoptionBoardRow[],
  conversations: readonly AdoptionConversation[],
  context: { quarter: string; asOf: string; orgChartSyncedAt: string | null },
  policy: DisclosurePolicy,
): AdoptionView {
  const { minimumGroupSize } = policy;
  const head = { ...context, minimumGroupSize, roundingBase: minimumGroupSize };
  if (people.length < minimumGroupSize)
    return { ...head, withheld: 'fewer-than-minimum', total: null, departments: [] };

  const states = statesOf(people, rows, conversations);
  // The quarter is in every coin: each quarter's figures get fresh rounding, a population's
  // figures within a quarter keep theirs.
  const publish = (members: readonly AdoptionPerson[]) =>
    published(
      sum(members.map((p) => states.get(p.id)!)),
      members.map((p) => p.id),
      context.quarter,
      policy,
    );
  return {
    ...head,
    withheld: null,
    total: publish(people),
    departments: publishedGroups(people, minimumGroupSize).map((group) => ({
      department: group.department,
      ...publish(group.members),
    })),
  };
}

/** The exact counts, before any disclosure control: for tests and for nothing an admin sees. */
export function exactAdoption(
  people: readonly AdoptionPerson[],
  rows: readonly AdoptionBoardRow[],
  conversations: readonly AdoptionConversation[],
): AdoptionFigures {
  const states = statesOf(people, rows, conversations);
  return sum(people.map((p) => states.get(p.id)!));
}

/**
 * Every count randomly rounded to the base, each with its own coin over the same people.
 *
 * The complement needs care: the admin knows how many people a row covers (the org chart), so a
 * count of people with a property rounded up past that size (11 of 11 published as 15) would
 * prove that all of them have it. Such counts are capped at the largest multiple of the base not
 * above the row's size, so "everyone" is never certain, just as "no one" is not (0 means 0 to
 * k-1). Acknowledged aspirations are capped at the rounded aspirations, so no share reads above
 * 100%; that cap uses published figures only.
 */
function published(
  exact: AdoptionFigures,
  memberIds: readonly string[],
  quarter: string,
  { minimumGroupSize: base, roundingKey }: DisclosurePolicy,
): AdoptionFigures {
  const round = (figure: string, count: number, cap = Infinity) =>
    Math.min(
      cap,
      roundCount(count, base, roundingCoin(roundingKey, `${quarter}|${figure}`, memberIds)),
    );
  const people = round('people', exact.people);
  const everyone = base * Math.floor(exact.people / base);
  const aspirations = round('aspirations.total', exact.aspirations.total);
  const { conversations: c } = exact;
  return {
    people,
    withAspirations: round('withAspirations', exact.withAspirations, everyone),
    acknowledged: round('acknowledged', exact.acknowledged, everyone),
    aspirations: {
      total: aspirations,
      acknowledged: round('aspirations.acknowledged', exact.aspirations.acknowledged, aspirations),
    },
    conversations: {
      booked: round('conversations.booked', c.booked, everyone),
      held: round('conversations.held', c.held, everyone),
      needsAttention: round('conversations.needsAttention', c.needsAttention, everyone),
      notYetBooked: round('conversations.notYetBooked', c.notYetBooked, everyone),
    },
  };
}

function statesOf(
  people: readonly AdoptionPerson[],
  rows: readonly AdoptionBoardRow[],
  conversations: readonly AdoptionConversation[],
): Map<string, PersonState> {
  const states = new Map<string, PersonState>(
    people.map((p) => [p.id, { aspirations: 0, acknowledgedAspirations: 0, conversation: null }]),
  );
  const acknowledged = new Map<string, number>();
  for (const row of rows)
    if (row.type === 'acknowledgement') acknowledged.set(row.aspirationId, row.acknowledgedVersion);
  for (const row of rows) {
    if (row.type !== 'aspiration') continue;
    const state = states.get(row.employeeId);
    if (!state) continue;
    state.aspirations++;
    if ((acknowledged.get(row.id) ?? -1) >= row.version) state.acknowledgedAspirations++;
  }
  for (const c of conversations) {
    const state = states.get(c.employeeId);
    if (!state) continue;
    if (state.conversation === null || PROGRESS[c.status] > PROGRESS[state.conversation])
      state.conversation = c.status;
  }
  return states;
}

function sum(states: readonly PersonState[]): AdoptionFigures {
  return states.reduce<AdoptionFigures>(
    (acc, s) => ({
      people: acc.people + 1,
      withAspirations: acc.withAspirations + (s.aspirations > 0 ? 1 : 0),
      acknowledged: acc.acknowledged + (s.acknowledgedAspirations > 0 ? 1 : 0),
      aspirations: {
        total: acc.aspirations.total + s.aspirations,
        acknowledged: acc.aspirations.acknowledged + s.acknowledgedAspirations,
      },
      conversations: {
        booked:
          acc.conversations.booked +
          (s.conversation === 'scheduled' || s.conversation === 'pending' ? 1 : 0),
        held: acc.conversations.held + (s.conversation === 'held' ? 1 : 0),
        needsAttention:
          acc.conversations.needsAttention + (s.conversation === 'needs-attention' ? 1 : 0),
        notYetBooked:
          acc.conversations.notYetBooked +
          (s.conversation === null || s.conversation === 'cancelled' ? 1 : 0),
      },
    }),
    EMPTY,
  );
}
