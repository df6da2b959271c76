import type { DayOfWeek, DemoWorkingHours } from '../../../../api/src/local/demo-org/types';

/**
 * An independent way to read an instant as local wall-clock time (Intl only), so tests of demo
 * calendars do not trust the generator's own time-zone arithmetic.
 */

const WINDOWS_NAMES: Record<string, string> = {
  'Pacific Standard Time': 'America/Los_Angeles',
  'Eastern Standard Time': 'America/New_York',
  'W. Europe Standard Time': 'Europe/Berlin',
  'GMT Standard Time': 'Europe/London',
  'India Standard Time': 'Asia/Kolkata',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

export function ianaOf(zoneName: string): string {
  return WINDOWS_NAMES[zoneName] ?? zoneName;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  const cached = formatters.get(zone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'long',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  formatters.set(zone, formatter);
  return formatter;
}

export function localTime(
  instant: string,
  zoneName: string,
): { weekday: DayOfWeek; minutes: number } {
  const parts = formatterFor(ianaOf(zoneName)).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: part('weekday').toLowerCase() as DayOfWeek,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function isInsideWorkingHours(start: string, end: string, hours: DemoWorkingHours): boolean {
  const from = localTime(start, hours.timeZone.name);
  const to = localTime(end, hours.timeZone.name);
  return (
    hours.daysOfWeek.includes(from.weekday) &&
    from.weekday === to.weekday &&
    from.minutes >= minutesOf(hours.startTime) &&
    to.minutes <= minutesOf(hours.endTime)
  );
}
