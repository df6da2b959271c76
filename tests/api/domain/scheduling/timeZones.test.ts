import {
  parseCalendarDate,
  parseTimeOfDay,
  resolveTimeZone,
  utcToZonedTime,
  WINDOWS_TIME_ZONES,
  zonedTimeToUtc,
} from '../../../../api/src/domain/scheduling/timeZones';
import fc from 'fast-check';

import { zone } from './fixtures';

const utc = (instant: number): string => new Date(instant).toISOString();

describe('time-zone names', () => {
  it.each([
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['GMT Standard Time', 'Europe/London'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['Eastern Standard Time', 'America/New_York'],
    ['Central Standard Time', 'America/Chicago'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['Tokyo Standard Time', 'Asia/Tokyo'],
    ['UTC', 'UTC'],
    ['pacific standard time', 'America/Los_Angeles'],
    ['tzone://Microsoft/Utc', 'UTC'],
  ])('the Windows name "%s" resolves to %s', (windows, iana) => {
    expect(resolveTimeZone(windows)).toBe(iana);
  });

  it('passes IANA names through and refuses unknown ones', () => {
    expect(resolveTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone(' Asia/Kathmandu ')).toBe('Asia/Kathmandu');
    expect(resolveTimeZone('Customized Time Zone')).toBeUndefined();
    expect(resolveTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(resolveTimeZone('')).toBeUndefined();
    expect(resolveTimeZone(null)).toBeUndefined();
  });

  it('every Windows name maps to a zone this runtime knows', () => {
    for (const windows of Object.keys(WINDOWS_TIME_ZONES)) {
      expect(resolveTimeZone(windows)).toBeDefined();
    }
  });
});

describe('local wall-clock time to UTC and back', () => {
  it('reads 09:00 in Berlin as 07:00 UTC in summer and 08:00 UTC in winter', () => {
    const berlin = zone('Europe/Berlin');
    expect(utc(zonedTimeToUtc('2026-07-01', '09:00:00', berlin))).toBe('2026-07-01T07:00:00.000Z');
    expect(utc(zonedTimeToUtc('2026-01-15', '09:00', berlin))).toBe('2026-01-15T08:00:00.000Z');
  });

  it('handles half- and three-quarter-hour offsets', () => {
    expect(utc(zonedTimeToUtc('2026-10-12', '09:00', zone('Asia/Kolkata')))).toBe(
      '2026-10-12T03:30:00.000Z',
    );
    expect(utc(zonedTimeToUtc('2026-10-12', '09:00', zone('Asia/Kathmandu')))).toBe(
      '2026-10-12T03:15:00.000Z',
    );
  });

  it('a time the spring-forward switch skips moves forward by the gap (or back, if asked)', () => {
    const newYork = zone('America/New_York');
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT, so 02:30 never happens.
    expect(utc(zonedTimeToUtc('2026-03-08', '02:30', newYork))).toBe('2026-03-08T07:30:00.000Z');
    expect(utc(zonedTimeToUtc('2026-03-08', '02:30', newYork, 'later'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(utc(zonedTimeToUtc('2026-03-08', '02:30', newYork, 'earlier'))).toBe(
      '2026-03-08T06:30:00.000Z',
    );
    expect(utcToZonedTime(Date.parse('2026-03-08T07:30:00Z'), newYork).time).toBe('03:30:00');
  });

  it('a time the fall-back switch repeats is the first occurrence unless the later is asked for', () => {
    const newYork = zone('America/New_York');
    // 2026-11-01: 01:00–02:00 happens twice, first in EDT (UTC-4), then in EST (UTC-5).
    expect(utc(zonedTimeToUtc('2026-11-01', '01:30', newYork))).toBe('2026-11-01T05:30:00.000Z');
    expect(utc(zonedTimeToUtc('2026-11-01', '01:30', newYork, 'later'))).toBe(
      '2026-11-01T06:30:00.000Z',
    );
    const berlin = zone('Europe/Berlin');
    // 2026-10-25 (last Sunday of October): 02:00–03:00 happens twice.
    expect(utc(zonedTimeToUtc('2026-10-25', '02:30', berlin))).toBe('2026-10-25T00:30:00.000Z');
    expect(utc(zonedTimeToUtc('2026-10-25', '02:30', berlin, 'later'))).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('follows the southern hemisphere, where October starts summer time', () => {
    const sydney = zone('AUS Eastern Standard Time');
    expect(utc(zonedTimeToUtc('2026-10-02', '09:00', sydney))).toBe('2026-10-01T23:00:00.000Z');
    expect(utc(zonedTimeToUtc('2026-10-05', '09:00', sydney))).toBe('2026-10-04T22:00:00.000Z');
  });

  it('gives the local date, time, weekday and offset of an instant', () => {
    expect(utcToZonedTime(Date.parse('2026-10-25T01:30:00Z'), zone('Europe/Berlin'))).toEqual({
      date: '2026-10-25',
      time: '02:30:00',
      dayOfWeek: 'sunday',
      offsetMinutes: 60,
    });
    expect(utcToZonedTime(Date.parse('2026-10-12T23:30:00Z'), zone('Asia/Tokyo'))).toEqual({
      date: '2026-10-13',
      time: '08:30:00',
      dayOfWeek: 'tuesday',
      offsetMinutes: 540,
    });
  });

  it('round-trips every quarter hour across both switches', () => {
    for (const name of ['America/Los_Angeles', 'Europe/London', 'Australia/Sydney']) {
      const timeZone = zone(name);
      const from = Date.parse('2026-10-03T00:00:00Z');
      for (let instant = from; instant < from + 35 * 86_400_000; instant += 15 * 60_000) {
        const local = utcToZonedTime(instant, timeZone);
        const back = zonedTimeToUtc(local.date, local.time, timeZone, 'earlier');
        const backLater = zonedTimeToUtc(local.date, local.time, timeZone, 'later');
        expect([back, backLater]).toContain(instant);
      }
    }
  });

  it('reads a switch that falls between quarter hours to the second, whatever was read first', () => {
    // Abidjan left local mean time (-0:16:08) at 1912-01-01T00:16:08Z, mid quarter hour. Reading
    // that quarter hour's start first must not lend its offset to the seconds after the switch.
    const abidjan = zone('Africa/Abidjan');
    const quarterStart = Date.parse('1912-01-01T00:15:00Z');
    expect(utcToZonedTime(quarterStart, abidjan).offsetMinutes).toBe(-16);
    for (let instant = quarterStart; instant < quarterStart + 15 * 60_000; instant += 1000) {
      expect(utcToZonedTime(instant, abidjan)).toEqual(fromIntl(instant, 'Africa/Abidjan'));
    }
  });

  it('agrees with Intl at any instant in any zone, however often a zone is read', () => {
    const zones = [
      'Europe/Berlin',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Kathmandu',
      'Africa/Casablanca',
      'America/Santiago',
      'Europe/Amsterdam',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (name, instant) => {
          expect(utcToZonedTime(instant, zone(name))).toEqual(fromIntl(instant, name));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses a malformed date or time', () => {
    expect(() => zonedTimeToUtc('2026-02-30', '09:00', zone('UTC'))).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-10-12', '9am', zone('UTC'))).toThrow(RangeError);
  });

  it("reads Graph's seven-digit times of day", () => {
    expect(parseTimeOfDay('08:00:00.0000000')).toBe(8 * 3_600_000);
    expect(parseTimeOfDay('17:30')).toBe(17.5 * 3_600_000);
    expect(parseTimeOfDay('24:00:00')).toBe(86_400_000);
    expect(parseTimeOfDay('24:30:00')).toBeUndefined();
    expect(parseTimeOfDay('12:61:00')).toBeUndefined();
    expect(parseCalendarDate('2026-10-12')).toBe(Date.UTC(2026, 9, 12));
    expect(parseCalendarDate('2026-02-29')).toBeUndefined();
  });
});

/** The expected reading, straight from Intl with no cache in between. */
function fromIntl(instant: number, timeZone: string): ReturnType<typeof utcToZonedTime> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'long',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const year = String(parts.year).padStart(4, '0');
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const truncated = Math.floor(instant / 1000) * 1000;
  return {
    date: `${year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    dayOfWeek: String(parts.weekday).toLowerCase() as ReturnType<
      typeof utcToZonedTime
    >['dayOfWeek'],
    offsetMinutes: Math.round((wall - truncated) / 60_000),
  };
}
