import type { DayOfWeek, DemoBusyBlock, DemoWorkingHours } from './types';
import { localToUtc, parseTimeOfDay, toIanaZone } from './timeZones';
import type { CivilDate } from './timeZones';

/**
 * Calendar helpers for demo busy time. Busy blocks cover the calendar quarter (UTC) that contains
 * `now` and the next one: the two quarters the scheduler books conversations in. They depend only
 * on the quarter's start, so every `now` inside the same quarter yields the same blocks.
 */

const WEEKDAYS: readonly DayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

export interface HorizonDay {
  date: CivilDate;
  weekday: DayOfWeek;
  /** Weeks since the Monday on or before the horizon's start; used for bi-weekly meetings. */
  week: number;
}

export interface BusyHorizon {
  start: Date;
  end: Date;
  days: HorizonDay[];
}

/** Midnight UTC on the first day of the calendar quarter containing `now`. */
export function quarterStartUtc(now: Date): Date {
  const quarterMonth = Math.floor(now.getUTCMonth() / 3) * 3;
  return new Date(Date.UTC(now.getUTCFullYear(), quarterMonth, 1));
}

/** This quarter and the next: [start of this quarter, start of the quarter after next). */
export function busyHorizon(now: Date): BusyHorizon {
  const start = quarterStartUtc(now);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 6, 1));
  const firstMonday = start.getTime() - ((start.getUTCDay() + 6) % 7) * 86400000;
  const days: HorizonDay[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += 86400000) {
    const d = new Date(t);
    days.push({
      date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
      weekday: WEEKDAYS[d.getUTCDay()],
      week: Math.floor((t - firstMonday) / (7 * 86400000)),
    });
  }
  return { start, end, days };
}

/** One busy block at a local wall-clock time in `zone` (IANA or Windows name). */
export function busyBlock(
  date: CivilDate,
  startMinutes: number,
  durationMinutes: number,
  zone: string,
  subject: string,
  showAs: DemoBusyBlock['showAs'] = 'busy',
): DemoBusyBlock {
  const start = localToUtc(date, startMinutes, toIanaZone(zone));
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + durationMinutes * 60000).toISOString(),
    subject,
    showAs,
  };
}

/** Whether [start, end) lies inside the person's working hours on a day they work. */
export function isWithinWorkingHours(
  hours: DemoWorkingHours,
  day: HorizonDay,
  start: Date,
  end: Date,
): boolean {
  if (!hours.daysOfWeek.includes(day.weekday)) return false;
  const zone = toIanaZone(hours.timeZone.name);
  const from = localToUtc(day.date, parseTimeOfDay(hours.startTime), zone);
  const to = localToUtc(day.date, parseTimeOfDay(hours.endTime), zone);
  return start >= from && end <= to;
}

/** Sorts blocks by start so a person's calendar reads chronologically. */
export function byStart(a: DemoBusyBlock, b: DemoBusyBlock): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}
