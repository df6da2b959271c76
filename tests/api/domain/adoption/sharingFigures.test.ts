import { sharingFigures } from '../../../../api/src/domain/adoption/sharingFigures';
import type { SharingRow } from '../../../../api/src/domain/adoption/sharingFigures';

/** Admins see sharing as counts only, under the adoption figures' minimum group and rounding. */

const people = ['a', 'b', 'c', 'd', 'e'];
const asked = (employeeId: string, days: number | null): SharingRow => ({
  type: 'advice-thread',
  employeeId,
  question: 'asked',
  askedAt: '2026-10-01T00:00:00Z',
  firstAnsweredAt:
    days === null
      ? null
      : new Date(Date.parse('2026-10-01T00:00:00Z') + days * 86_400_000).toISOString(),
});
const share = (employeeId: string): SharingRow => ({ type: 'share', employeeId });

describe('sharing figures for admins', () => {
  it('counts shares, questions, and questions answered within 14 days, of people in scope only', () => {
    const rows = [
      share('a'),
      share('b'),
      share('outsider'),
      asked('a', 3),
      asked('b', 14),
      asked('c', 15),
      asked('d', null),
      // A sponsor's comment is not a question asked.
      { ...asked('e', 1), question: null },
    ];
    // A base of 1 rounds nothing: the exact counts.
    expect(
      sharingFigures(people, rows, '2026-Q4', { minimumGroupSize: 1, roundingKey: 'k' }),
    ).toEqual({
      shares: 2,
      adviceAsked: 4,
      adviceAnsweredWithin14Days: 2,
    });
  });

  it('says nothing below the minimum group size, and rounds every count to the base', () => {
    const policy = { minimumGroupSize: 5, roundingKey: 'k' };
    expect(sharingFigures(people.slice(0, 4), [share('a')], '2026-Q4', policy)).toBeNull();
    const figures = sharingFigures(people, [share('a'), asked('a', 1)], '2026-Q4', policy)!;
    for (const count of Object.values(figures)) expect(count % 5).toBe(0);
    expect(figures.adviceAnsweredWithin14Days).toBeLessThanOrEqual(figures.adviceAsked);
  });
});
