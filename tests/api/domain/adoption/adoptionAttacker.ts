import type { AdoptionFigures, AdoptionView } from '../../../../api/src/contract/adoptionContract';
import type {
  AdoptionBoardRow,
  AdoptionConversation,
  AdoptionPerson,
} from '../../../../api/src/domain/adoption/adoptionFigures';
import { adoptionFigures } from '../../../../api/src/domain/adoption/adoptionFigures';
import { publishedGroups } from '../../../../api/src/domain/adoption/disclosureControl';
import type { ConversationStatus } from '../../../../api/src/domain/conversations/records';

/**
 * An admin turned attacker, for the adoption tests. They know the org chart (who is in which
 * department, who is in each view and row: that is what the admin can read in Graph), the
 * disclosure rules and every published count, but not the rounding key and not anyone's board.
 */

export const K = 5;
export const POLICY = { minimumGroupSize: K, roundingKey: 'test-rounding-key' };
const CONTEXT = { quarter: '2027-Q1', asOf: '2027-01-19T06:00:00.000Z', orgChartSyncedAt: null };

/** One person of a test organisation, with the state their board and conversation are in. */
export interface OrgPerson extends AdoptionPerson {
  aspiration: boolean;
  acknowledged: boolean;
  conversation: ConversationStatus | null;
}

/** The view an admin gets for these people. */
export function viewOf(people: readonly OrgPerson[], quarter = CONTEXT.quarter): AdoptionView {
  const rows: AdoptionBoardRow[] = people.flatMap((p): AdoptionBoardRow[] => [
    ...(p.aspiration
      ? [{ type: 'aspiration' as const, employeeId: p.id, id: `${p.id}-a`, version: 1 }]
      : []),
    ...(p.aspiration && p.acknowledged
      ? [
          {
            type: 'acknowledgement' as const,
            employeeId: p.id,
            aspirationId: `${p.id}-a`,
            acknowledgedVersion: 1,
          },
        ]
      : []),
  ]);
  const conversations: AdoptionConversation[] = people.flatMap((p) =>
    p.conversation ? [{ employeeId: p.id, status: p.conversation }] : [],
  );
  return adoptionFigures(
    people.map(({ id, department }) => ({ id, department })),
    rows,
    conversations,
    { ...CONTEXT, quarter },
    POLICY,
  );
}

/** A yes/no property of one person that a published count adds up. */
export interface Property {
  name: string;
  of: (p: OrgPerson) => boolean;
  figure: (f: AdoptionFigures) => number;
}

export const PROPERTIES: Property[] = [
  { name: 'withAspirations', of: (p) => p.aspiration, figure: (f) => f.withAspirations },
  {
    name: 'acknowledged',
    of: (p) => p.aspiration && p.acknowledged,
    figure: (f) => f.acknowledged,
  },
  {
    name: 'booked',
    of: (p) => p.conversation === 'pending' || p.conversation === 'scheduled',
    figure: (f) => f.conversations.booked,
  },
  { name: 'held', of: (p) => p.conversation === 'held', figure: (f) => f.conversations.held },
  {
    name: 'needsAttention',
    of: (p) => p.conversation === 'needs-attention',
    figure: (f) => f.conversations.needsAttention,
  },
  {
    name: 'notYetBooked',
    of: (p) => p.conversation === null || p.conversation === 'cancelled',
    figure: (f) => f.conversations.notYetBooked,
  },
];

/** A published count and the people it covers, as the attacker reconstructs it. */
interface Cell {
  members: string[];
  published: number;
}

/** Every published cell of a view for one property: the total and each department row. */
export function cellsOf(
  view: AdoptionView,
  people: readonly OrgPerson[],
  property: Property,
): Cell[] {
  if (view.total === null) return [];
  const groups = publishedGroups(people, view.minimumGroupSize);
  return [
    { members: people.map((p) => p.id), published: property.figure(view.total) },
    ...view.departments.map((row, i) => ({
      members: groups[i]!.members.map((p) => p.id),
      published: property.figure(row),
    })),
  ];
}

/**
 * What the attacker can conclude about each person from these cells. The contract says a count
 * r is a random rounding to base k of a true count n, so |n - r| < k (base 1: exact). The attacker enumerates
 * every yes/no assignment of the property to the people involved and keeps those that every
 * cell allows. A person's state is *attributable* when all kept assignments agree on it.
 * Returns, per person, the set of values still possible (both, for nobody singled out).
 */
export function possibleStates(
  cells: readonly Cell[],
  base: number = K,
): Map<string, Set<boolean>> {
  const ids = [...new Set(cells.flatMap((c) => c.members))];
  if (ids.length > 16) throw new Error('the exhaustive attacker is for small organisations');
  const index = new Map(ids.map((id, i) => [id, i]));
  const masks = cells.map((c) => c.members.reduce((m, id) => m | (1 << index.get(id)!), 0));
  const possible = new Map(ids.map((id) => [id, new Set<boolean>()]));
  for (let assignment = 0; assignment < 1 << ids.length; assignment++) {
    const allowed = cells.every(
      (c, i) => Math.abs(popCount(assignment & masks[i]!) - c.published) < base,
    );
    if (allowed) ids.forEach((id, i) => possible.get(id)!.add((assignment & (1 << i)) !== 0));
  }
  return possible;
}

function popCount(n: number): number {
  let count = 0;
  for (let rest = n; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Everything the attacker learns about anyone from these views: the people singled out. */
export function singledOut(
  views: readonly { view: AdoptionView; people: readonly OrgPerson[] }[],
): { person: string; property: string }[] {
  return PROPERTIES.flatMap((property) => {
    const cells = views.flatMap(({ view, people }) => cellsOf(view, people, property));
    return [...possibleStates(cells)]
      .filter(([, states]) => states.size < 2)
      .map(([person]) => ({ person, property: property.name }));
  });
}

/** Every count a view publishes, flattened, for "each is a multiple of k" checks. */
export function publishedCounts(view: AdoptionView): number[] {
  const counts = (f: AdoptionFigures) => [
    f.people,
    f.withAspirations,
    f.acknowledged,
    f.aspirations.total,
    f.aspirations.acknowledged,
    ...Object.values(f.conversations),
  ];
  return [...(view.total ? counts(view.total) : []), ...view.departments.flatMap(counts)];
}

/** A person with no board and no conversation yet, to vary from. */
export const somebody = (id: string, department: string | null): OrgPerson => ({
  id,
  department,
  aspiration: false,
  acknowledged: false,
  conversation: null,
});
