import type { IsoInterval, TimeInterval } from './intervals';
import {
  clipIntervals,
  DAY_MS,
  intersectIntervals,
  MINUTE_MS,
  normalizeIntervals,
  padIntervals,
  parseIsoInterval,
  subtractIntervals,
  totalDuration,
} from './intervals';
import type { IanaTimeZone } from './timeZones';
import {
  formatWallDate,
  localMidnightWall,
  offsetMs,
  utcToZonedTime,
  wallClockToUtc,
} from './timeZones';
import type { WorkingHours } from './workingHours';
import { expandWithinLimits, expandWorkingHours } from './workingHours';

/** One person's side of the search: when they work and when their calendar is taken. */
export interface SchedulingParticipant {
  readonly workingHours: WorkingHours;
  /** Busy, tentative and out-of-office time in UTC (see availability.ts). */
  readonly busy: readonly IsoInterval[];
  /** Local dates (YYYY-MM-DD) this person never meets on: holidays (see holidays.ts). */
  readonly daysOff?: readonly string[];
}

/**
 * How far a conversation may go outside working hours when two people's hours never overlap:
 * local wall-clock limits that hold for each person in their own zone, on their own working days.
 */
export interface StretchRules {
  /** "07:30": nobody starts earlier than this, local. */
  readonly earliest: string;
  /** "20:00": nobody ends later than this, local. */
  readonly latest: string;
  /** Who should take the early side this time (alternates by quarter); the other one if only that fits. */
  readonly preferEarly: 'employee' | 'manager';
}

/** A slot outside someone's working hours: who starts early, and each person's local start. */
export interface StretchedSlot {
  readonly earlySide: 'employee' | 'manager';
  readonly employeeLocalStart: string;
  readonly managerLocalStart: string;
}

export interface ReportSchedule extends SchedulingParticipant {
  readonly employeeId: string;
}

export interface SlotFinderInput {
  readonly manager: SchedulingParticipant;
  readonly reports: readonly ReportSchedule[];
  /** Where conversations may go, e.g. quarterlyConversationWindow(...).window. */
  readonly window: IsoInterval;
  /** This manager's career conversations already booked: they block time and count towards the daily cap. */
  readonly bookedConversations?: readonly IsoInterval[];
  /** Default 30. */
  readonly durationMinutes?: number;
  /** Start times fall on multiples of this in the manager's local time (default 30: :00 and :30). */
  readonly granularityMinutes?: number;
  /** Most career conversations per manager-local day, booked ones included (default 3). */
  readonly dailyCap?: number;
  /** Minimum gap between two of this manager's career conversations (default 0). */
  readonly bufferMinutes?: number;
  /** When set, pairs whose working hours never overlap are booked inside these limits. */
  readonly stretch?: StretchRules | null;
}

export type NoSlotReason =
  | 'invalid-input'
  | 'window-empty'
  | 'invalid-working-hours'
  | 'no-common-working-hours'
  | 'fully-booked'
  | 'taken-by-other-conversations'
  | 'daily-cap-reached';

export type SlotOutcome =
  | {
      readonly employeeId: string;
      readonly outcome: 'slot';
      readonly start: string;
      readonly end: string;
      /** The manager's local date of the conversation, the day the cap counts it on. */
      readonly managerLocalDate: string;
      /** Set when the slot lies outside someone's working hours, inside the stretch. */
      readonly stretch?: StretchedSlot;
    }
  | {
      readonly employeeId: string;
      readonly outcome: 'no-slot';
      readonly reason: NoSlotReason;
      /** For the person who reads the run's report; carries no board content. */
      readonly message: string;
    };

export const SLOT_FINDER_DEFAULTS = {
  durationMinutes: 30,
  granularityMinutes: 30,
  dailyCap: 3,
  bufferMinutes: 0,
} as const;

interface SlotRules {
  readonly durationMs: number;
  readonly granularityMs: number;
  readonly dailyCap: number;
  readonly bufferMs: number;
  readonly durationMinutes: number;
}

