import type {
  GraphScheduleInformation,
  IsoInterval,
  SchedulingParticipant,
  WorkingHours,
} from '../domain/scheduling';
import { parseScheduleInformation, splitForGetSchedule } from '../domain/scheduling';
import type { CalendarGateway } from '../graph/calendarGateway';
import type { TenantSettings } from '../contract/settingsContract';

/**
 * Availability of a manager and up to 19 reports over a whole window. getSchedule covers less
 * than 62 days per call, so a longer window is read in pieces and put back together: no day of
 * the window is silently left out.
 */

/** A participant, or why their calendar cannot be used. Keyed by lower-case mail. */
export type Availability = Map<string, SchedulingParticipant | string>;

const VIEW_INTERVAL_MINUTES = 30;

export async function readAvailability(
  calendar: CalendarGateway,
  organizerId: string,
  mails: string[],
  window: IsoInterval,
  fallback: WorkingHours,
): Promise<Availability> {
  const pieces: { piece: IsoInterval; schedules: GraphScheduleInformation[] }[] = [];
  for (const piece of splitForGetSchedule(window)) {
    pieces.push({ piece, schedules: await calendar.getSchedules(organizerId, mails, piece) });
  }
  const result: Availability = new Map();
  for (const mail of mails) {
    const key = mail.toLowerCase();
    let workingHours: WorkingHours | null = null;
    const busy: IsoInterval[] = [];
    let problem: string | null = null;
    for (const { piece, schedules } of pieces) {
      const info = schedules.find((s) => s.scheduleId?.toLowerCase() === key);
      if (!info) {
        problem = 'Graph returned no schedule for this mailbox';
        break;
      }
      const parsed = parseScheduleInformation(info, {
        fallbackWorkingHours: fallback,
        responseTimeZone: 'UTC',
        availabilityView: { start: piece.start, intervalMinutes: VIEW_INTERVAL_MINUTES },
      });
      if (!parsed.ok) {
        problem = parsed.message;
        break;
      }
      workingHours ??= parsed.workingHours;
      busy.push(...parsed.busy);
    }
    result.set(key, problem ?? { workingHours: workingHours ?? fallback, busy });
  }
  return result;
}

/** The tenant's working-hours fallback as the slot finder reads it (HH:mm:ss). */
export function fallbackWorkingHours(settings: TenantSettings): WorkingHours {
  const { daysOfWeek, startTime, endTime, timeZone } = settings.workingHoursFallback;
  return {
    daysOfWeek,
    startTime: normaliseClock(startTime),
    endTime: normaliseClock(endTime),
    timeZone,
  };
}

export function normaliseClock(value: string): string {
  return value.length === 5 ? `${value}:00` : value;
}
