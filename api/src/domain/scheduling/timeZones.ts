import { DAY_MS } from './intervals';

/** An IANA time-zone name that this runtime's Intl data has accepted. Get one from resolveTimeZone. */
export type IanaTimeZone = string & { readonly __brand: 'IanaTimeZone' };

export const DAYS_OF_WEEK = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/**
 * How to read a wall-clock time that a daylight-saving switch makes ambiguous (it happens twice)
 * or nonexistent (the clock jumps over it). Mirrors Temporal's options:
 * 'compatible' takes the earlier instant when ambiguous and moves forward by the gap when skipped.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

export interface ZonedDateTime {
  /** Local calendar date, YYYY-MM-DD. */
  readonly date: string;
  /** Local wall-clock time, HH:MM:SS. */
  readonly time: string;
  readonly dayOfWeek: DayOfWeek;
  /** Local time minus UTC, in minutes (Berlin in summer: 120). */
  readonly offsetMinutes: number;
}

/**
 * Outlook mailbox settings and Graph's `workingHours.timeZone.name` often carry Windows names.
 * Mapped to the IANA zone CLDR's windowsZones table names for the "001" territory (the zone that
 * stands for each Windows zone); extend as tenants bring new ones.
 */
export const WINDOWS_TIME_ZONES: Readonly<Record<string, string>> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'UTC-11': 'Etc/GMT+11',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Mountain Standard Time (Mexico)': 'America/Mazatlan',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'Eastern Standard Time (Mexico)': 'America/Cancun',
  'US Eastern Standard Time': 'America/Indiana/Indianapolis',
  'Atlantic Standard Time': 'America/Halifax',
  'Venezuela Standard Time': 'America/Caracas',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Argentina/Buenos_Aires',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Greenland Standard Time': 'America/Godthab',
  'Montevideo Standard Time': 'America/Montevideo',
  'UTC-02': 'Etc/GMT+2',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Jordan Standard Time': 'Asia/Amman',
  'Middle East Standard Time': 'Asia/Beirut',
  'Arab Standard Time': 'Asia/Riyadh',
  'Arabic Standard Time': 'Asia/Baghdad',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Russian Standard Time': 'Europe/Moscow',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Georgian Standard Time': 'Asia/Tbilisi',
  'Caucasus Standard Time': 'Asia/Yerevan',
  'Ekaterinburg Standard Time': 'Asia/Yekaterinburg',
  'Pakistan Standard Time': 'Asia/Karachi',
  'West Asia Standard Time': 'Asia/Tashkent',
  'India Standard Time': 'Asia/Kolkata',
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Kathmandu',
  'Central Asia Standard Time': 'Asia/Almaty',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Myanmar Standard Time': 'Asia/Yangon',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'North Asia Standard Time': 'Asia/Krasnoyarsk',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Taipei Standard Time': 'Asia/Taipei',
  'W. Australia Standard Time': 'Australia/Perth',
  'Korea Standard Time': 'Asia/Seoul',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Central Standard Time': 'Australia/Darwin',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'Tasmania Standard Time': 'Australia/Hobart',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'UTC+12': 'Etc/GMT-12',
  'Fiji Standard Time': 'Pacific/Fiji',
  // Graph writes UTC this way in some event payloads (originalStartTimeZone).
  'tzone://Microsoft/Utc': 'UTC',
};

const windowsNamesByLowerCase = new Map(
  Object.entries(WINDOWS_TIME_ZONES).map(([windows, iana]) => [windows.toLowerCase(), iana]),
);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    // h23: some ICU versions print midnight as "24" under hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function isKnownToIntl(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Accepts an IANA name or a Windows name (case-insensitively); undefined when neither is known. */
export function resolveTimeZone(name: string | null | undefined): IanaTimeZone | undefined {
  const trimmed = name?.trim();
  if (!trimmed) return undefined;
  const fromWindows = windowsNamesByLowerCase.get(trimmed.toLowerCase());
  const candidate = fromWindows ?? trimmed;
  return isKnownToIntl(candidate) ? (candidate as IanaTimeZone) : undefined;
}

/** The wall clock at `instant` read from Intl itself; wallClockMs caches what this returns. */
function wallClockFromIntl(instant: number, zone: IanaTimeZone): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Intl drops milliseconds; put them back so round trips are exact.
  return wall + (((instant % 1000) + 1000) % 1000);
}

/*
 * formatToParts was the largest single cost of a scheduling pass (bench/README.md): slot finding
 * converts the same working-day boundaries of many people again and again. A zone's offset is
 * cached per quarter hour of UTC, and only when it is the same at both ends of that quarter hour,
 * so a switch inside one (today's switches fall on quarter hours, old local mean times did not)
 * falls back to Intl for every instant in it: the cache never changes an answer.
 */
const OFFSET_BUCKET_MS = 15 * 60_000;
/** About 40 zones' worth of five-week windows; past it the cache starts again rather than grow. */
const MAX_CACHED_BUCKETS = 150_000;
const offsetsByZone = new Map<string, Map<number, number | null>>();
let cachedBuckets = 0;