interface ManagerDay {
  readonly key: string;
  readonly index: number;
  readonly interval: TimeInterval;
}

interface CandidateDay {
  readonly day: ManagerDay;
  readonly free: TimeInterval[];
}

type ReportAnalysis =
  | { readonly kind: 'settled'; readonly outcome: SlotOutcome }
  | {
      readonly kind: 'open';
      readonly index: number;
      readonly employeeId: string;
      readonly candidateDays: CandidateDay[];
      readonly freeMs: number;
      /** Present when only the stretch made days possible: slots are then chosen by cost. */
      readonly stretched?: StretchContext;
    };

interface StretchContext {
  readonly rules: StretchRules;
  readonly managerWork: readonly TimeInterval[];
  readonly reportWork: readonly TimeInterval[];
  readonly reportZone: IanaTimeZone;
}

function isWholeNumber(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function readRules(input: SlotFinderInput): SlotRules | string {
  const durationMinutes = input.durationMinutes ?? SLOT_FINDER_DEFAULTS.durationMinutes;
  const granularityMinutes = input.granularityMinutes ?? SLOT_FINDER_DEFAULTS.granularityMinutes;
  const dailyCap = input.dailyCap ?? SLOT_FINDER_DEFAULTS.dailyCap;
  const bufferMinutes = input.bufferMinutes ?? SLOT_FINDER_DEFAULTS.bufferMinutes;
  if (!isWholeNumber(durationMinutes, 5, 480)) {
    return `The meeting length must be a whole number of minutes from 5 to 480 (got ${durationMinutes}).`;
  }
  // Dividing the day keeps the grid identical on every day, so ":00 and :30" stays true.
  if (!isWholeNumber(granularityMinutes, 1, 1440) || 1440 % granularityMinutes !== 0) {
    return `The slot granularity must divide a day into whole minutes, e.g. 15 or 30 (got ${granularityMinutes}).`;
  }
  if (!isWholeNumber(dailyCap, 1, 48)) {
    return `The daily cap must be a whole number of conversations from 1 to 48 (got ${dailyCap}).`;
  }
  if (!isWholeNumber(bufferMinutes, 0, 240)) {
    return `The buffer must be a whole number of minutes from 0 to 240 (got ${bufferMinutes}).`;
  }
  return {
    durationMs: durationMinutes * MINUTE_MS,
    granularityMs: granularityMinutes * MINUTE_MS,
    dailyCap,
    bufferMs: bufferMinutes * MINUTE_MS,
    durationMinutes,
  };
}

function parseIntervals(intervals: readonly IsoInterval[]): TimeInterval[] | undefined {
  const parsed: TimeInterval[] = [];
  for (const interval of intervals) {
    const value = parseIsoInterval(interval);
    // An unreadable busy entry must not silently become free time.
    if (value === undefined) return undefined;
    if (value.end > value.start) parsed.push(value);
  }
  return parsed;
}

/** The manager-local calendar days overlapping the window, each as its UTC interval. */
function managerDays(window: TimeInterval, zone: IanaTimeZone): ManagerDay[] {
  const days: ManagerDay[] = [];
  for (let wall = localMidnightWall(window.start, zone); ; wall += DAY_MS) {
    const start = wallClockToUtc(wall, zone);
    if (start >= window.end) break;
    const end = wallClockToUtc(wall + DAY_MS, zone);
    const clipped = { start: Math.max(start, window.start), end: Math.min(end, window.end) };
    if (clipped.end > clipped.start) {
      days.push({ key: formatWallDate(wall), index: days.length, interval: clipped });
    }
  }
  return days;
}

/** The first start on the manager's local grid at or after `from`. */
function firstAlignedStart(from: number, zone: IanaTimeZone, granularityMs: number): number {
  const offset = offsetMs(from, zone);
  const aligned = Math.ceil((from + offset) / granularityMs) * granularityMs - offset;
  const offsetThere = offsetMs(aligned, zone);
  if (offsetThere === offset) return aligned;
  // A daylight-saving switch lies between: align again on the grid of the new offset.
  const realigned = Math.ceil((from + offsetThere) / granularityMs) * granularityMs - offsetThere;
  return realigned >= from ? realigned : realigned + granularityMs;
}

function earliestFit(
  free: readonly TimeInterval[],
  zone: IanaTimeZone,
  rules: SlotRules,
): number | undefined {
  for (const interval of free) {
    if (interval.end - interval.start < rules.durationMs) continue;
    const start = firstAlignedStart(interval.start, zone, rules.granularityMs);
    if (start + rules.durationMs <= interval.end) return start;
  }
  return undefined;
}

function describeWindow(window: TimeInterval): string {
  const lastDay = new Date(window.end - 1).toISOString().slice(0, 10);
  return `between ${new Date(window.start).toISOString().slice(0, 10)} and ${lastDay} (UTC)`;
}

/**
 * Books at most one career conversation per report, for one manager, so that every conversation
 * is inside both people's working hours (each in their own time zone), free on both calendars,
 * clear of the manager's other career conversations (plus the buffer), and within the daily cap
 * on the manager's local day. Days are spread: the least-loaded day wins, then the earliest day,
 * then the earliest time. The report with the fewest possible days goes first, so flexible
 * people do not take the only days the constrained ones have. Same input, same output.
 * Outcomes come back in the order of `input.reports`.
 */
export function findSlots(input: SlotFinderInput): SlotOutcome[] {
  const everyone = (reason: NoSlotReason, message: string): SlotOutcome[] =>
    input.reports.map((report) => ({
      employeeId: report.employeeId,
      outcome: 'no-slot',
      reason,
      message,
    }));

  const rules = readRules(input);
  if (typeof rules === 'string') return everyone('invalid-input', rules);
  const window = parseIsoInterval(input.window);
  if (window === undefined) {
    return everyone('invalid-input', 'The scheduling window is not a pair of ISO-8601 instants.');
  }
  if (window.end - window.start < rules.durationMs) {
    return everyone(
      'window-empty',
      `The scheduling window from ${input.window.start} to ${input.window.end} is too short for one ${rules.durationMinutes}-minute conversation.`,
    );
  }
  const managerDaysOff = new Set(input.manager.daysOff ?? []);
  const managerHours = expandWorkingHours(input.manager.workingHours, window, managerDaysOff);
  if (!managerHours.ok) {
    return everyone(
      'invalid-working-hours',
      `The manager's working hours cannot be used: ${managerHours.message}`,
    );
  }
  const managerBusy = parseIntervals(input.manager.busy);
  const booked = parseIntervals(input.bookedConversations ?? []);
  if (managerBusy === undefined || booked === undefined) {
    return everyone(
      'invalid-input',
      "The manager's calendar includes an entry whose start or end is not an ISO-8601 instant.",
    );
  }

  const zone = managerHours.timeZone;
  const days = managerDays(window, zone);
  const dayLoad = new Map<string, number>();
  for (const conversation of booked) {
    const key = utcToZonedTime(conversation.start, zone).date;
    dayLoad.set(key, (dayLoad.get(key) ?? 0) + 1);
  }
  let careerBlocks = padIntervals(booked, rules.bufferMs);
  const managerWork = managerHours.intervals;
  const managerFree = subtractIntervals(managerWork, normalizeIntervals(managerBusy));
  const fits = (free: readonly TimeInterval[]): boolean =>
    earliestFit(free, zone, rules) !== undefined;
  const period = describeWindow(window);

  const analyses: ReportAnalysis[] = input.reports.map((report, index) => {
    const settle = (reason: NoSlotReason, message: string): ReportAnalysis => ({
      kind: 'settled',
      outcome: { employeeId: report.employeeId, outcome: 'no-slot', reason, message },
    });
    const reportDaysOff = new Set(report.daysOff ?? []);
    const reportHours = expandWorkingHours(report.workingHours, window, reportDaysOff);
    if (!reportHours.ok) {
      return settle(
        'invalid-working-hours',
        `The employee's working hours cannot be used: ${reportHours.message}`,
      );
    }
    const reportBusy = parseIntervals(report.busy);
    if (reportBusy === undefined) {
      return settle(
        'invalid-input',
        "The employee's calendar includes an entry whose start or end is not an ISO-8601 instant.",
      );
    }
    let reportWork = reportHours.intervals;
    let managerReach = managerWork;
    let stretched: StretchContext | undefined;
    if (!fits(intersectIntervals(managerWork, reportWork))) {
      const noOverlap = `The manager's working hours (${zone}) and the employee's (${reportHours.timeZone}) never overlap for ${rules.durationMinutes} minutes ${period}`;
      if (!input.stretch) return settle('no-common-working-hours', `${noOverlap}.`);
      const managerStretch = expandWithinLimits(
        input.manager.workingHours,
        input.stretch,
        window,
        managerDaysOff,
      );
      const reportStretch = expandWithinLimits(
        report.workingHours,
        input.stretch,
        window,
        reportDaysOff,
      );
      if (!fits(intersectIntervals(managerStretch, reportStretch))) {
        return settle(
          'no-common-working-hours',
          `${noOverlap}, not even between ${input.stretch.earliest} and ${input.stretch.latest} local.`,
        );
      }
      stretched = {
        rules: input.stretch,
        managerWork,
        reportWork,
        reportZone: reportHours.timeZone,
      };
      reportWork = reportStretch;
      managerReach = managerStretch;
    }
    const reportFree = subtractIntervals(reportWork, normalizeIntervals(reportBusy));
    const reachFree = stretched
      ? subtractIntervals(managerReach, normalizeIntervals(managerBusy))
      : managerFree;
    const bothFree = intersectIntervals(reachFree, reportFree);
    const candidateDays = days
      .map((day) => ({ day, free: clipIntervals(bothFree, day.interval) }))
      .filter((candidate) => fits(candidate.free));
    if (candidateDays.length === 0) {
      const managerHasTime = fits(intersectIntervals(reachFree, reportWork));
      const reportHasTime = fits(intersectIntervals(reportFree, managerReach));
      const whose = !managerHasTime
        ? "The manager's calendar is fully booked during the working hours they share with the employee"
        : !reportHasTime
          ? "The employee's calendar is fully booked during the working hours they share with the manager"
          : 'The manager and the employee are never free at the same time during their shared working hours';
      return settle('fully-booked', `${whose} ${period}.`);
    }
    return {
      kind: 'open',
      index,
      employeeId: report.employeeId,
      candidateDays,
      freeMs: totalDuration(bothFree),
      ...(stretched ? { stretched } : {}),
    };
  });

  const decided = new Map<number, SlotOutcome>();
  const open = analyses
    .filter((analysis) => analysis.kind === 'open')
    .sort(
      (a, b) =>
        a.candidateDays.length - b.candidateDays.length ||
        a.freeMs - b.freeMs ||
        (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0) ||
        a.index - b.index,
    );

  for (const report of open) {
    const loadOf = (day: ManagerDay): number => dayLoad.get(day.key) ?? 0;
    const byPreference = [...report.candidateDays].sort(
      (a, b) => loadOf(a.day) - loadOf(b.day) || a.day.index - b.day.index,
    );
    let chosen: { start: number; day: ManagerDay } | undefined;
    let blockedByCapOnly = false;
    const pick = report.stretched
      ? (free: readonly TimeInterval[]) => leastBadFit(free, zone, rules, report.stretched!)
      : (free: readonly TimeInterval[]) => earliestFit(free, zone, rules);
    for (const { day, free } of byPreference) {
      const start = pick(subtractIntervals(free, careerBlocks));
      if (start === undefined) continue;
      if (loadOf(day) >= rules.dailyCap) {
        blockedByCapOnly = true;
        break;
      }
      chosen = { start, day };
      break;
    }
    if (chosen === undefined) {
      decided.set(report.index, {
        employeeId: report.employeeId,
        outcome: 'no-slot',
        ...(blockedByCapOnly
          ? {
              reason: 'daily-cap-reached',
              message: `The manager and the employee are both free only on days that already have ${rules.dailyCap} career conversations for this manager ${period}.`,
            }
          : {
              reason: 'taken-by-other-conversations',
              message: `All the time the manager and the employee are both free ${period} is taken by the manager's other career conversations.`,
            }),
      });
      continue;
    }
    const end = chosen.start + rules.durationMs;
    careerBlocks = normalizeIntervals([
      ...careerBlocks,
      { start: chosen.start - rules.bufferMs, end: end + rules.bufferMs },
    ]);
    dayLoad.set(chosen.day.key, loadOf(chosen.day) + 1);
    decided.set(report.index, {
      employeeId: report.employeeId,
      outcome: 'slot',
      start: new Date(chosen.start).toISOString(),
      end: new Date(end).toISOString(),
      managerLocalDate: chosen.day.key,
      ...(report.stretched
        ? { stretch: describeStretch(chosen.start, zone, report.stretched) }
        : {}),
    });
  }

  return analyses.map((analysis, index) => {
    if (analysis.kind === 'settled') return analysis.outcome;
    const outcome = decided.get(index);
    if (outcome === undefined) throw new Error(`Report ${index} was never considered.`);
    return outcome;
  });
}

/** How far [start, end) reaches outside someone's nearest working interval, in minutes. */
function reachOutside(work: readonly TimeInterval[], start: number, end: number): number {
  let best = Infinity;
  for (const w of work) {
    const reach = Math.max(0, w.start - start) + Math.max(0, end - w.end);
    if (reach < best) best = reach;
  }
  return best / MINUTE_MS;
}

/** Local "HH:mm" of an instant. */
function localClock(instant: number, zone: IanaTimeZone): string {
  return utcToZonedTime(instant, zone).time.slice(0, 5);
}

/** Who starts earlier in their own day: the early side. */
function earlySideAt(start: number, managerZone: IanaTimeZone, context: StretchContext) {
  return localClock(start, context.reportZone) < localClock(start, managerZone)
    ? 'employee'
    : 'manager';
}

/**
 * The least-bad aligned start in `free`. First, the quarter's preferred early side, when the pair
 * can meet that way at all (pairs about 12 hours apart can meet either way). Then the fairest
 * split of the stretch: the least sum of squared minutes each person reaches outside their working
 * hours (an hour each beats two hours for one). On a tie, the preferred person takes the larger
 * share, so the burden alternates quarter by quarter. Then the earliest.
 */
function leastBadFit(
  free: readonly TimeInterval[],
  zone: IanaTimeZone,
  rules: SlotRules,
  context: StretchContext,
): number | undefined {
  let best: { start: number; score: readonly number[] } | undefined;
  for (const interval of free) {
    for (
      let start = firstAlignedStart(interval.start, zone, rules.granularityMs);
      start + rules.durationMs <= interval.end;
      start += rules.granularityMs
    ) {
      const end = start + rules.durationMs;
      const manager = reachOutside(context.managerWork, start, end);
      const employee = reachOutside(context.reportWork, start, end);
      const preferred = context.rules.preferEarly === 'manager' ? manager : employee;
      const score = [
        earlySideAt(start, zone, context) === context.rules.preferEarly ? 0 : 1,
        manager * manager + employee * employee,
        -preferred,
      ];
      if (best === undefined || isLower(score, best.score)) best = { start, score };
    }
  }
  return best?.start;
}

function isLower(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function describeStretch(
  start: number,
  zone: IanaTimeZone,
  context: StretchContext,
): StretchedSlot {
  return {
    earlySide: earlySideAt(start, zone, context),
    employeeLocalStart: localClock(start, context.reportZone),
    managerLocalStart: localClock(start, zone),
  };
}
