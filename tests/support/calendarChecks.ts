import {
  expandWorkingHours,
  resolveTimeZone,
  utcToZonedTime,
} from '../../api/src/domain/scheduling';
import type { DemoDirectory, DemoUser } from '../../api/src/local/demo-org/types';
import type { PassSummary } from '../../api/src/scheduler/passSummary';
import type { TestStack } from './testStack';

/** Reads the simulator's calendars and checks booked conversations against the product's rules. */

export interface DevEvent {
  id: string;
  tenantId: string;
  organizer: { id: string; mail: string };
  attendees: { id: string | null; mail: string; response: string }[];
  start: string;
  end: string;
  subject: string;
  isCancelled: boolean;
  transactionId: string | null;
  joinUrl: string | null;
  /** Meeting messages the simulator counted as sent to the attendees. */
  sent: { requests: number; updates: number; cancellations: number };
}

export async function calendarEvents(stack: TestStack): Promise<DevEvent[]> {
  const response = await fetch(`${stack.urls.dev}/dev/calendar-events`);
  if (!response.ok) throw new Error(`dev/calendar-events: ${response.status}`);
  const body = (await response.json()) as DevEvent[] | { value: DevEvent[] };
  return Array.isArray(body) ? body : body.value;
}

export const careerConversations = (events: DevEvent[]) =>
  events.filter((e) => e.subject.startsWith('Career conversation:') && !e.isCancelled);

export async function runPass(stack: TestStack): Promise<PassSummary> {
  const response = await fetch(
    `${stack.urls.api.replace(/\/api$/, '')}/admin/functions/scheduleConversations`,
    { method: 'POST' },
  );
  if (!response.ok) throw new Error(`pass failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { summary: PassSummary }).summary;
}

/**
 * Pairs the scheduler must book: enabled members with a mailbox and a manager who is one too,
 * where the employee is in their tenant's pilot group (transitively); a tenant without one
 * (Fabrikam) has none.
 */
export function eligiblePairs(
  directory: DemoDirectory,
): { employee: DemoUser; manager: DemoUser }[] {
  const byId = new Map(directory.users.map((u) => [u.id, u]));
  const inPilot = pilotMembers(directory);
  const bookable = (u: DemoUser | undefined): u is DemoUser =>
    !!u && u.accountEnabled && u.userType === 'Member' && !!u.mail;
  return directory.users
    .filter((u) => bookable(u) && inPilot.has(u.id))
    .map((employee) => ({ employee, manager: byId.get(employee.managerId ?? '') }))
    .filter((p): p is { employee: DemoUser; manager: DemoUser } => bookable(p.manager));
}

function pilotMembers(directory: DemoDirectory): Set<string> {
  const groups = new Map((directory.groups ?? []).map((g) => [g.id, g]));
  const members = new Set<string>();
  const visit = (id: string, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    const group = groups.get(id);
    if (group) group.memberIds.forEach((m) => visit(m, seen));
    else members.add(id);
  };
  for (const t of directory.tenants) if (t.pilotGroupId) visit(t.pilotGroupId, new Set());
  return members;
}

export function insideWorkingHours(
  user: DemoUser,
  start: string,
  end: string,
  /** Local limits that widen the working day ("07:30"–"20:00"): the tenant's stretch. */
  stretch?: { earliest: string; latest: string },
): boolean {
  const worked = user.mailboxSettings.workingHours;
  const hours = stretch
    ? {
        ...worked,
        startTime: stretch.earliest < worked.startTime ? stretch.earliest : worked.startTime,
        endTime: stretch.latest > worked.endTime ? stretch.latest : worked.endTime,
      }
    : worked;
  const day = 86_400_000;
  const expansion = expandWorkingHours(
    {
      daysOfWeek: hours.daysOfWeek,
      startTime: hours.startTime,
      endTime: hours.endTime,
      timeZone: hours.timeZone.name,
    },
    { start: Date.parse(start) - day, end: Date.parse(end) + day },
  );
  if (!expansion.ok) throw new Error(`working hours of ${user.id}: ${expansion.problem}`);
  return expansion.intervals.some((i) => i.start <= Date.parse(start) && Date.parse(end) <= i.end);
}

export function overlapsBusy(user: DemoUser, start: string, end: string): boolean {
  return user.busy.some(
    (b) =>
      b.showAs !== 'workingElsewhere' &&
      Date.parse(b.start) < Date.parse(end) &&
      Date.parse(start) < Date.parse(b.end),
  );
}

/** Whether two people's working hours overlap at all in the coming two weeks. */
export function workingHoursOverlap(a: DemoUser, b: DemoUser, from = Date.now()): boolean {
  const window = { start: from, end: from + 14 * 86_400_000 };
  const expand = (u: DemoUser) => {
    const h = u.mailboxSettings.workingHours;
    const e = expandWorkingHours(
      {
        daysOfWeek: h.daysOfWeek,
        startTime: h.startTime,
        endTime: h.endTime,
        timeZone: h.timeZone.name,
      },
      window,
    );
    if (!e.ok) throw new Error(e.message);
    return e.intervals;
  };
  const other = expand(b);
  return expand(a).some((x) => other.some((y) => x.start < y.end && y.start < x.end));
}

/** The person's local date and weekday of an instant: "2027-01-21 thursday". */
export function localDayOf(user: DemoUser, instant: string): string {
  const zone = resolveTimeZone(user.mailboxSettings.workingHours.timeZone.name);
  if (!zone) throw new Error(`time zone of ${user.id}`);
  const local = utcToZonedTime(Date.parse(instant), zone);
  return `${local.date} ${local.dayOfWeek}`;
}
