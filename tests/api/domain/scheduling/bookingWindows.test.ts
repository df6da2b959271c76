import { bookingWindows } from '../../../../api/src/domain/scheduling/quarter';
import type { BookingWindowInput } from '../../../../api/src/domain/scheduling/quarter';
import { splitForGetSchedule } from '../../../../api/src/domain/scheduling/quarter';

const DAY = 86_400_000;
const base: Omit<BookingWindowInput, 'now'> = {
  kind: 'quarterly',
  quarter: '2026-Q4',
  settings: { windowStartWeek: 2, windowEndWeek: 6 },
  leadTimeMs: DAY,
  minimumMs: 30 * 60_000,
};
const at = (now: string, over: Partial<BookingWindowInput> = {}) =>
  bookingWindows({ ...base, now, ...over });

describe('where a pass looks for a conversation', () => {
  it('during the planned weeks: the rest of them first, then the rest of the quarter', () => {
    expect(at('2026-10-20T06:00:00Z')).toEqual([
      { start: '2026-10-21T06:00:00.000Z', end: '2026-11-12T00:00:00.000Z' },
      { start: '2026-11-12T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    ]);
  });

  it('in the last hours of the planned weeks, the catch-up window starts now, not tomorrow', () => {
    // The lead time reaches past the planned end: the old pass said "no window left" here.
    expect(at('2026-11-11T20:00:00Z')).toEqual([
      { start: '2026-11-12T20:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    ]);
    expect(at('2026-11-11T06:00:00Z')).toEqual([
      { start: '2026-11-12T06:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    ]);
  });

  it('a planned remainder too short for one conversation is left out', () => {
    expect(at('2026-11-10T23:45:00Z')).toEqual([
      { start: '2026-11-12T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    ]);
  });

  it('after the planned weeks: the rest of the quarter, however long, unclipped', () => {
    const windows = at('2026-10-09T06:00:00Z', {
      settings: { windowStartWeek: 1, windowEndWeek: 1 },
    });
    expect(windows).toEqual([
      { start: '2026-10-10T06:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    ]);
    const days = (Date.parse(windows[0].end) - Date.parse(windows[0].start)) / DAY;
    expect(days).toBeGreaterThan(61);
    // Read in pieces getSchedule accepts, covering every day of it.
    const pieces = splitForGetSchedule(windows[0]);
    expect(pieces.length).toBe(2);
    expect(pieces[0].start).toBe(windows[0].start);
    expect(pieces[1].start).toBe(pieces[0].end);
    expect(pieces[1].end).toBe(windows[0].end);
  });

  it('on the last day of the quarter nothing is left', () => {
    expect(at('2026-12-31T06:00:00Z')).toEqual([]);
    expect(at('2027-01-01T00:00:00Z')).toEqual([]);
  });

  it('before the planned weeks begin, they are booked ahead', () => {
    expect(at('2026-10-01T06:00:00Z')[0]).toEqual({
      start: '2026-10-08T00:00:00.000Z',
      end: '2026-11-12T00:00:00.000Z',
    });
  });

  it("a new pair's first conversation: from the lead time to 30 days out, across quarters", () => {
    expect(at('2026-12-20T06:00:00Z', { kind: 'first' })).toEqual([
      { start: '2026-12-21T06:00:00.000Z', end: '2027-01-19T06:00:00.000Z' },
    ]);
  });
});
