import type { TimeInterval } from '../../../../api/src/domain/scheduling/intervals';
import { toIsoInterval } from '../../../../api/src/domain/scheduling/intervals';
import { expandWorkingHours } from '../../../../api/src/domain/scheduling/workingHours';
import { hours } from './fixtures';

const window = (start: string, end: string): TimeInterval => ({
  start: Date.parse(start),
  end: Date.parse(end),
});

function expand(...args: Parameters<typeof expandWorkingHours>): { start: string; end: string }[] {
  const result = expandWorkingHours(...args);
  if (!result.ok) throw new Error(result.message);
  return result.intervals.map(toIsoInterval);
}

describe('working hours', () => {
  it('a Berlin working week becomes five UTC intervals', () => {
    const intervals = expand(
      hours('W. Europe Standard Time', '09:00:00', '17:00:00'),
      window('2026-06-08T00:00:00Z', '2026-06-15T00:00:00Z'),
    );
    expect(intervals).toHaveLength(5);
    expect(intervals[0]).toEqual({
      start: '2026-06-08T07:00:00.000Z',
      end: '2026-06-08T15:00:00.000Z',
    });
    expect(intervals[4]?.start).toBe('2026-06-12T07:00:00.000Z');
  });

  it('stays at 09:00 local across the daylight-saving switch, so the UTC time moves', () => {
    const intervals = expand(
      hours('Europe/Berlin', '09:00:00', '17:00:00'),
      window('2026-10-22T00:00:00Z', '2026-10-28T00:00:00Z'),
    );
    expect(intervals.map((interval) => interval.start)).toEqual([
      '2026-10-22T07:00:00.000Z',
      '2026-10-23T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
    ]);
  });

  it('never includes a weekend unless the working hours say so', () => {
    const weekdaysOnly = expand(
      hours('UTC', '09:00', '17:00'),
      window('2026-10-10T00:00:00Z', '2026-10-12T00:00:00Z'),
    );
    expect(weekdaysOnly).toEqual([]);
    const withSaturday = expand(
      hours('UTC', '09:00', '17:00', ['saturday']),
      window('2026-10-10T00:00:00Z', '2026-10-12T00:00:00Z'),
    );
    expect(withSaturday).toEqual([
      { start: '2026-10-10T09:00:00.000Z', end: '2026-10-10T17:00:00.000Z' },
    ]);
  });

  it('an overnight shift runs into the next morning, including one begun before the window', () => {
    const intervals = expand(
      hours('UTC', '22:00:00', '06:00:00', ['monday', 'tuesday']),
      window('2026-10-13T00:00:00Z', '2026-10-15T00:00:00Z'),
    );
    expect(intervals).toEqual([
      { start: '2026-10-13T00:00:00.000Z', end: '2026-10-13T06:00:00.000Z' },
      { start: '2026-10-13T22:00:00.000Z', end: '2026-10-14T06:00:00.000Z' },
    ]);
  });

  it('is clipped to the window', () => {
    const intervals = expand(
      hours('UTC', '09:00', '17:00'),
      window('2026-10-12T12:00:00Z', '2026-10-12T13:00:00Z'),
    );
    expect(intervals).toEqual([
      { start: '2026-10-12T12:00:00.000Z', end: '2026-10-12T13:00:00.000Z' },
    ]);
  });

  it('a working day that starts inside the skipped hour starts when the clock resumes', () => {
    const intervals = expand(
      hours('America/New_York', '02:30', '05:00', ['sunday']),
      window('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'),
    );
    // 03:00 EDT is 07:00 UTC; 02:30 does not exist that day, so the day starts at 03:30 EDT.
    expect(intervals).toEqual([
      { start: '2026-03-08T07:30:00.000Z', end: '2026-03-08T09:00:00.000Z' },
    ]);
  });

  it('says what is wrong with an unknown time zone or a bad time', () => {
    const someWindow = window('2026-10-12T00:00:00Z', '2026-10-13T00:00:00Z');
    expect(expandWorkingHours(hours('Customized Time Zone', '09:00', '17:00'), someWindow)).toEqual(
      expect.objectContaining({ ok: false, problem: 'unknown-time-zone' }),
    );
    expect(expandWorkingHours(hours('UTC', 'nine', '17:00'), someWindow)).toEqual(
      expect.objectContaining({ ok: false, problem: 'invalid-time' }),
    );
  });
});
