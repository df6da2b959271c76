import type { AdoptionBoardRow } from '../../../../api/src/domain/adoption/adoptionFigures';
import {
  adoptionFigures,
  exactAdoption,
} from '../../../../api/src/domain/adoption/adoptionFigures';
import { publishedGroups } from '../../../../api/src/domain/adoption/disclosureControl';

const policy = { minimumGroupSize: 5, roundingKey: 'test-rounding-key' };
const context = { quarter: '2027-Q1', asOf: '2027-01-19T06:00:00.000Z', orgChartSyncedAt: null };
const person = (id: string, department: string | null = 'Engineering') => ({ id, department });
const aspiration = (employeeId: string, id: string, version = 1): AdoptionBoardRow => ({
  type: 'aspiration',
  employeeId,
  id,
  version,
});
const ack = (
  employeeId: string,
  aspirationId: string,
  acknowledgedVersion = 1,
): AdoptionBoardRow => ({
  type: 'acknowledgement',
  employeeId,
  aspirationId,
  acknowledgedVersion,
});

describe('adoption figures', () => {
  it('counts people with aspirations, acknowledged ones and this quarter’s conversations', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id));
    const exact = exactAdoption(
      people,
      [
        aspiration('a', 'a1'),
        aspiration('a', 'a2', 3),
        ack('a', 'a1'),
        ack('a', 'a2', 2), // seen before the last edit: not acknowledged any more
        aspiration('b', 'b1'),
      ],
      [
        { employeeId: 'a', status: 'held' },
        { employeeId: 'b', status: 'cancelled' },
        { employeeId: 'b', status: 'scheduled' },
        { employeeId: 'c', status: 'needs-attention' },
        { employeeId: 'd', status: 'cancelled' },
      ],
    );
    expect(exact).toEqual({
      people: 5,
      withAspirations: 2,
      acknowledged: 1,
      aspirations: { total: 3, acknowledged: 1 },
      conversations: { booked: 1, held: 1, needsAttention: 1, notYetBooked: 2 },
    });
  });

  it('ignores rows of people outside the population (left, disabled, out of the pilot)', () => {
    const exact = exactAdoption(
      [person('a')],
      [aspiration('gone', 'g1'), ack('gone', 'g1')],
      [{ employeeId: 'gone', status: 'held' }],
    );
    expect(exact.withAspirations).toBe(0);
    expect(exact.conversations.held).toBe(0);
  });

  it('never shows a group small enough to point at a person', () => {
    const people = [
      ...['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => person(id, 'Engineering')),
      ...['s1', 's2', 's3'].map((id) => person(id, 'Sales')),
      person('x1', null),
      person('l1', 'Legal'),
    ];
    const view = adoptionFigures(people, [aspiration('l1', 'l')], [], context, policy);
    expect(view.departments.map((d) => [d.department, d.people])).toEqual([
      ['Engineering', 5],
      [null, 5],
    ]);
    expect(view.total?.people).toBe(10);

    const tiny = adoptionFigures(people.slice(0, 7), [], [], context, policy);
    // Sales has two people here. It used to be folded away while Engineering (5) and the total
    // (7) were shown: 7 - 5 gave Sales exactly. The fold now takes Engineering in too, and one
    // row for everyone would only repeat the total, so there is no department row at all.
    expect(publishedGroups(people.slice(0, 7), 5).map((g) => g.department)).toEqual([]);
    expect(tiny.departments).toEqual([]);
    expect(tiny.total?.people).toBeGreaterThanOrEqual(5);
  });

  it('folds the next-smallest department in when the small ones are too few on their own', () => {
    const people = [
      ...['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'].map((id) => person(id, 'Engineering')),
      ...['s1', 's2', 's3', 's4', 's5', 's6'].map((id) => person(id, 'Sales')),
      ...['o1', 'o2', 'o3', 'o4', 'o5'].map((id) => person(id, 'Operations')),
      ...['p1', 'p2'].map((id) => person(id, 'People')),
    ];
    const groups = publishedGroups(people, 5);
    expect(groups.map((g) => [g.department, g.members.length])).toEqual([
      ['Engineering', 7],
      ['Sales', 6],
      [null, 7], // People (2) with Operations (5), the smallest department
    ]);
    expect(groups.reduce((n, g) => n + g.members.length, 0)).toBe(people.length);
  });

  it('rounds every count to a multiple of the minimum, the same way each time', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => person(id));
    const rows = [aspiration('a', 'a1'), aspiration('b', 'b1'), aspiration('c', 'c1')];
    const view = adoptionFigures(people, rows, [], context, policy);
    expect([5, 10]).toContain(view.total?.people);
    expect([0, 5]).toContain(view.total?.withAspirations);
    expect(adoptionFigures(people, rows, [], context, policy)).toEqual(view);
    expect(view.roundingBase).toBe(5);
    expect(view.withheld).toBeNull();
  });

  it('shows nothing, and says why, for fewer people than the minimum', () => {
    const view = adoptionFigures([person('a'), person('b')], [], [], context, policy);
    expect(view).toMatchObject({ withheld: 'fewer-than-minimum', total: null, departments: [] });
  });
});
