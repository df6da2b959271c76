import fc from 'fast-check';

import type { IsoInterval } from '../../../../api/src/domain/scheduling/intervals';
import type {
  SlotFinderInput,
  SlotOutcome,
} from '../../../../api/src/domain/scheduling/slotFinder';
import { findSlots } from '../../../../api/src/domain/scheduling/slotFinder';
import type { DayOfWeek } from '../../../../api/src/domain/scheduling/timeZones';
import { DAYS_OF_WEEK, utcToZonedTime } from '../../../../api/src/domain/scheduling/timeZones';
import type { WorkingHours } from '../../../../api/src/domain/scheduling/workingHours';
import { isInsideWorkingHours, overlapsAny, zone } from './fixtures';

const MINUTE = 60_000;
const ZONES = [
  'America/Los_Angeles',
  'Eastern Standard Time',
  'Europe/London',
  'W. Europe Standard Time',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];
// Windows around late October / early November 2026 straddle the EU and US switches.
const EARLIEST_WINDOW_START = Date.parse('2026-10-20T00:00:00Z');

const pad = (value: number): string => String(value).padStart(2, '0');
const clock = (minutes: number): string =>
  `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;

// Day shifts between 05:00 and 23:30 local keep clear of the 01:00–03:00 switch hours, so the
// oracle can compare wall-clock strings.
function shift(
  timeZone: fc.Arbitrary<string>,
  startMinutes: fc.Arbitrary<number>,
  days: fc.Arbitrary<DayOfWeek[]>,
): fc.Arbitrary<WorkingHours> {
  return fc
    .record({
      timeZone,
      startMinutes,
      lengthMinutes: fc.integer({ min: 2 * 4, max: 10 * 4 }).map((quarter) => quarter * 15),
      days,
    })
    .map(({ timeZone: name, startMinutes: start, lengthMinutes, days: chosen }) => ({
      timeZone: name,
      startTime: clock(start),
      endTime: clock(Math.min(start + lengthMinutes, 23 * 60 + 30)),
      daysOfWeek: DAYS_OF_WEEK.filter((day) => chosen.includes(day)),
    }));
}

const anyDays = fc.oneof(
  fc.constant<DayOfWeek[]>(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
  fc.subarray([...DAYS_OF_WEEK], { minLength: 1 }),
);

const workingHoursArb = shift(
  fc.constantFrom(...ZONES),
  fc.integer({ min: 5 * 4, max: 15 * 4 }).map((quarter) => quarter * 15),
  anyDays,
);

const minutesOf = (time: string): number => {
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return hh * 60 + mm;
};

/** Random people rarely share working hours; a colleague in the manager's zone usually does. */
function colleagueOf(manager: WorkingHours): fc.Arbitrary<WorkingHours> {
  const managerStart = minutesOf(manager.startTime);
  return shift(
    fc.constant(manager.timeZone),
    fc
      .integer({ min: -12, max: 12 })
      .map((quarters) => Math.min(Math.max(managerStart + quarters * 15, 5 * 60), 15 * 60)),
    fc
      .subarray([...DAYS_OF_WEEK])
      .map((extra) =>
        DAYS_OF_WEEK.filter((day) => extra.includes(day) || manager.daysOfWeek.includes(day)),
      ),
  );
}

function intervalsIn(
  windowStart: number,
  windowDays: number,
  maxCount: number,
  maxMinutes: number,
) {
  return fc.array(
    fc
      .record({
        offset: fc.integer({ min: 0, max: (windowDays * 24 * 60) / 5 }),
        length: fc.integer({ min: 1, max: maxMinutes / 5 }),
      })
      .map(({ offset, length }) => ({
        start: new Date(windowStart + offset * 5 * MINUTE).toISOString(),
        end: new Date(windowStart + (offset + length) * 5 * MINUTE).toISOString(),
      })),
    { maxLength: maxCount },
  );
}

function inputArb(maxReports: number, maxWindowDays: number): fc.Arbitrary<SlotFinderInput> {
  return fc
    .record({
      startHours: fc.integer({ min: 0, max: 16 * 24 }),
      windowDays: fc.integer({ min: 1, max: maxWindowDays }),
    })
    .chain(({ startHours, windowDays }) => {
      const windowStart = EARLIEST_WINDOW_START + startHours * 60 * MINUTE;
      return workingHoursArb.chain((managerHours) =>
        fc.record({
          manager: fc.record({
            workingHours: fc.constant(managerHours),
            busy: intervalsIn(windowStart, windowDays, 12, 240),
          }),
          reports: fc.array(
            fc.record({
              employeeId: fc.string({ minLength: 1, maxLength: 4 }),
              workingHours: fc.oneof(
                { arbitrary: workingHoursArb, weight: 1 },
                { arbitrary: colleagueOf(managerHours), weight: 3 },
              ),
              busy: intervalsIn(windowStart, windowDays, 12, 240),
            }),
            { minLength: 1, maxLength: maxReports },
          ),
          window: fc.constant({
            start: new Date(windowStart).toISOString(),
            end: new Date(windowStart + windowDays * 24 * 60 * MINUTE).toISOString(),
          }),
          bookedConversations: intervalsIn(windowStart, windowDays, 3, 30),
          durationMinutes: fc.constantFrom(15, 30, 45, 60),
          granularityMinutes: fc.constantFrom(15, 30, 60),
          dailyCap: fc.integer({ min: 1, max: 3 }),
          bufferMinutes: fc.constantFrom(0, 10, 15),
        }),
      );
    });
}

const managerDate = (instant: number, input: SlotFinderInput): string =>
  utcToZonedTime(instant, zone(input.manager.workingHours.timeZone)).date;

function isOnManagersGrid(start: number, input: SlotFinderInput): boolean {
  const local = utcToZonedTime(start, zone(input.manager.workingHours.timeZone));
  const [hh = 0, mm = 0, ss = 0] = local.time.split(':').map(Number);
  return ss === 0 && (hh * 60 + mm) % (input.granularityMinutes ?? 30) === 0;
}

describe('slot-finder invariants (property-based)', () => {
  it('every slot is in both working hours, free for both, apart from other conversations, and within the cap', () => {
    fc.assert(
      fc.property(inputArb(8, 6), (input) => {
        const outcomes = findSlots(input);
        expect(outcomes.map((outcome) => outcome.employeeId)).toEqual(
          input.reports.map((report) => report.employeeId),
        );
        const booked = input.bookedConversations ?? [];
        const buffer = (input.bufferMinutes ?? 0) * MINUTE;
        const slots: IsoInterval[] = [];
        outcomes.forEach((outcome, index) => {
          if (outcome.outcome !== 'slot') return;
          const report = input.reports[index];
          if (report === undefined) throw new Error('outcome without report');
          const start = Date.parse(outcome.start);
          const end = Date.parse(outcome.end);
          expect(end - start).toBe((input.durationMinutes ?? 30) * MINUTE);
          expect(start).toBeGreaterThanOrEqual(Date.parse(input.window.start));
          expect(end).toBeLessThanOrEqual(Date.parse(input.window.end));
          expect(isInsideWorkingHours(outcome, input.manager.workingHours)).toBe(true);
          expect(isInsideWorkingHours(outcome, report.workingHours)).toBe(true);
          expect(overlapsAny(outcome, input.manager.busy)).toBe(false);
          expect(overlapsAny(outcome, report.busy)).toBe(false);
          expect(isOnManagersGrid(start, input)).toBe(true);
          expect(outcome.managerLocalDate).toBe(managerDate(start, input));
          const padded = {
            start: new Date(start - buffer).toISOString(),
            end: new Date(end + buffer).toISOString(),
          };
          expect(overlapsAny(padded, [...booked, ...slots])).toBe(false);
          slots.push(outcome);
        });
        const perDay = new Map<string, number>();
        for (const conversation of [...booked, ...slots]) {
          const date = managerDate(Date.parse(conversation.start), input);
          perDay.set(date, (perDay.get(date) ?? 0) + 1);
        }
        for (const slot of slots) {
          const date = managerDate(Date.parse(slot.start), input);
          expect(perDay.get(date)).toBeLessThanOrEqual(input.dailyCap ?? 3);
        }
        expect(findSlots(input)).toEqual(outcomes);
      }),
      { numRuns: 150 },
    );
  });

  it('for one report, the slot is exactly what a minute-by-minute search would pick', () => {
    // The brute force: every 5 minutes of the window, kept if it satisfies every rule; the pick is
    // the least-loaded manager day, then the earliest day, then the earliest time.
    const bruteForce = (input: SlotFinderInput): number | undefined => {
      const report = input.reports[0];
      if (report === undefined) return undefined;
      const duration = (input.durationMinutes ?? 30) * MINUTE;
      const buffer = (input.bufferMinutes ?? 0) * MINUTE;
      const booked = input.bookedConversations ?? [];
      const load = (date: string): number =>
        booked.filter((conversation) => managerDate(Date.parse(conversation.start), input) === date)
          .length;
      let best: { start: number; load: number; date: string } | undefined;
      for (
        let start = Date.parse(input.window.start);
        start + duration <= Date.parse(input.window.end);
        start += 5 * MINUTE
      ) {
        const slot = {
          start: new Date(start).toISOString(),
          end: new Date(start + duration).toISOString(),
        };
        const padded = {
          start: new Date(start - buffer).toISOString(),
          end: new Date(start + duration + buffer).toISOString(),
        };
        if (!isOnManagersGrid(start, input)) continue;
        if (!isInsideWorkingHours(slot, input.manager.workingHours)) continue;
        if (!isInsideWorkingHours(slot, report.workingHours)) continue;
        if (overlapsAny(slot, input.manager.busy) || overlapsAny(slot, report.busy)) continue;
        if (overlapsAny(padded, booked)) continue;
        const date = managerDate(start, input);
        const dayLoad = load(date);
        if (dayLoad >= (input.dailyCap ?? 3)) continue;
        if (best === undefined || dayLoad < best.load) best = { start, load: dayLoad, date };
      }
      return best?.start;
    };

    fc.assert(
      fc.property(inputArb(1, 4), (input) => {
        const [outcome] = findSlots(input) as [SlotOutcome];
        const expected = bruteForce(input);
        if (expected === undefined) {
          expect(outcome.outcome).toBe('no-slot');
        } else {
          expect(outcome).toEqual(
            expect.objectContaining({ outcome: 'slot', start: new Date(expected).toISOString() }),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
