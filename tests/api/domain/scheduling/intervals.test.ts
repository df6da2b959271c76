import fc from 'fast-check';

import type { TimeInterval } from '../../../../api/src/domain/scheduling/intervals';
import {
  clipIntervals,
  intersectIntervals,
  normalizeIntervals,
  padIntervals,
  parseInstant,
  parseIsoInterval,
  subtractIntervals,
  toIsoInterval,
  totalDuration,
} from '../../../../api/src/domain/scheduling/intervals';

const span = (start: number, end: number): TimeInterval => ({ start, end });

describe('time intervals', () => {
  it('normalising sorts, merges overlapping and touching intervals, and drops empty ones', () => {
    expect(
      normalizeIntervals([span(5, 8), span(0, 2), span(2, 3), span(7, 10), span(4, 4)]),
    ).toEqual([span(0, 3), span(5, 10)]);
  });

  it('intersects two lists', () => {
    expect(intersectIntervals([span(0, 10), span(20, 30)], [span(5, 25), span(28, 40)])).toEqual([
      span(5, 10),
      span(20, 25),
      span(28, 30),
    ]);
    expect(intersectIntervals([span(0, 10)], [])).toEqual([]);
  });

  it('subtracts busy time, including one block covering several free intervals', () => {
    expect(subtractIntervals([span(0, 10), span(20, 30)], [span(2, 4), span(8, 22)])).toEqual([
      span(0, 2),
      span(4, 8),
      span(22, 30),
    ]);
    expect(subtractIntervals([span(0, 10)], [span(-5, 50)])).toEqual([]);
  });

  it('clips to a window and pads for buffers', () => {
    expect(clipIntervals([span(0, 10), span(20, 30)], span(5, 25))).toEqual([
      span(5, 10),
      span(20, 25),
    ]);
    expect(clipIntervals([span(0, 10)], span(5, 5))).toEqual([]);
    expect(padIntervals([span(10, 20), span(24, 30)], 2)).toEqual([span(8, 32)]);
    expect(totalDuration([span(0, 10), span(20, 25)])).toBe(15);
  });

  it('a point is in a difference exactly when it is in the first list and not the second', () => {
    const intervalList = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 })), {
        maxLength: 12,
      })
      .map((pairs) =>
        normalizeIntervals(pairs.map(([start, length]) => span(start, start + length))),
      );
    const contains = (list: readonly TimeInterval[], point: number): boolean =>
      list.some((interval) => interval.start <= point && point < interval.end);
    fc.assert(
      fc.property(intervalList, intervalList, (from, remove) => {
        const difference = subtractIntervals(from, remove);
        const intersection = intersectIntervals(from, remove);
        for (let point = -1; point <= 242; point += 1) {
          const inFrom = contains(from, point);
          const inRemove = contains(remove, point);
          if (contains(difference, point) !== (inFrom && !inRemove)) return false;
          if (contains(intersection, point) !== (inFrom && inRemove)) return false;
        }
        return normalizeIntervals(difference).length === difference.length;
      }),
    );
  });
});

describe('ISO instants', () => {
  it('reads an instant without a zone designator as UTC, whatever the host time zone', () => {
    expect(parseInstant('2026-10-12T15:00:00')).toBe(Date.UTC(2026, 9, 12, 15));
    expect(parseInstant('2026-10-12T15:00:00.0000000')).toBe(Date.UTC(2026, 9, 12, 15));
    expect(parseInstant('2026-10-12T17:00:00+02:00')).toBe(Date.UTC(2026, 9, 12, 15));
    expect(parseInstant('2026-10-12T15:00:00.250Z')).toBe(Date.UTC(2026, 9, 12, 15, 0, 0, 250));
  });

  it('refuses what is not an instant', () => {
    expect(parseInstant('next Tuesday')).toBeUndefined();
    expect(parseInstant('2026-10-12')).toBeUndefined();
    expect(parseInstant('2026-13-12T15:00:00Z')).toBeUndefined();
    expect(parseIsoInterval({ start: '2026-10-12T15:00:00Z', end: 'soon' })).toBeUndefined();
  });

  it('round-trips through ISO strings', () => {
    const interval = span(Date.UTC(2026, 9, 12, 15), Date.UTC(2026, 9, 12, 15, 30));
    expect(toIsoInterval(interval)).toEqual({
      start: '2026-10-12T15:00:00.000Z',
      end: '2026-10-12T15:30:00.000Z',
    });
    expect(parseIsoInterval(toIsoInterval(interval))).toEqual(interval);
  });
});
