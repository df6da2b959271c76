import fc from 'fast-check';

import { roundCount } from '../../../../api/src/domain/adoption/disclosureControl';
import type { ConversationStatus } from '../../../../api/src/domain/conversations/records';
import {
  K,
  PROPERTIES,
  cellsOf,
  possibleStates,
  publishedCounts,
  singledOut,
  somebody,
  viewOf,
} from './adoptionAttacker';
import type { OrgPerson } from './adoptionAttacker';

/**
 * Differencing attacks on the adoption figures. "Learning about fewer than the minimum group"
 * is made precise in adoptionAttacker.ts: given the published counts of every view compared
 * and the membership of every row, a person is singled out when all assignments of a
 * property consistent with the counts agree on that person. No test below may single anyone out.
 */

const team = (department: string, size: number, state: Partial<OrgPerson> = {}): OrgPerson[] =>
  Array.from({ length: size }, (_, i) => ({
    ...somebody(`${department}-${i}`, department),
    ...state,
  }));

describe('the adoption figures under attack', () => {
  it('total minus the shown departments leaves no one out (the demo "People" pair)', () => {
    const people = [
      ...team('Engineering', 6, { aspiration: true }),
      ...team('Sales', 5),
      ...team('People', 2, { aspiration: true, conversation: 'held' }),
    ];
    const view = viewOf(people);
    // Before: Engineering and Sales were rows and the total gave People's two people exactly.
    expect(view.departments.map((d) => d.department)).toEqual(['Engineering', null]);
    expect(view.departments.every((d) => d.people >= K)).toBe(true);
    expect(publishedCounts(view).every((n) => n % K === 0)).toBe(true);
    expect(singledOut([{ view, people }])).toEqual([]);
  });

  it('a pilot narrowed by a one-person department says nothing about that person', () => {
    const pilot = [...team('Engineering', 7), somebody('ops-0', 'Operations')];
    for (const state of [
      { aspiration: true, acknowledged: true, conversation: 'held' as const },
      { aspiration: false, acknowledged: false, conversation: null },
    ]) {
      const wide = pilot.map((p) => (p.id === 'ops-0' ? { ...p, ...state } : p));
      const narrow = wide.filter((p) => p.department === 'Engineering');
      const views = [
        { view: viewOf(wide), people: wide },
        { view: viewOf(narrow), people: narrow },
      ];
      expect(singledOut(views)).toEqual([]);
      // The population itself moves by 0 or by at least the minimum, never by one.
      expect(Math.abs(views[0]!.view.total!.people - views[1]!.view.total!.people) % K).toBe(0);
    }
  });

  it('a pilot scoped to a group under the minimum shows nothing at all', () => {
    const view = viewOf(team('Legal', K - 1, { aspiration: true }));
    expect(view.withheld).toBe('fewer-than-minimum');
    expect(view.total).toBeNull();
    expect(view.departments).toEqual([]);
  });

  it('one person joining between two days is not singled out, whatever their state', () => {
    const before = [...team('Engineering', 6, { aspiration: true }), ...team('Sales', 5)];
    for (const conversation of ['held', 'needs-attention', null] as const) {
      const joiner = { ...somebody('new', 'Sales'), aspiration: true, conversation };
      const after = [...before, joiner];
      expect(
        singledOut([
          { view: viewOf(before), people: before },
          { view: viewOf(after), people: after },
        ]),
      ).toEqual([]);
    }
  });

  it('one aspiration acknowledged overnight moves a count of a whole group, never of one person', () => {
    const before = [...team('Engineering', 6, { aspiration: true }), ...team('Sales', 6)];
    const after = before.map((p, i) => (i === 0 ? { ...p, acknowledged: true } : p));
    const views = [
      { view: viewOf(before), people: before },
      { view: viewOf(after), people: after },
    ];
    expect(singledOut(views)).toEqual([]);
    // Same people, same quarter: the same coins, so nothing else moves by chance.
    expect(views[1]!.view.total!.people).toBe(views[0]!.view.total!.people);
    expect(views[1]!.view.departments.map((d) => d.people)).toEqual(
      views[0]!.view.departments.map((d) => d.people),
    );
  });

  it('asking again gives the same answer, so repeating a query averages nothing away', () => {
    const people = [...team('Engineering', 9, { aspiration: true }), ...team('Sales', 7)];
    expect(viewOf([...people].reverse())).toEqual(viewOf(people));
  });

  it('exact counts would single people out: the attacker is able to find a leak', () => {
    // The same attacker against the pre-fix publication (exact counts, total and one row).
    const people = [...team('Engineering', 5), { ...somebody('p-0', 'People'), aspiration: true }];
    const exact = (members: OrgPerson[]) => ({
      members: members.map((p) => p.id),
      published: members.filter((p) => p.aspiration).length,
    });
    const cells = [exact(people), exact(people.slice(0, 5))];
    expect(possibleStates(cells, 1).get('p-0')).toEqual(new Set([true]));
  });
});

describe('rounding to the base', () => {
  it('is unbiased: the coin rounds up with probability (n mod k) / k', () => {
    expect(roundCount(10, K, 0.99)).toBe(10);
    expect(roundCount(12, K, 0.39)).toBe(15);
    expect(roundCount(12, K, 0.4)).toBe(10);
    expect(roundCount(3, K, 0.99)).toBe(0);
  });
});

const statuses: (ConversationStatus | null)[] = [
  null,
  'cancelled',
  'needs-attention',
  'pending',
  'scheduled',
  'held',
];
const arbitraryPerson = fc.record({
  department: fc.constantFrom('Engineering', 'Sales', 'People', 'Legal', null),
  aspiration: fc.boolean(),
  acknowledged: fc.boolean(),
  conversation: fc.constantFrom(...statuses),
});
// Random states, and whole organisations in one state (where "all of them" is the leak to find).
const arbitraryOrg = fc
  .oneof(
    fc.array(arbitraryPerson, { minLength: 1, maxLength: 12 }),
    fc
      .tuple(
        arbitraryPerson,
        fc.array(fc.constantFrom('Engineering', 'Sales', null), { minLength: 1, maxLength: 12 }),
      )
      .map(([state, departments]) => departments.map((department) => ({ ...state, department }))),
  )
  .map((people) => people.map((p, i): OrgPerson => ({ ...p, id: `person-${i}` })));

describe('property: any two views that differ by one person', () => {
  it('publish multiples of k over rows of at least k, and single nobody out', () => {
    fc.assert(
      fc.property(arbitraryOrg, fc.nat(), fc.string(), (people, pick, quarter) => {
        const person = people[pick % people.length]!;
        const without = people.filter((p) => p !== person);
        const views = [
          { view: viewOf(people, quarter), people },
          { view: viewOf(without, quarter), people: without },
        ];
        for (const { view, people: members } of views) {
          expect(publishedCounts(view).every((n) => n % K === 0)).toBe(true);
          expect(view.departments.every((d) => d.people >= K)).toBe(true);
          expect(view.total === null).toBe(members.length < K);
          // The truth is among what the attacker keeps: the rounding stays within k - 1.
          for (const property of PROPERTIES) {
            const states = possibleStates(cellsOf(view, members, property));
            for (const p of members)
              if (states.size > 0) expect(states.get(p.id)?.has(property.of(p))).toBe(true);
          }
        }
        expect(singledOut(views)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
