import {
  parseDateTimeTimeZone,
  preferredTimeZone,
  renderDateTimeTimeZone,
  resolveZone,
} from '../../../../api/src/local/graph-simulator/calendarTime';
import { availabilityView } from '../../../../api/src/local/graph-simulator/freeBusy';
import type { BusyItem } from '../../../../api/src/local/graph-simulator/freeBusy';
import { GraphHttpError } from '../../../../api/src/local/graph-simulator/graphErrors';

describe('dateTimeTimeZone', () => {
  it('reads wall-clock times in Windows and IANA zones, DST included', () => {
    const summer = { dateTime: '2025-07-01T09:00:00', timeZone: 'Pacific Standard Time' };
    expect(new Date(parseDateTimeTimeZone(summer)).toISOString()).toBe('2025-07-01T16:00:00.000Z');
    const winter = { dateTime: '2025-01-15T09:30:00.0000000', timeZone: 'Europe/Berlin' };
    expect(new Date(parseDateTimeTimeZone(winter)).toISOString()).toBe('2025-01-15T08:30:00.000Z');
    expect(parseDateTimeTimeZone({ dateTime: '2025-01-15T09:30', timeZone: 'UTC' })).toBe(
      Date.UTC(2025, 0, 15, 9, 30),
    );
  });

  it('takes a dateTime that carries an offset as that instant', () => {
    expect(parseDateTimeTimeZone({ dateTime: '2025-01-15T09:30:00+05:30', timeZone: 'UTC' })).toBe(
      Date.UTC(2025, 0, 15, 4, 0),
    );
  });

  it('writes times as Outlook does, in the zone asked for', () => {
    const instant = Date.UTC(2025, 6, 1, 16, 0, 0, 250);
    expect(renderDateTimeTimeZone(instant, 'UTC')).toEqual({
      dateTime: '2025-07-01T16:00:00.2500000',
      timeZone: 'UTC',
    });
    expect(renderDateTimeTimeZone(instant, 'Pacific Standard Time')).toEqual({
      dateTime: '2025-07-01T09:00:00.2500000',
      timeZone: 'Pacific Standard Time',
    });
    expect(renderDateTimeTimeZone(instant, 'Asia/Kolkata').dateTime).toBe(
      '2025-07-01T21:30:00.2500000',
    );
  });

  it('refuses unknown zones and malformed times with 400', () => {
    expect(resolveZone('Mars Standard Time')).toBeNull();
    const bad = [
      { dateTime: '2025-07-01T09:00:00', timeZone: 'Mars Standard Time' },
      { dateTime: '1 July 2025', timeZone: 'UTC' },
    ];
    for (const value of bad) {
      expect(() => parseDateTimeTimeZone(value)).toThrow(GraphHttpError);
    }
  });

  it('reads Prefer: outlook.timezone, quoted or not, among other preferences', () => {
    expect(preferredTimeZone({})).toEqual({ zone: 'UTC', applied: false });
    expect(
      preferredTimeZone({
        prefer: 'odata.maxpagesize=10, outlook.timezone="W. Europe Standard Time"',
      }),
    ).toEqual({ zone: 'W. Europe Standard Time', applied: true });
    expect(preferredTimeZone({ prefer: 'outlook.timezone=UTC' })).toEqual({
      zone: 'UTC',
      applied: true,
    });
    expect(() => preferredTimeZone({ prefer: 'outlook.timezone="Nowhere"' })).toThrow(
      /not supported: 'Nowhere'/,
    );
  });
});

describe('availabilityView', () => {
  const from = Date.UTC(2025, 4, 14, 8);
  const at = (minutes: number) => from + minutes * 60_000;
  const item = (start: number, end: number, status: BusyItem['status']): BusyItem => ({
    startMs: at(start),
    endMs: at(end),
    status,
    subject: '',
    location: '',
  });

  it('marks every interval an item touches with the strongest status', () => {
    const items = [
      item(30, 60, 'busy'),
      item(45, 120, 'tentative'),
      item(150, 160, 'oof'),
      item(180, 240, 'workingElsewhere'),
    ];
    // 08:00–12:00 in 30-minute slots: free, busy, tentative, tentative, free, oof, free, free.
    expect(availabilityView(items, from, at(240), 30)).toBe('02110300');
  });

  it('counts a partial last interval and ignores items outside the window', () => {
    expect(availabilityView([item(-60, -30, 'busy'), item(50, 70, 'busy')], from, at(70), 30)).toBe(
      '022',
    );
  });
});
