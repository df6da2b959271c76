import type { IsoInterval, TimeInterval } from './intervals';
import { MINUTE_MS, normalizeIntervals, parseInstant, toIsoInterval } from './intervals';
import type { DayOfWeek } from './timeZones';
import { DAYS_OF_WEEK, parseTimeOfDay, resolveTimeZone, zonedTimeToUtc } from './timeZones';
import type { WorkingHours } from './workingHours';

/*
 * The subset of Graph's getSchedule response (`value[]` of scheduleInformation) that scheduling
 * reads. Structural, with Graph's nullable fields, so that @microsoft/microsoft-graph-types
 * objects can be passed in as they are.
 */
export interface GraphDateTimeTimeZone {
  readonly dateTime?: string | null;
  readonly timeZone?: string | null;
}

export interface GraphScheduleItem {
  readonly status?: string | null;
  readonly start?: GraphDateTimeTimeZone | null;
  readonly end?: GraphDateTimeTimeZone | null;
}

export interface GraphWorkingHours {
  readonly daysOfWeek?: readonly (string | null)[] | null;
  readonly startTime?: string | null;
  readonly endTime?: string | null;
  readonly timeZone?: { readonly name?: string | null } | null;
}

export interface GraphScheduleInformation {
  readonly scheduleId?: string | null;
  readonly availabilityView?: string | null;
  readonly scheduleItems?: readonly GraphScheduleItem[] | null;
  readonly workingHours?: GraphWorkingHours | null;
  readonly error?: {
    readonly message?: string | null;
    readonly responseCode?: string | null;
  } | null;
}

export interface AvailabilityOptions {
  /** The tenant's working-hours fallback, used when a mailbox has none Graph can give us. */
  readonly fallbackWorkingHours: WorkingHours;
  /** The zone named in the request's Prefer: outlook.timezone header; default "UTC". */
  readonly responseTimeZone?: string;
  /**
   * The request's startTime and availabilityViewInterval, needed only to read `availabilityView`
   * when a schedule comes back without `scheduleItems`.
   */
  readonly availabilityView?: { readonly start: string; readonly intervalMinutes: number };
}

export type ParsedAvailability =
  | {
      readonly ok: true;
      readonly scheduleId: string;
      readonly workingHours: WorkingHours;
      /** 'fallback' when the mailbox had no usable working hours. */
      readonly workingHoursSource: 'mailbox' | 'fallback';
      /** Normalised (sorted, merged) UTC intervals. */
      readonly busy: IsoInterval[];
    }
  | {
      readonly ok: false;
      readonly scheduleId: string;
      readonly problem: 'schedule-error' | 'unreadable-schedule';
      readonly message: string;
    };

/*
 * Which statuses block a career conversation. busy and oof obviously do. tentative does too: it is
 * a meeting the person has not declined, and a conversation booked over it is likely to be moved
 * or missed, while the window is weeks long and truly free time is usually there. unknown blocks
 * because guessing "free" could double-book someone. free and workingElsewhere do not block: a
 * person working elsewhere is working, and the conversation is a Teams meeting.
 */
const BLOCKING_STATUSES = new Set(['busy', 'oof', 'tentative', 'unknown']);

/* availabilityView digits: 0 free or working elsewhere, 1 tentative, 2 busy, 3 oof (4 would be working elsewhere). */
const FREE_VIEW_DIGITS = new Set(['0', '4']);

const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

function graphInstant(
  value: GraphDateTimeTimeZone | null | undefined,
  responseTimeZone: string,
): number | undefined {
  const dateTime = value?.dateTime?.trim();
  if (!dateTime) return undefined;
  const local = DATE_TIME_PATTERN.exec(dateTime);
  // A dateTime that carries its own offset or "Z" needs no zone.
  if (!local) return parseInstant(dateTime);
  const zone = resolveTimeZone(value?.timeZone ?? responseTimeZone);
  if (zone === undefined) return undefined;
  const [, date = '', time = ''] = local;
  try {
    return zonedTimeToUtc(date, time, zone);
  } catch {
    return undefined;
  }
}

