import type { IsoInterval } from '../../../../api/src/domain/scheduling/intervals';
import type { DayOfWeek } from '../../../../api/src/domain/scheduling/timeZones';
import { resolveTimeZone, utcToZonedTime } from '../../../../api/src/domain/scheduling/timeZones';
import type { WorkingHours } from '../../../../api/src/domain/scheduling/workingHours';

export const WEEKDAYS: readonly DayOfWeek[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
];

export function hours(
  timeZone: string,
  startTime: string,
  endTime: string,
  daysOfWeek: readonly DayOfWeek[] = WEEKDAYS,
): WorkingHours {
  return { timeZone, startTime, endTime, daysOfWeek };
}

export function zone(name: string): NonNullable<ReturnType<typeof resolveTimeZone>> {
  const resolved = resolveTimeZone(name);
  if (resolved === undefined) throw new Error(`Unknown time zone in a test: ${name}`);
  return resolved;
}

export function localTime(instant: string | number, zoneName: string): string {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  const local = utcToZonedTime(at, zone(zoneName));
  return `${local.date} ${local.time.slice(0, 5)} ${local.dayOfWeek}`;
}

/**
 * An oracle independent of workingHours.ts: read the slot's start and end on the person's own wall
 * clock and compare with their working hours (for day shifts, which is all the tests use).
 */
export function isInsideWorkingHours(slot: IsoInterval, workingHours: WorkingHours): boolean {
  const timeZone = zone(workingHours.timeZone);
  const start = utcToZonedTime(Date.parse(slot.start), timeZone);
  const lastMoment = utcToZonedTime(Date.parse(slot.end) - 1, timeZone);
  const end = utcToZonedTime(Date.parse(slot.end), timeZone);
  const endTime = end.date === start.date ? end.time : '24:00:00';
  return (
    start.date === lastMoment.date &&
    workingHours.daysOfWeek.includes(start.dayOfWeek) &&
    start.time >= workingHours.startTime.slice(0, 8) &&
    endTime <= workingHours.endTime.slice(0, 8)
  );
}

export function overlapsAny(slot: IsoInterval, others: readonly IsoInterval[]): boolean {
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  return others.some((other) => Date.parse(other.start) < end && start < Date.parse(other.end));
}

export function iso(value: string): string {
  return new Date(value).toISOString();
}
