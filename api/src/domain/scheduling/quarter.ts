import type { IsoInterval } from './intervals';
import { DAY_MS } from './intervals';

/** A calendar quarter in UTC, e.g. "2026-Q4". One career conversation is due per pair per quarter. */
export type QuarterKey = `${number}-Q${1 | 2 | 3 | 4}`;

/** Tenant settings: the weeks of the quarter in which conversations are booked (week 1 = days 1–7). */
export interface QuarterWindowSettings {
  readonly windowStartWeek: number;
  readonly windowEndWeek: number;
}

export const DEFAULT_QUARTER_WINDOW: QuarterWindowSettings = {
  windowStartWeek: 2,
  windowEndWeek: 6,
};

/** How far ahead a new pair's first conversation is booked. */
export const FIRST_CONVERSATION_WITHIN_DAYS = 30;

/** Graph's getSchedule accepts a window shorter than 62 days. */
export const GET_SCHEDULE_MAX_DAYS = 61;

export type QuarterlyWindow =
  | {
      readonly outcome: 'window';
      /** 'planned': the tenant's weeks; 'catch-up': those weeks passed unbooked, so the rest of the quarter. */
      readonly basis: 'planned' | 'catch-up';
      readonly window: IsoInterval;
    }
  | { readonly outcome: 'quarter-over' | 'invalid-settings'; readonly message: string };

const QUARTER_KEY_PATTERN = /^(\d{4})-Q([1-4])$/;

function toInstant(value: Date | string | number): number {
  const instant =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(instant)) throw new RangeError(`Not an instant: ${String(value)}`);
  return instant;
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

export function parseQuarterKey(value: string): QuarterKey | undefined {
  return QUARTER_KEY_PATTERN.test(value) ? (value as QuarterKey) : undefined;
}

export function quarterOf(instant: Date | string | number): QuarterKey {
  const date = new Date(toInstant(instant));
  const quarter = Math.floor(date.getUTCMonth() / 3) + 1;
  return `${date.getUTCFullYear()}-Q${quarter}` as QuarterKey;
}

function quarterParts(key: QuarterKey): { year: number; quarter: number } {
  const match = QUARTER_KEY_PATTERN.exec(key);
  if (!match) throw new RangeError(`Not a quarter key: ${key}`);
  return { year: Number(match[1]), quarter: Number(match[2]) };
}

function quarterStartMs(key: QuarterKey): number {
  const { year, quarter } = quarterParts(key);
  return Date.UTC(year, (quarter - 1) * 3, 1);
}

function quarterEndMs(key: QuarterKey): number {
  const { year, quarter } = quarterParts(key);
  return Date.UTC(year, quarter * 3, 1);
}

/** The quarter as a UTC interval: from its first midnight to the next quarter's first midnight. */
export function quarterBounds(key: QuarterKey): IsoInterval {
  return { start: iso(quarterStartMs(key)), end: iso(quarterEndMs(key)) };
}

export function nextQuarter(key: QuarterKey): QuarterKey {
  return quarterOf(quarterEndMs(key));
}

export function validateQuarterWindowSettings(settings: QuarterWindowSettings): string | undefined {
  const { windowStartWeek: from, windowEndWeek: to } = settings;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > 13) {
    return `The scheduling window must be whole weeks with 1 ≤ start week ≤ end week ≤ 13 (got weeks ${from}–${to}).`;
  }
  return undefined;
}

/** The planned weeks of a quarter, e.g. weeks 2–6 = from day 8 to the end of day 42, clipped to the quarter. */
export function plannedWindow(key: QuarterKey, settings: QuarterWindowSettings): IsoInterval {
  const start = quarterStartMs(key);
  const end = quarterEndMs(key);
  return {
    start: iso(Math.min(start + (settings.windowStartWeek - 1) * 7 * DAY_MS, end)),
    end: iso(Math.min(start + settings.windowEndWeek * 7 * DAY_MS, end)),
  };
}

/**
 * Where to look for this quarter's conversation at `now`: the planned weeks (from now on, once
 * they have begun), or — when they have passed with nothing booked — the rest of the quarter, so a
 * missed conversation is caught up rather than skipped.
 */