function mailboxWorkingHours(
  hours: GraphWorkingHours | null | undefined,
): WorkingHours | undefined {
  if (!hours) return undefined;
  const days = (hours.daysOfWeek ?? [])
    .map((day) => day?.trim().toLowerCase())
    .filter((day): day is DayOfWeek => (DAYS_OF_WEEK as readonly string[]).includes(day ?? ''));
  const startTime = hours.startTime ?? '';
  const endTime = hours.endTime ?? '';
  const timeZone = hours.timeZone?.name ?? '';
  // An empty day list reads as "not set" far more often than "never works", so it falls back too.
  // An unresolvable zone (a customTimeZone, say) falls back as a whole: days and times without
  // their zone would put meetings at the wrong hours.
  if (
    days.length === 0 ||
    parseTimeOfDay(startTime) === undefined ||
    parseTimeOfDay(endTime) === undefined ||
    resolveTimeZone(timeZone) === undefined
  ) {
    return undefined;
  }
  return {
    daysOfWeek: days,
    startTime: startTime.slice(0, 8),
    endTime: endTime.slice(0, 8),
    timeZone,
  };
}

function busyFromView(
  view: string,
  layout: NonNullable<AvailabilityOptions['availabilityView']>,
): TimeInterval[] | undefined {
  const start = parseInstant(layout.start);
  if (start === undefined || !(layout.intervalMinutes > 0)) return undefined;
  const step = layout.intervalMinutes * MINUTE_MS;
  return [...view]
    .map((digit, index) => ({
      digit,
      start: start + index * step,
      end: start + (index + 1) * step,
    }))
    .filter((slot) => !FREE_VIEW_DIGITS.has(slot.digit))
    .map(({ start: from, end }) => ({ start: from, end }));
}

/** Turns one getSchedule `scheduleInformation` into a slot-finder participant (plus its id). */
export function parseScheduleInformation(
  information: GraphScheduleInformation,
  options: AvailabilityOptions,
): ParsedAvailability {
  const scheduleId = information.scheduleId ?? '';
  if (information.error) {
    const reason =
      information.error.message?.trim() || information.error.responseCode || 'no reason given';
    return {
      ok: false,
      scheduleId,
      problem: 'schedule-error',
      message: `Graph could not read this calendar: ${/[.!?]$/.test(reason) ? reason : `${reason}.`}`,
    };
  }
  const responseTimeZone = options.responseTimeZone ?? 'UTC';
  const busy: TimeInterval[] = [];
  if (information.scheduleItems) {
    for (const item of information.scheduleItems) {
      const status = (item.status ?? 'unknown').toLowerCase();
      if (!BLOCKING_STATUSES.has(status)) continue;
      const start = graphInstant(item.start, responseTimeZone);
      const end = graphInstant(item.end, responseTimeZone);
      if (start === undefined || end === undefined) {
        return {
          ok: false,
          scheduleId,
          problem: 'unreadable-schedule',
          message: `A calendar item has a start or end that cannot be read (${
            item.start?.dateTime ?? '?'
          } ${item.start?.timeZone ?? ''} – ${item.end?.dateTime ?? '?'} ${item.end?.timeZone ?? ''}).`,
        };
      }
      busy.push({ start, end });
    }
  } else if (information.availabilityView) {
    const fromView = options.availabilityView
      ? busyFromView(information.availabilityView, options.availabilityView)
      : undefined;
    if (fromView === undefined) {
      return {
        ok: false,
        scheduleId,
        problem: 'unreadable-schedule',
        message: `The schedule has only an availability view, and its start and interval were not given.`,
      };
    }
    busy.push(...fromView);
  }

  const mailbox = mailboxWorkingHours(information.workingHours);
  return {
    ok: true,
    scheduleId,
    workingHours: mailbox ?? options.fallbackWorkingHours,
    workingHoursSource: mailbox ? 'mailbox' : 'fallback',
    busy: normalizeIntervals(busy).map(toIsoInterval),
  };
}
