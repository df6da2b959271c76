/**
 * Half-open time intervals [start, end) on the UTC timeline, in epoch milliseconds.
 * Every list this module returns is normalised: sorted, non-empty, non-overlapping and
 * non-touching, which lets the set operations below run as single linear sweeps.
 */
export interface TimeInterval {
  readonly start: number;
  readonly end: number;
}

/** A UTC interval as ISO-8601 instants ("2026-10-12T15:00:00.000Z"), start inclusive, end exclusive. */
export interface IsoInterval {
  readonly start: string;
  readonly end: string;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function normalizeIntervals(intervals: readonly TimeInterval[]): TimeInterval[] {
  const sorted = intervals
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TimeInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      if (interval.end > last.end)
        merged[merged.length - 1] = { start: last.start, end: interval.end };
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** Both inputs must be normalised. */
export function intersectIntervals(
  a: readonly TimeInterval[],
  b: readonly TimeInterval[],
): TimeInterval[] {
  const result: TimeInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as TimeInterval;
    const right = b[j] as TimeInterval;
    const start = Math.max(left.start, right.start);
    const end = Math.min(left.end, right.end);
    if (end > start) result.push({ start, end });
    if (left.end < right.end) i += 1;
    else j += 1;
  }
  return result;
}

/** Both inputs must be normalised. */
export function subtractIntervals(
  from: readonly TimeInterval[],
  remove: readonly TimeInterval[],
): TimeInterval[] {
  const result: TimeInterval[] = [];
  let j = 0;
  for (const interval of from) {
    let cursor = interval.start;
    // Removals that end before this interval cannot affect any later interval either.
    while (j < remove.length && (remove[j] as TimeInterval).end <= cursor) j += 1;
    let k = j;
    while (k < remove.length && (remove[k] as TimeInterval).start < interval.end) {
      const cut = remove[k] as TimeInterval;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      k += 1;
    }
    if (cursor < interval.end) result.push({ start: cursor, end: interval.end });
  }
  return result;
}

export function clipIntervals(
  intervals: readonly TimeInterval[],
  window: TimeInterval,
): TimeInterval[] {
  return intersectIntervals(intervals, window.end > window.start ? [window] : []);
}

/** Widens every interval by `marginMs` on both sides, e.g. to keep a buffer around meetings. */
export function padIntervals(intervals: readonly TimeInterval[], marginMs: number): TimeInterval[] {
  return normalizeIntervals(
    intervals.map((interval) => ({
      start: interval.start - marginMs,
      end: interval.end + marginMs,
    })),
  );
}

export function totalDuration(intervals: readonly TimeInterval[]): number {
  return intervals.reduce((sum, interval) => sum + (interval.end - interval.start), 0);
}

export function overlaps(a: TimeInterval, b: TimeInterval): boolean {
  return a.start < b.end && b.start < a.end;
}

// An explicit zone designator, or none (then UTC, as Graph writes times under Prefer: outlook.timezone="UTC").
const ISO_INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * Epoch ms of an ISO-8601 instant; a string without "Z" or an offset is read as UTC, never as the
 * host's local time (which is what Date.parse would do). Undefined when it is not an instant.
 */
export function parseInstant(value: string): number | undefined {
  const trimmed = value.trim();
  const match = ISO_INSTANT_PATTERN.exec(trimmed);
  if (!match) return undefined;
  // Date.parse handles at most milliseconds; Graph sends seven fractional digits.
  const withMillis = trimmed.replace(/(\.\d{3})\d+/, '$1');
  const instant = Date.parse(match[1] === undefined ? `${withMillis}Z` : withMillis);
  return Number.isNaN(instant) ? undefined : instant;
}

export function parseIsoInterval(interval: IsoInterval): TimeInterval | undefined {
  const start = parseInstant(interval.start);
  const end = parseInstant(interval.end);
  return start === undefined || end === undefined ? undefined : { start, end };
}

export function toIsoInterval(interval: TimeInterval): IsoInterval {
  return {
    start: new Date(interval.start).toISOString(),
    end: new Date(interval.end).toISOString(),
  };
}
