import { pickableSlots } from '../../../../api/src/domain/scheduling/pickableSlots';
import { hours, localTime } from './fixtures';

/** The slots offered to a manager who picks: concrete, free, inside the limits, spread over days. */

const seattle = hours('America/Los_Angeles', '09:00', '17:00');
const bengaluru = hours('Asia/Kolkata', '09:00', '17:00');
// Monday 11 to Friday 22 January 2027.
const WINDOW = { start: '2027-01-11T00:00:00Z', end: '2027-01-23T00:00:00Z' };
const LIMITS = { earliest: '07:30', latest: '20:00' };
const clock = (iso: string, zone: string) => localTime(iso, zone).slice(11, 16);

describe('slots a manager can pick', () => {
  it('a Bengaluru manager and a Seattle report: inside both people’s limits, one a day, never a weekend', () => {
    const slots = pickableSlots({
      manager: { workingHours: bengaluru, busy: [] },
      employee: { workingHours: seattle, busy: [] },
      window: WINDOW,
      limits: LIMITS,
      durationMinutes: 30,
    });
    expect(slots).toHaveLength(5);
    const days = new Set(slots.map((s) => localTime(s.start, 'Asia/Kolkata').slice(0, 10)));
    expect(days.size).toBe(5);
    for (const slot of slots) {
      for (const zone of ['Asia/Kolkata', 'America/Los_Angeles']) {
        expect(clock(slot.start, zone) >= '07:30').toBe(true);
        expect(clock(slot.end, zone) <= '20:00').toBe(true);
        expect(localTime(slot.start, zone)).not.toMatch(/saturday|sunday/);
      }
    }
  });

  it('busy time, out-of-office days and days off of either person are never offered', () => {
    const first = pickableSlots({
      manager: { workingHours: bengaluru, busy: [] },
      employee: { workingHours: seattle, busy: [] },
      window: WINDOW,
      limits: LIMITS,
      durationMinutes: 30,
      count: 1,
    })[0]!;
    const again = pickableSlots({
      manager: { workingHours: bengaluru, busy: [first], daysOff: ['2027-01-13'] },
      employee: {
        workingHours: seattle,
        busy: [{ start: '2027-01-13T00:00:00Z', end: '2027-01-15T00:00:00Z' }],
      },
      window: WINDOW,
      limits: LIMITS,
      durationMinutes: 30,
    });
    expect(again.map((s) => s.start)).not.toContain(first.start);
    for (const slot of again) {
      expect(localTime(slot.start, 'Asia/Kolkata').slice(0, 10)).not.toBe('2027-01-13');
      expect(slot.start < '2027-01-13T00:00:00Z' || slot.start >= '2027-01-15T00:00:00Z').toBe(
        true,
      );
    }
  });

  it('limits too narrow for the pair: nothing to offer, rather than a slot outside them', () => {
    expect(
      pickableSlots({
        manager: { workingHours: bengaluru, busy: [] },
        employee: { workingHours: seattle, busy: [] },
        window: WINDOW,
        limits: { earliest: '09:00', latest: '17:00' },
        durationMinutes: 30,
      }),
    ).toEqual([]);
  });
});
