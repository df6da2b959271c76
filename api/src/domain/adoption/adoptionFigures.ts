import type {
  AdoptionFigures,
  AdoptionView,
  DepartmentAdoption,
} from '../../contract/adoptionContract';
import type { ConversationStatus } from '../conversations/records';

/** Adoption counts from the org chart, board rows and this quarter's conversations: pure. */

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
  pending: 2,
  scheduled: 3,
  held: 4,
};

export function adoptionFigures(
  people: readonly AdoptionPerson[],
  rows: readonly AdoptionBoardRow[],
  conversations: readonly AdoptionConversation[],
  context: { quarter: string; asOf: string; orgChartSyncedAt: string | null },
  minimumGroupSize: number = MINIMUM_GROUP_SIZE,
): AdoptionView {
  const states = statesOf(people, rows, conversations);
  const total = sum(people.map((p) => states.get(p.id)!));

  const byDepartment = new Map<string, AdoptionPerson[]>();
  for (const person of people) {
    const name = person.department?.trim() || '';
    byDepartment.set(name, [...(byDepartment.get(name) ?? []), person]);
  }
  const departments: DepartmentAdoption[] = [];
  const folded: PersonState[] = [];
  for (const [name, members] of [...byDepartment].sort(([a], [b]) => a.localeCompare(b))) {
    const memberStates = members.map((p) => states.get(p.id)!);
    if (name === '' || members.length < minimumGroupSize) folded.push(...memberStates);
    else departments.push({ department: name, ...sum(memberStates) });
  }
  // Folded groups are shown only when together they are big enough not to point at anyone.
  if (folded.length >= minimumGroupSize) departments.push({ department: null, ...sum(folded) });

  return { ...context, minimumGroupSize, total, departments };
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
