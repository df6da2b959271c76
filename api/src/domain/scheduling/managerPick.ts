import type { IsoInterval } from './intervals';
import { DAY_MS } from './intervals';
import type { SchedulingParticipant } from './slotFinder';
import { findSlots } from './slotFinder';
import { resolveTimeZone, utcToZonedTime, zonedTimeToUtc } from './timeZones';
import type { StretchLimits, WorkingHours } from './workingHours';
import { widenToLimits } from './workingHours';

/**
 * The times offered to a manager whose pair the pass could not book (no common working hours, or
 * no slot even with the stretch). Each is free on both calendars, inside a day either person can
 * reasonably take a call (PICK_DAY, or their own working hours where those are wider), one per
 * manager-local day so the manager has real choices. The slot finder does the search, so a pick
 * obeys the same rules as a booking: meeting length, the grid, the manager's other conversations.
 */

/** The widest local day a picked conversation may use for either person. */
export const PICK_DAY = { earliest: '07:00:00', latest: '21:00:00' } as const;
export const PICK_SUGGESTIONS = 6;

export interface PickInput {
  readonly manager: SchedulingParticipant;
  readonly employee: SchedulingParticipant;
  readonly window: IsoInterval;
  /** The widest local day either person may be offered: the tenant's stretch limits (default PICK_DAY). */
  readonly limits?: StretchLimits;
  /** The manager's other career conversations (pending or booked). */
  readonly bookedConversations: readonly IsoInterval[];
  readonly durationMinutes: number;
}

export interface PickSlot {
  readonly start: string;
  readonly end: string;
  /** Local start, HH:mm, in each person's own time zone. */
  readonly managerLocalStart: string;
  readonly employeeLocalStart: string;
  /** Local date, YYYY-MM-DD, in each person's own time zone (they can differ). */
  readonly managerLocalDate: string;
  readonly employeeLocalDate: string;
  /** True when the slot is outside someone's own working hours. */
  readonly outsideWorkingHours: boolean;
}

/** The same working days and zone, stretched to the limits unless the person's own hours are wider. */
export function widenedHours(hours: WorkingHours, limits: StretchLimits = PICK_DAY): WorkingHours {
  // An overnight shift already spans the evening; stretching it would make no sense.
  if (hours.endTime.slice(0, 8) <= hours.startTime.slice(0, 8)) return hours;
  return widenToLimits(hours, limits);
}

const ONE = 'pair';

function fits(input: PickInput, window: IsoInterval, widen: boolean, extraBusy: IsoInterval[]) {
  const hours = (h: WorkingHours) => (widen ? widenedHours(h, input.limits) : h);
  const [outcome] = findSlots({
    manager: {
      workingHours: hours(input.manager.workingHours),
      busy: [...input.manager.busy, ...extraBusy],
      daysOff: input.manager.daysOff,
    },
    reports: [
      {
        employeeId: ONE,
        workingHours: hours(input.employee.workingHours),
        busy: input.employee.busy,
        daysOff: input.employee.daysOff,
      },
    ],
    window,
    bookedConversations: input.bookedConversations,
    durationMinutes: input.durationMinutes,
    // A manager picking by hand decides their own load; the cap is for automatic booking.
    dailyCap: 48,
  });
  return outcome.outcome === 'slot' ? outcome : null;
}

function describe(input: PickInput, slot: IsoInterval): PickSlot {
  const local = (hours: WorkingHours) => {
    const zone = resolveTimeZone(hours.timeZone);
    const at = zone ? utcToZonedTime(Date.parse(slot.start), zone) : null;
    return { date: at?.date ?? slot.start.slice(0, 10), time: at?.time.slice(0, 5) ?? '' };
  };
  const manager = local(input.manager.workingHours);
  const employee = local(input.employee.workingHours);
  return {
    start: slot.start,
    end: slot.end,
    managerLocalStart: manager.time,
    employeeLocalStart: employee.time,
    managerLocalDate: manager.date,
    employeeLocalDate: employee.date,
    outsideWorkingHours: fits(input, slot, false, []) === null,
  };
}

/** The manager-local day of `instant`, as a UTC interval, so the next suggestion avoids it. */
function managerDayOf(input: PickInput, instant: string): IsoInterval {
  const zone = resolveTimeZone(input.manager.workingHours.timeZone);
  if (!zone) {
    const day = Math.floor(Date.parse(instant) / DAY_MS) * DAY_MS;
    return { start: new Date(day).toISOString(), end: new Date(day + DAY_MS).toISOString() };
  }
  const date = utcToZonedTime(Date.parse(instant), zone).date;
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return {
    start: new Date(zonedTimeToUtc(date, '00:00:00', zone)).toISOString(),
    end: new Date(zonedTimeToUtc(next, '00:00:00', zone)).toISOString(),
  };
}

/**
 * Up to `count` slots, one per manager-local day, earliest and least-loaded days first; times
 * inside both people's working hours come before stretched ones.
 */
export function suggestPickSlots(input: PickInput, count = PICK_SUGGESTIONS): PickSlot[] {
  const taken: IsoInterval[] = [];
  const slots: PickSlot[] = [];
  while (slots.length < count) {
    // Inside both people's own hours when there is such a time; stretched only when there is not.
    const found = fits(input, input.window, false, taken) ?? fits(input, input.window, true, taken);
    if (!found) break;
    slots.push(describe(input, found));
    taken.push(managerDayOf(input, found.start));
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * Whether the manager may still book `slot`: the meeting length, inside the window, on the grid,
 * inside the widened day of both people, and free on both calendars now.
 */
export function stillPickable(input: PickInput, slot: IsoInterval): PickSlot | null {
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  if (!(end - start === input.durationMinutes * 60_000)) return null;
  if (start < Date.parse(input.window.start) || end > Date.parse(input.window.end)) return null;
  const found = fits(input, slot, true, []);
  if (!found || Date.parse(found.start) !== start) return null;
  return describe(input, { start: found.start, end: found.end });
}
