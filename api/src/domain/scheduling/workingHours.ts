import type { TimeInterval } from './intervals';
import { clipIntervals, DAY_MS, normalizeIntervals } from './intervals';
import type { DayOfWeek, IanaTimeZone } from './timeZones';
import {
  dayOfWeekOfWall,
  formatWallDate,
  localMidnightWall,
  parseTimeOfDay,
  resolveTimeZone,
  wallClockToUtc,
} from './timeZones';

/** A person's working week as Graph reports it (mailboxSettings / getSchedule `workingHours`). */
export interface WorkingHours {
  readonly daysOfWeek: readonly DayOfWeek[];
  /** Local wall-clock time, "08:00:00" (Graph's "08:00:00.0000000" is accepted too). */
  readonly startTime: string;
  readonly endTime: string;
  /** IANA or Windows time-zone name, e.g. "Europe/Berlin" or "W. Europe Standard Time". */
  readonly timeZone: string;
}

export type WorkingHoursExpansion =
  | { readonly ok: true; readonly timeZone: IanaTimeZone; readonly intervals: TimeInterval[] }
  | {
      readonly ok: false;
      readonly problem: 'unknown-time-zone' | 'invalid-time';
      readonly message: string;
    };

/**
 * The UTC intervals inside `window` when the person is working, each working day computed in the
 * person's own time zone so that daylight-saving switches move the UTC times, not the local ones.
 * An end time at or before the start time is an overnight shift ending the next day.
 */
export function expandWorkingHours(
  hours: WorkingHours,
  window: TimeInterval,
  /** Local dates (YYYY-MM-DD) the person does not work: holidays. */
  daysOff: ReadonlySet<string> = new Set(),
): WorkingHoursExpansion {
  const timeZone = resolveTimeZone(hours.timeZone);
  if (timeZone === undefined) {
    return {
      ok: false,
      problem: 'unknown-time-zone',
      message: `The working-hours time zone "${hours.timeZone}" is not a known IANA or Windows time zone.`,
    };
  }
  const start = parseTimeOfDay(hours.startTime);
  const end = parseTimeOfDay(hours.endTime);
  if (start === undefined || end === undefined || start >= DAY_MS) {
    return {
      ok: false,
      problem: 'invalid-time',
      message: `Working hours "${hours.startTime}"–"${hours.endTime}" are not valid times of day.`,
    };
  }
  if (window.end <= window.start) return { ok: true, timeZone, intervals: [] };

  const workingDays = new Set<DayOfWeek>(hours.daysOfWeek);
  const endOffset = end <= start ? end + DAY_MS : end;
  const intervals: TimeInterval[] = [];
  // Start a day early so that an overnight shift begun the evening before the window is kept.
  const lastDay = localMidnightWall(window.end, timeZone);
  for (
    let day = localMidnightWall(window.start, timeZone) - DAY_MS;
    day <= lastDay;
    day += DAY_MS
  ) {
    if (!workingDays.has(dayOfWeekOfWall(day)) || daysOff.has(formatWallDate(day))) continue;
    // Read a start the clock skips or repeats as the later instant and such an end as the earlier
    // one, so a switch can only shorten the working day, never stretch it.
    const from = wallClockToUtc(day + start, timeZone, 'later');
    const to = wallClockToUtc(day + endOffset, timeZone, 'earlier');
    if (to > from) intervals.push({ start: from, end: to });
  }
  return { ok: true, timeZone, intervals: clipIntervals(normalizeIntervals(intervals), window) };
}

/**
 * A person's reach when stretched: their working days, from the earlier of their start and
 * `limits.earliest` to the later of their end and `limits.latest` (someone who starts at 07:00 is
 * not made to start later by a 07:30 limit). Empty when the hours cannot be read.
 */
export function expandWithinLimits(
  hours: WorkingHours,
  limits: StretchLimits,
  window: TimeInterval,
  daysOff: ReadonlySet<string> = new Set(),
): TimeInterval[] {
  const expanded = expandWorkingHours(widenToLimits(hours, limits), window, daysOff);
  return expanded.ok ? expanded.intervals : [];
}

/** Local clock limits a day may be stretched to (HH:mm or HH:mm:ss). */
export interface StretchLimits {
  readonly earliest: string;
  readonly latest: string;
}

/**
 * The same working days and zone, from the earlier of their start and `limits.earliest` to the
 * later of their end and `limits.latest`: wider own hours are kept.
 */
export function widenToLimits(hours: WorkingHours, limits: StretchLimits): WorkingHours {
  const clock = (value: string) => parseTimeOfDay(value) ?? 0;
  return {
    ...hours,
    startTime: clock(limits.earliest) < clock(hours.startTime) ? limits.earliest : hours.startTime,
    endTime: clock(limits.latest) > clock(hours.endTime) ? limits.latest : hours.endTime,
  };
}
