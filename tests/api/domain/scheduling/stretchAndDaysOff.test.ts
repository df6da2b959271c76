import type { StretchRules } from '../../../../api/src/domain/scheduling/slotFinder';
import { findSlots } from '../../../../api/src/domain/scheduling/slotFinder';
import type { SlotOutcome } from '../../../../api/src/domain/scheduling/slotFinder';
import { daysOffFor } from '../../../../api/src/domain/scheduling/holidays';
import { hours, localTime } from './fixtures';

/** Pairs whose working hours never overlap, and days nobody works. */

type Slot = Extract<SlotOutcome, { outcome: 'slot' }>;
const slotOf = (outcome: SlotOutcome | undefined): Slot => {
  if (outcome?.outcome !== 'slot')
    throw new Error(`Expected a slot, got ${JSON.stringify(outcome)}`);
  return outcome;
};

const seattle = hours('America/Los_Angeles', '09:00', '17:00');
const berlin = hours('Europe/Berlin', '09:00', '17:00');
const bengaluru = hours('Asia/Kolkata', '09:00', '17:00');
// Monday 11 to Friday 15 January 2027.
const WEEK = { start: '2027-01-11T00:00:00Z', end: '2027-01-16T00:00:00Z' };
const stretch = (preferEarly: StretchRules['preferEarly']): StretchRules => ({
  earliest: '07:30',
  latest: '20:00',
  preferEarly,
});
const localClock = (iso: string, zone: string) => localTime(iso, zone).slice(11, 16);
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

describe('the stretch', () => {
  it('Seattle and Berlin, 9 to 5 each: booked inside 07:30–20:00 for both, and it says so', () => {
    const [outcome] = findSlots({
      manager: { workingHours: seattle, busy: [] },
      reports: [{ employeeId: 'berlin', workingHours: berlin, busy: [] }],
      window: WEEK,
      stretch: stretch('manager'),
    });
    const slot = slotOf(outcome);
    const managerLocal = localClock(slot.start, 'America/Los_Angeles');
    const employeeLocal = localClock(slot.start, 'Europe/Berlin');
    for (const clock of [managerLocal, employeeLocal]) {
      expect(minutes(clock)).toBeGreaterThanOrEqual(minutes('07:30'));
      expect(minutes(clock) + 30).toBeLessThanOrEqual(minutes('20:00'));
    }
    // The fairest split: an hour early for one, half an hour late for the other, not 90 minutes
    // for one. This quarter the manager takes the larger share.
    expect(slot.stretch).toEqual({
      earlySide: 'manager',
      managerLocalStart: '08:00',
      employeeLocalStart: '17:00',
    });
    expect([managerLocal, employeeLocal]).toEqual(['08:00', '17:00']);
  });

  it('next quarter the other person takes the larger share', () => {
    const [outcome] = findSlots({
      manager: { workingHours: seattle, busy: [] },
      reports: [{ employeeId: 'berlin', workingHours: berlin, busy: [] }],
      window: WEEK,
      stretch: stretch('employee'),
    });
    expect(slotOf(outcome).stretch).toMatchObject({
      managerLocalStart: '08:30',
      employeeLocalStart: '17:30',
    });
  });

  it('who takes the early side alternates when both sides fit', () => {
    // Berlin and Auckland are 12 hours apart in January: either side can start early.
    const auckland = hours('Pacific/Auckland', '09:00', '17:00');
    const sideFor = (preferEarly: StretchRules['preferEarly']) =>
      slotOf(
        findSlots({
          manager: { workingHours: berlin, busy: [] },
          reports: [{ employeeId: 'akl', workingHours: auckland, busy: [] }],
          window: WEEK,
          stretch: stretch(preferEarly),
        })[0],
      ).stretch?.earlySide;
    expect(sideFor('employee')).toBe('employee');
    expect(sideFor('manager')).toBe('manager');
  });

  it('when only one side fits, that one is taken whatever the quarter prefers', () => {
    // Bengaluru is 13.5 hours ahead of Seattle: only Seattle's evening meets Bengaluru's morning.
    const slot = slotOf(
      findSlots({
        manager: { workingHours: bengaluru, busy: [] },
        reports: [{ employeeId: 'sea', workingHours: seattle, busy: [] }],
        window: WEEK,
        stretch: stretch('employee'),
      })[0],
    );
    expect(slot.stretch?.earlySide).toBe('manager');
    expect(minutes(localClock(slot.start, 'America/Los_Angeles')) + 30).toBeLessThanOrEqual(
      minutes('20:00'),
    );
  });

  it('no stretch, or limits too narrow: a clear no-slot outcome', () => {
    const off = findSlots({
      manager: { workingHours: seattle, busy: [] },
      reports: [{ employeeId: 'berlin', workingHours: berlin, busy: [] }],
      window: WEEK,
    })[0];
    expect(off).toMatchObject({ outcome: 'no-slot', reason: 'no-common-working-hours' });
    const narrow = findSlots({
      manager: { workingHours: seattle, busy: [] },
      reports: [{ employeeId: 'berlin', workingHours: berlin, busy: [] }],
      window: WEEK,
      stretch: { earliest: '08:45', latest: '17:15', preferEarly: 'manager' },
    })[0];
    expect(narrow).toMatchObject({ outcome: 'no-slot', reason: 'no-common-working-hours' });
    expect(narrow.outcome === 'no-slot' && narrow.message).toMatch(/not even between 08:45/);
  });

  it('a stretched weekday evening in Seattle is never a Saturday morning in Bengaluru', () => {
    const outcomes = findSlots({
      manager: { workingHours: bengaluru, busy: [] },
      reports: ['a', 'b', 'c', 'd', 'e', 'f'].map((employeeId) => ({
        employeeId,
        workingHours: seattle,
        busy: [],
      })),
      window: WEEK,
      dailyCap: 1,
      stretch: stretch('employee'),
    });
    for (const outcome of outcomes.filter((o) => o.outcome === 'slot')) {
      expect(localTime(outcome.start, 'Asia/Kolkata')).not.toMatch(/saturday|sunday/);
      expect(localTime(outcome.start, 'America/Los_Angeles')).not.toMatch(/saturday|sunday/);
    }
  });
});

describe('non-working dates', () => {
  it('a holiday of either person is never booked, in their own local date', () => {
    const [outcome] = findSlots({
      manager: { workingHours: berlin, busy: [], daysOff: ['2027-01-11'] },
      reports: [
        { employeeId: 'e', workingHours: berlin, busy: [], daysOff: ['2027-01-12', '2027-01-13'] },
      ],
      window: WEEK,
    });
    expect(localTime(slotOf(outcome).start, 'Europe/Berlin').slice(0, 10)).toBe('2027-01-14');
  });

  it('the same day every year, for everyone and for an office by the start of its officeLocation', () => {
    const rules = {
      everyone: ['12-25', '2027-01-06'],
      byOffice: [{ office: 'Berlin', dates: ['12-24'] }],
    };
    const window = { start: '2026-12-01T00:00:00Z', end: '2027-01-31T00:00:00Z' };
    expect(daysOffFor('Berlin 4.12', rules, window)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2027-01-06',
      '2027-12-24',
      '2027-12-25',
    ]);
    expect(daysOffFor('Seattle 2.01', rules, window)).not.toContain('2026-12-24');
    expect(daysOffFor(null, rules, window)).toContain('2026-12-25');
  });
});
