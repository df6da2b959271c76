/** Dates and names the way people say them: "12 March", "Alex". */

export function formatDay(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

/** A calendar date (`2027-03-31`) has no time zone: format it as written. */
export function formatCalendarDate(isoDate: string, locale?: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A moment in a record ("1 December, 14:05"; with the year when it is not this year). */
export function formatDayAndTime(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/**
 * Straight quotes as the UI writes them: "Lead the guild" becomes “Lead the guild”, don't becomes
 * don’t. (Stored history lines carry straight quotes.)
 */
export function curlyQuotes(text: string): string {
  return text.replace(/"([^"]*)"/g, '\u201c$1\u201d').replace(/(\w)'(\w)/g, '$1\u2019$2');
}

export function formatDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** `2026-Q4` as people say it: "Q4 2026". */
export function quarterText(quarter: string): string {
  const match = /^(\d{4})-(Q[1-4])$/.exec(quarter);
  return match ? `${match[2]} ${match[1]}` : quarter;
}

export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] || displayName;
}

/** Today as `YYYY-MM-DD` in the person's own time zone. */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}
