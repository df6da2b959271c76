import { buildDemoDirectory } from '../../../api/src/local/demo-org/demoDirectory';
import type { StackOptions } from '../../../api/src/local/stack';
import type { ConversationRecord } from '../../../api/src/domain/conversations/records';
import { PassAborted } from '../../../api/src/scheduler/passAborted';
import type { Services } from '../../../api/src/services';
import { daysOffFor, nextQuarter, quarterOf } from '../../../api/src/domain/scheduling';
import type { DevEvent } from '../../support/calendarChecks';
import { careerConversations, insideWorkingHours, localDayOf } from '../../support/calendarChecks';
import { startTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

/**
 * What the scheduler's integration tests share: a stack whose calendar stands still at a fixed
 * `now` (the demo calendars are built for that quarter too, and the pass and every handler read
 * that clock), so no figure depends on the day the tests run; a way to kill a pass like a process;
 * and the per-person overlap check.
 */

/** A Tuesday in week 3 of 2027-Q1, at the timer's hour: the planned weeks (2–6) are under way. */
export const NOW = new Date('2027-01-19T06:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface SchedulerStack extends TestStack {
  /** Moves the calendar's clock (the pass, the API, the Graph simulator's data stay as built). */
  setNow(now: Date): void;
}

export async function startSchedulerStack(
  now: Date = NOW,
  options: Partial<StackOptions> = {},
): Promise<SchedulerStack> {
  const stack = await startTestStack({ directory: buildDemoDirectory(now), ...options });
  let current = now;
  // The same services object serves the API and the timer endpoint: both read this clock.
  stack.services.now = () => new Date(current);
  return {
    ...stack,
    setNow: (next) => {
      current = next;
    },
  };
}

/** A killed process: thrown where it dies, and by everything it would have done afterwards. */
export class Crash extends PassAborted {}

export type Write = {
  op: 'create' | 'replace';
  record: ConversationRecord;
};

/**
 * The same services, except that the process dies at the first conversation write `killAt`
 * chooses (before that write reaches Cosmos, or just after it with `afterWrite`). From then on
 * every conversation call and every calendar call dies too; a Graph request already on the wire
 * completes, as it would.
 */
export function killable(
  services: Services,
  killAt: (write: Write, index: number) => boolean,
  options: { afterWrite?: boolean } = {},
): { services: Services; killed: () => Write | null } {
  let index = 0;
  let killed: Write | null = null;
  const die = () => {
    throw new Crash(`killed at write ${index}`);
  };
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (killed) die();
      return fn(...args);
    };
  const write =
    <A extends [ConversationRecord, ...unknown[]], R>(
      op: Write['op'],
      fn: (...args: A) => Promise<R>,
    ) =>
    async (...args: A): Promise<R> => {
      if (killed) die();
      const w = { op, record: args[0] };
      const dies = killAt(w, ++index);
      if (dies && !options.afterWrite) {
        killed = w;
        die();
      }
      const result = await fn(...args);
      if (dies) {
        killed = w;
        die();
      }
      return result;
    };
  const c = services.conversations;
  return {
    services: {
      ...services,
      conversations: {
        ...c,
        create: write('create', (r) => c.create(r)),
        replace: write('replace', (r, etag: string) => c.replace(r, etag)),
        replaceIfCurrent: write('replace', (r, etag: string) => c.replaceIfCurrent(r, etag)),
        read: guard((...a: Parameters<typeof c.read>) => c.read(...a)),
        listForEmployee: guard((...a: Parameters<typeof c.listForEmployee>) =>
          c.listForEmployee(...a),
        ),
        listForTenant: guard((...a: Parameters<typeof c.listForTenant>) => c.listForTenant(...a)),
      },
      mailboxLimiter: {
        run: (mailbox, work) =>
          services.mailboxLimiter.run(mailbox, async () => {
            if (killed) die();
            return work();
          }),
      },
    },
    killed: () => killed,
  };
}

/** Runs a pass that may be killed; says whether it was. Anything but a Crash fails the test. */
export async function survives(pass: Promise<unknown>): Promise<boolean> {
  try {
    await pass;
    return true;
  } catch (error) {
    if (error instanceof Crash) return false;
    throw error;
  }
}

/** Every two live career conversations that overlap for someone, organiser or attendee. */
export function doubleBookings(events: DevEvent[]): string[] {
  const byPerson = new Map<string, DevEvent[]>();
  for (const e of careerConversations(events)) {
    for (const person of [e.organizer.id, ...e.attendees.map((a) => a.id ?? a.mail)])
      byPerson.set(person, [...(byPerson.get(person) ?? []), e]);
  }
  const found: string[] = [];
  for (const [person, list] of byPerson) {
    const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i++)
      if (Date.parse(sorted[i].start) < Date.parse(sorted[i - 1].end))
        found.push(`${person}: ${sorted[i - 1].start} and ${sorted[i].start}`);
  }
  return found;
}

export async function graphStats(stack: TestStack): Promise<{ byRoute: Record<string, number> }> {
  const response = await fetch(`${stack.urls.dev}/dev/graph-stats`);
  return (await response.json()) as { byRoute: Record<string, number> };
}

export const EVENT_CREATES = 'POST /users/{id}/events';

/**
 * Every way a booked conversation breaks the tenant's rules, as readable lines (none expected):
 * on a weekend or a non-working date in either person's local calendar (their office's dates
 * too), outside the stretch limits for either person, or outside someone's working hours without
 * the record saying it was stretched.
 */
export async function bookingRuleBreaches(stack: TestStack, events: DevEvent[]): Promise<string[]> {
  const directory = stack.orgStore.snapshot();
  const users = new Map(directory.users.map((u) => [u.id, u]));
  const breaches: string[] = [];
  for (const event of careerConversations(events)) {
    const manager = users.get(event.organizer.id)!;
    const employee = users.get(event.attendees[0].id!)!;
    const { settings } = await stack.services.settings.read(manager.tenantId);
    const quarter = quarterOf(event.start);
    const records = await stack.services.conversations.listForTenant(manager.tenantId, [
      quarter,
      nextQuarter(quarter),
    ]);
    const record = records.find((r) => r.transactionId === event.transactionId);
    const window = { start: event.start, end: event.end };
    for (const person of [manager, employee]) {
      const day = localDayOf(person, event.start);
      const off = daysOffFor(person.officeLocation, settings.nonWorkingDates, window);
      if (/saturday|sunday/.test(day) || off.includes(day.slice(0, 10)))
        breaches.push(`${event.id}: ${person.id} on ${day}`);
      if (!insideWorkingHours(person, event.start, event.end, settings.stretch))
        breaches.push(`${event.id}: ${person.id} outside the stretch`);
      if (!insideWorkingHours(person, event.start, event.end) && !record?.stretch)
        breaches.push(`${event.id}: stretched for ${person.id}, the record does not say so`);
    }
  }
  return breaches;
}
