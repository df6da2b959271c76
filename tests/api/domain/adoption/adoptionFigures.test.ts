import type { AdoptionBoardRow } from '../../../../api/src/domain/adoption/adoptionFigures';
import { adoptionFigures } from '../../../../api/src/domain/adoption/adoptionFigures';

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
    const view = adoptionFigures(
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
      context,
    );
    expect(view.total).toEqual({
      people: 5,
      withAspirations: 2,
      acknowledged: 1,
      aspirations: { total: 3, acknowledged: 1 },
      conversations: { booked: 1, held: 1, needsAttention: 1, notYetBooked: 2 },
    });
  });

  it('ignores rows of people outside the population (left, disabled, out of the pilot)', () => {
    const view = adoptionFigures(
      [person('a')],
      [aspiration('gone', 'g1'), ack('gone', 'g1')],
      [{ employeeId: 'gone', status: 'held' }],
      context,
    );
    expect(view.total.withAspirations).toBe(0);
    expect(view.total.conversations.held).toBe(0);
  });

  it('never shows a group small enough to point at a person', () => {
    const people = [
      ...['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => person(id, 'Engineering')),
      ...['s1', 's2', 's3'].map((id) => person(id, 'Sales')),
      person('x1', null),
      person('l1', 'Legal'),
    ];
    const view = adoptionFigures(people, [aspiration('l1', 'l')], [], context);
    expect(view.departments.map((d) => [d.department, d.people])).toEqual([
      ['Engineering', 5],
      [null, 5],
    ]);
    expect(view.total.people).toBe(10);

    const tiny = adoptionFigures(people.slice(0, 7), [], [], context);
    // Sales has two people here: folded, and the fold itself is too small to show.
    expect(tiny.departments.map((d) => d.department)).toEqual(['Engineering']);
  });
});
