import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import type { IncomingHttpHeaders } from 'node:http';

import { localToUtc, WINDOWS_TO_IANA } from '../demo-org/timeZones';
import { GraphHttpError } from './graphErrors';

/**
 * Outlook's `dateTimeTimeZone` on the wire: a wall-clock `dateTime` without offset plus a zone
 * name, Windows ("Pacific Standard Time") or IANA. Requests may use either; responses are in UTC
 * unless `Prefer: outlook.timezone="..."` asks for another zone, and echo that zone's name.
 */

/** Windows zone names an app is likely to send, beyond those the demo mailboxes use. */
const MORE_WINDOWS_ZONES: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'India Standard Time': 'Asia/Kolkata',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

const validIana = new Map<string, boolean>();

/** The IANA zone for a Windows or IANA name, or null if Outlook would not know it either. */
export function resolveZone(name: string): string | null {
  const mapped = MORE_WINDOWS_ZONES[name] ?? WINDOWS_TO_IANA[name];
  if (mapped) return mapped;
  let valid = validIana.get(name);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      valid = name.includes('/') || name === 'UTC';
    } catch {
      valid = false;
    }
    validIana.set(name, valid);
  }
  return valid ? name : null;
}

/** Outlook's answer to a zone it does not know (status 400). */
export const timeZoneNotSupported = (name: string) =>
  new GraphHttpError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
  );

const LOCAL_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The UTC instant (ms) of a `dateTimeTimeZone`. A dateTime that carries its own offset is taken
 * as that instant; otherwise it is a wall-clock time in `timeZone`.
 */
export function parseDateTimeTimeZone(value: { dateTime: string; timeZone: string }): number {
  const match = LOCAL_DATE_TIME.exec(value.dateTime.trim());
  if (!match) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      `Cannot convert the literal '${value.dateTime}' to the expected type 'Edm.DateTime'.`,
    );
  }
  const zone = resolveZone(value.timeZone);
  if (!zone) throw timeZoneNotSupported(value.timeZone);
  const [, y, mo, d, h, mi, s = '0', fraction = '0', offset] = match;
  if (offset) return Date.parse(value.dateTime.trim());
  const minutes = Number(h) * 60 + Number(mi) + Number(s) / 60 + Number(`0.${fraction}`) / 60;
  return localToUtc(
    { year: Number(y), month: Number(mo), day: Number(d) },
    minutes,
    zone,
  ).getTime();
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(ms: number, zone: string): Record<string, number> {
  let formatter = partFormatters.get(zone);
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
    partFormatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as Outlook writes it in `zoneName`: `2025-05-14T09:30:00.0000000`. */
export function renderDateTimeTimeZone(ms: number, zoneName: string): DateTimeTimeZone {
  const zone = resolveZone(zoneName) ?? 'UTC';
  const date = new Date(ms);
  // Outlook keeps seven fractional digits; we have milliseconds.
  const fraction = `${pad(date.getUTCMilliseconds(), 3)}0000`;
  if (zone === 'UTC') {
    return { dateTime: `${date.toISOString().slice(0, 19)}.${fraction}`, timeZone: zoneName };
  }
  const p = partsIn(ms, zone);
  const wall = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  return { dateTime: `${wall}.${fraction}`, timeZone: zoneName };
}

function headerText(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/**
 * The zone a response should use: `Prefer: outlook.timezone="..."` (quoted or not), else UTC.
 * An unknown zone is refused, so a typo is noticed here rather than as times off by hours.
 */
export function preferredTimeZone(headers: IncomingHttpHeaders): {
  zone: string;
  applied: boolean;
} {
  const match = /outlook\.timezone\s*=\s*(?:"([^"]*)"|([^,;\s]+))/i.exec(
    headerText(headers, 'prefer'),
  );
  const name = match ? (match[1] ?? match[2]).trim() : null;
  if (!name) return { zone: 'UTC', applied: false };
  if (!resolveZone(name)) throw timeZoneNotSupported(name);
  return { zone: name, applied: true };
}

/** The `Preference-Applied` header Graph returns when it honoured `outlook.timezone`. */
export function preferenceApplied(preferred: {
  zone: string;
  applied: boolean;
}): Record<string, string> {
  return preferred.applied ? { 'Preference-Applied': `outlook.timezone="${preferred.zone}"` } : {};
}
