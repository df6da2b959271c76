import { mergeDeltaUser } from '../api/src/domain/orgChart/deltaMerge';
import type {
  IsoInterval,
  SchedulingParticipant,
  WorkingHours,
} from '../api/src/domain/scheduling';
import {
  findSlots,
  GET_SCHEDULE_MAX_DAYS,
  parseScheduleInformation,
  quarterlyConversationWindow,
  quarterOf,
} from '../api/src/domain/scheduling';
import { createCalendarGateway } from '../api/src/graph/calendarGateway';
import { readOrgChartDelta } from '../api/src/graph/orgChartDelta';
import { agendaForPair } from '../api/src/scheduler/agendaForPair';
import type { Services } from '../api/src/services';
import type { DirectoryPerson } from '../api/src/domain/orgChart/directoryPerson';

/**
 * The baseline the scheduler is measured against: the obvious way to book everyone. Read the org
 * chart, then for each pair, one after another, ask getSchedule for just the two of them, pick a
 * slot with the product's own slot finder, and create the event. Same rules (window, working
 * hours, daily cap, no double-booking the manager), same gateway and agenda, none of the batching
 * or concurrency. It writes no Cosmos records (no idempotency), which only flatters its time.
 */

export interface NaiveResult {
  pairs: number;
  booked: number;
  skipped: number;
  failed: number;
  durationMs: number;
  /** Requests the gateway made for calendars, and for the org chart. */
  calendarRequests: number;
  orgChartRequests: number;
}

const DAY_MS = 86_400_000;

export async function runNaivePass(
  services: Services,
  tenantId: string,
  now: Date,
  progress: (message: string) => void,
): Promise<NaiveResult> {
  const started = performance.now();
  const client = services.graphFor(tenantId);
  const calendar = createCalendarGateway(client, services.mailboxLimiter);
  const { settings } = await services.settings.read(tenantId);
  const round = await readOrgChartDelta(client, null);
  const people = new Map<string, DirectoryPerson>();
  for (const user of round.users) {
    const { person } = mergeDeltaUser(tenantId, undefined, user, now.toISOString(), true);
    people.set(person.id, person);
  }
  const pairs = [...people.values()]
    .filter((e) => e.eligible && e.managerId !== null)
    .map((employee) => ({ employee, manager: people.get(employee.managerId!) }))
    .filter(
      (p): p is { employee: DirectoryPerson; manager: DirectoryPerson } => !!p.manager?.eligible,
    );

  const window = bookingWindow(settings.window, now);
  const fallback: WorkingHours = {
    daysOfWeek: settings.workingHoursFallback.daysOfWeek,
    startTime: clock(settings.workingHoursFallback.startTime),
    endTime: clock(settings.workingHoursFallback.endTime),
    timeZone: settings.workingHoursFallback.timeZone,
  };
  const bookedByManager = new Map<string, IsoInterval[]>();
  const result: NaiveResult = {
    pairs: pairs.length,
    booked: 0,
    skipped: 0,
    failed: 0,
    durationMs: 0,
    calendarRequests: 0,
    orgChartRequests: round.requests,
  };

  for (const [index, { employee, manager }] of pairs.entries()) {
    if (index % 250 === 0) progress(`naive pass: pair ${index}/${pairs.length}`);
    try {
      const schedules = await calendar.getSchedules(
        manager.id,
        [manager.mail!, employee.mail!],
        window,
      );
      const participant = (mail: string): SchedulingParticipant | null => {
        const info = schedules.find((s) => s.scheduleId?.toLowerCase() === mail.toLowerCase());
        if (!info) return null;
        const parsed = parseScheduleInformation(info, {
          fallbackWorkingHours: fallback,
          responseTimeZone: 'UTC',
        });
        return parsed.ok ? { workingHours: parsed.workingHours, busy: parsed.busy } : null;
      };
      const managerSide = participant(manager.mail!);
      const employeeSide = participant(employee.mail!);
      if (!managerSide || !employeeSide) {
        result.failed++;
        continue;
      }
      const booked = bookedByManager.get(manager.id) ?? [];
      const [outcome] = findSlots({
        manager: managerSide,
        reports: [{ employeeId: employee.id, ...employeeSide }],
        window,
        bookedConversations: booked,
        durationMinutes: settings.durationMinutes,
        dailyCap: settings.dailyCap,
      });
      if (outcome.outcome === 'no-slot') {
        result.skipped++;
        continue;
      }
      await calendar.createEvent({
        organizerId: manager.id,
        attendee: { mail: employee.mail!, displayName: employee.displayName },
        subject: `Career conversation: ${employee.displayName} & ${manager.displayName}`,
        agendaHtml: await agendaForPair(services, tenantId, employee, manager, {
          newManager: false,
        }),
        start: outcome.start,
        end: outcome.end,
        transactionId: `naive-${quarterOf(now)}-${manager.id}-${employee.id}`,
      });
      booked.push({ start: outcome.start, end: outcome.end });
      bookedByManager.set(manager.id, booked);
      result.booked++;
    } catch {
      result.failed++;
    }
  }
  result.calendarRequests = calendar.requestCount();
  result.durationMs = performance.now() - started;
  return result;
}

/** The product's quarterly window (see schedulePass.ts `windowFor`), for the quarter of `now`. */
function bookingWindow(weeks: { startWeek: number; endWeek: number }, now: Date): IsoInterval {
  const q = quarterlyConversationWindow(
    quarterOf(now),
    { windowStartWeek: weeks.startWeek, windowEndWeek: weeks.endWeek },
    now,
  );
  if (q.outcome !== 'window') throw new Error(`No booking window at ${now.toISOString()}`);
  const start = Math.max(Date.parse(q.window.start), now.getTime() + DAY_MS);
  const end = Math.min(Date.parse(q.window.end), start + GET_SCHEDULE_MAX_DAYS * DAY_MS);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

function clock(value: string): string {
  return value.length === 5 ? `${value}:00` : value;
}