function cachedOffset(instant: number, zone: IanaTimeZone): number | null {
  const bucket = Math.floor(instant / OFFSET_BUCKET_MS);
  let offsets = offsetsByZone.get(zone);
  if (offsets === undefined) {
    offsets = new Map();
    offsetsByZone.set(zone, offsets);
  }
  let offset = offsets.get(bucket);
  if (offset === undefined) {
    const start = bucket * OFFSET_BUCKET_MS;
    const end = start + OFFSET_BUCKET_MS - 1;
    const atStart = wallClockFromIntl(start, zone) - start;
    const atEnd = wallClockFromIntl(end, zone) - end;
    offset = atStart === atEnd ? atStart : null;
    if (cachedBuckets >= MAX_CACHED_BUCKETS) {
      for (const other of offsetsByZone.values()) other.clear();
      cachedBuckets = 0;
    }
    offsets.set(bucket, offset);
    cachedBuckets++;
  }
  return offset;
}

/**
 * The wall clock shown in `zone` at `instant`, expressed as if that wall clock were UTC
 * ("wall milliseconds"). Subtracting the instant gives the zone's offset.
 */
function wallClockMs(instant: number, zone: IanaTimeZone): number {
  const offset = cachedOffset(instant, zone);
  return offset === null ? wallClockFromIntl(instant, zone) : instant + offset;
}

export function offsetMs(instant: number, zone: IanaTimeZone): number {
  return wallClockMs(instant, zone) - instant;
}

/**
 * The instant at which `zone`'s clocks show the wall-clock time `wallMs` (see wallClockMs).
 * Offsets are sampled a day either side, which finds every switch except two within 48 hours
 * (no zone does that).
 */
export function wallClockToUtc(
  wallMs: number,
  zone: IanaTimeZone,
  disambiguation: Disambiguation = 'compatible',
): number {
  const offsetBefore = offsetMs(wallMs - DAY_MS, zone);
  const offsetAfter = offsetMs(wallMs + DAY_MS, zone);
  const offsetNear = offsetMs(wallMs, zone);
  const candidates = [...new Set([offsetBefore, offsetNear, offsetAfter])]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallClockMs(instant, zone) === wallMs)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  const latest = candidates[candidates.length - 1];
  if (earliest !== undefined && latest !== undefined) {
    return disambiguation === 'later' ? latest : earliest;
  }
  // The wall-clock time was skipped: 'earlier' reads it with the offset after the switch (an
  // earlier instant), the others with the offset before it (a later one), as Temporal does.
  return disambiguation === 'earlier' ? wallMs - offsetAfter : wallMs - offsetBefore;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/** Milliseconds since local midnight for "HH:MM", "HH:MM:SS" or Graph's "HH:MM:SS.0000000"; 24:00:00 is allowed as an end of day. */
export function parseTimeOfDay(time: string): number | undefined {
  const match = TIME_PATTERN.exec(time.trim());
  if (!match) return undefined;
  const [, hh = '', mm = '', ss = '0', fraction = ''] = match;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  if (minutes > 59 || seconds > 59) return undefined;
  const total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  return total <= DAY_MS ? total : undefined;
}

/** Local midnight of a YYYY-MM-DD date as wall milliseconds; undefined when it is no real date. */
export function parseCalendarDate(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date.trim());
  if (!match) return undefined;
  const [, yyyy = '', mm = '', dd = ''] = match;
  const wall = Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd));
  return formatWallDate(wall) === date.trim() ? wall : undefined;
}

export function formatWallDate(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

export function dayOfWeekOfWall(wallMs: number): DayOfWeek {
  return DAYS_OF_WEEK[new Date(wallMs).getUTCDay()] as DayOfWeek;
}

/**
 * The UTC instant (epoch ms) of a local date and wall-clock time in `zone`.
 * Throws RangeError for a malformed date or time: validate user input with parseCalendarDate
 * and parseTimeOfDay first.
 */
export function zonedTimeToUtc(
  date: string,
  time: string,
  zone: IanaTimeZone,
  disambiguation: Disambiguation = 'compatible',
): number {
  const midnight = parseCalendarDate(date);
  const sinceMidnight = parseTimeOfDay(time);
  if (midnight === undefined || sinceMidnight === undefined) {
    throw new RangeError(`Not a local date and time: "${date}" "${time}"`);
  }
  return wallClockToUtc(midnight + sinceMidnight, zone, disambiguation);
}

export function utcToZonedTime(instant: number, zone: IanaTimeZone): ZonedDateTime {
  const wall = wallClockMs(instant, zone);
  const iso = new Date(wall).toISOString();
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 19),
    dayOfWeek: dayOfWeekOfWall(wall),
    offsetMinutes: Math.round((wall - instant) / 60_000),
  };
}

/** Local midnight (wall ms) of the day in `zone` that contains `instant`. */
export function localMidnightWall(instant: number, zone: IanaTimeZone): number {
  const wall = wallClockMs(instant, zone);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}
