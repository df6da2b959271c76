/**
 * Offices and time-zone arithmetic for the demo organisations. Exchange reports a mailbox's zone
 * either as an IANA name or as a Windows name ("Pacific Standard Time"); demo people use both so
 * the app has to cope with both.
 */

export interface Office {
  city: string;
  iana: string;
  /** The Windows name Exchange uses for the same zone. */
  windows: string;
}

export const OFFICES = {
  seattle: { city: 'Seattle', iana: 'America/Los_Angeles', windows: 'Pacific Standard Time' },
  newYork: { city: 'New York', iana: 'America/New_York', windows: 'Eastern Standard Time' },
  berlin: { city: 'Berlin', iana: 'Europe/Berlin', windows: 'W. Europe Standard Time' },
  london: { city: 'London', iana: 'Europe/London', windows: 'GMT Standard Time' },
  bengaluru: { city: 'Bengaluru', iana: 'Asia/Kolkata', windows: 'India Standard Time' },
  sydney: { city: 'Sydney', iana: 'Australia/Sydney', windows: 'AUS Eastern Standard Time' },
} as const satisfies Record<string, Office>;

export type OfficeKey = keyof typeof OFFICES;

/** Windows zone names used by the demo data, mapped to IANA (subset of CLDR's windowsZones). */
export const WINDOWS_TO_IANA: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(OFFICES).map((office) => [office.windows, office.iana]),
);

/** The IANA zone for a mailbox zone name of either kind; unknown names fall back to UTC. */
export function toIanaZone(name: string): string {
  return WINDOWS_TO_IANA[name] ?? (isIanaZone(name) ? name : 'UTC');
}

const knownZones = new Map<string, boolean>();

/** Cached: constructing an Intl formatter costs far more than the arithmetic it guards. */
function isIanaZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(name, known);
  }
  return known;
}

/** A calendar date with no zone attached: "the 3rd of March" wherever you are. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
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

/** Minutes the zone is ahead of UTC at the given instant. */
function offsetMinutesAt(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * The UTC instant of a local wall-clock time. The offset is taken at local noon of that date and
 * cached per zone and day: DST switches happen at night, so working-day times are exact, and
 * generating a 10,000-person calendar stays fast.
 */
export function localToUtc(date: CivilDate, minutesAfterMidnight: number, ianaZone: string): Date {
  const key = `${ianaZone}|${date.year}-${date.month}-${date.day}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const noonUtcGuess = Date.UTC(date.year, date.month - 1, date.day, 12);
    offset = offsetMinutesAt(ianaZone, noonUtcGuess);
    offsetCache.set(key, offset);
  }
  const wallClockAsUtc =
    Date.UTC(date.year, date.month - 1, date.day) + minutesAfterMidnight * 60000;
  return new Date(wallClockAsUtc - offset * 60000);
}

/** `HH:mm:ss` → minutes after midnight. */
export function parseTimeOfDay(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}