export function quarterlyConversationWindow(
  key: QuarterKey,
  settings: QuarterWindowSettings,
  now: Date | string | number,
): QuarterlyWindow {
  const problem = validateQuarterWindowSettings(settings);
  if (problem !== undefined) return { outcome: 'invalid-settings', message: problem };
  const at = toInstant(now);
  const quarterEnd = quarterEndMs(key);
  if (at >= quarterEnd) {
    return { outcome: 'quarter-over', message: `Quarter ${key} ended on ${iso(quarterEnd)}.` };
  }
  const planned = plannedWindow(key, settings);
  const plannedEnd = Date.parse(planned.end);
  if (at < plannedEnd) {
    return {
      outcome: 'window',
      basis: 'planned',
      window: { start: iso(Math.max(at, Date.parse(planned.start))), end: planned.end },
    };
  }
  return { outcome: 'window', basis: 'catch-up', window: { start: iso(at), end: iso(quarterEnd) } };
}

/**
 * A new pair (new manager or new hire) talks early: from now to `withinDays` ahead. The window may
 * cross into the next quarter on purpose — key the conversation by quarterOf(slot start), so it
 * then also counts as that quarter's conversation. Clipped to what one getSchedule call can cover.
 */
export function firstConversationWindow(
  now: Date | string | number,
  withinDays: number = FIRST_CONVERSATION_WITHIN_DAYS,
): IsoInterval {
  const at = toInstant(now);
  const days = Math.min(Math.max(withinDays, 0), GET_SCHEDULE_MAX_DAYS);
  return { start: iso(at), end: iso(at + days * DAY_MS) };
}

/** Cuts a window into pieces that each fit one getSchedule request. */
export function splitForGetSchedule(
  window: IsoInterval,
  maxDays: number = GET_SCHEDULE_MAX_DAYS,
): IsoInterval[] {
  const end = Date.parse(window.end);
  const step = Math.max(1, Math.min(maxDays, GET_SCHEDULE_MAX_DAYS)) * DAY_MS;
  const pieces: IsoInterval[] = [];
  for (let start = Date.parse(window.start); start < end; start += step) {
    pieces.push({ start: iso(start), end: iso(Math.min(start + step, end)) });
  }
  return pieces;
}

export interface BookingWindowInput {
  /** 'quarterly': this quarter's conversation; 'first': a new pair's early one. */
  readonly kind: 'quarterly' | 'first';
  readonly quarter: QuarterKey;
  readonly settings: QuarterWindowSettings;
  readonly now: Date | string | number;
  /** Nothing is booked sooner than this after `now`, so nobody is surprised by a meeting. */
  readonly leadTimeMs: number;
  /** A window shorter than this (one conversation) is left out. */
  readonly minimumMs: number;
  readonly firstWithinDays?: number;
}

/**
 * Where to look for a pair's conversation, in order of preference. A quarterly conversation goes
 * in what is left of the planned weeks, and what does not fit there goes in the rest of the
 * quarter; once the planned weeks are over (or too little of them is left after the lead time),
 * the rest of the quarter is the only window. No window: the quarter is over for booking.
 * Windows may be longer than one getSchedule call covers: split them for reading, never clip.
 */
export function bookingWindows(input: BookingWindowInput): IsoInterval[] {
  const at = toInstant(input.now);
  const earliest = at + input.leadTimeMs;
  const usable = (start: number, end: number): IsoInterval[] => {
    const from = Math.max(start, earliest);
    return end - from >= input.minimumMs ? [{ start: iso(from), end: iso(end) }] : [];
  };
  if (input.kind === 'first') {
    const first = firstConversationWindow(at, input.firstWithinDays);
    return usable(Date.parse(first.start), Date.parse(first.end));
  }
  const window = quarterlyConversationWindow(input.quarter, input.settings, at);
  if (window.outcome !== 'window') return [];
  const quarterEnd = quarterEndMs(input.quarter);
  if (window.basis === 'catch-up') return usable(Date.parse(window.window.start), quarterEnd);
  const plannedEnd = Date.parse(window.window.end);
  return [
    ...usable(Date.parse(window.window.start), plannedEnd),
    ...usable(plannedEnd, quarterEnd),
  ];
}
