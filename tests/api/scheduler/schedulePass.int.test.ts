import { nextQuarter, quarterOf } from '../../../api/src/domain/scheduling';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { runSchedulePass } from '../../../api/src/scheduler/schedulePass';
import type { Services } from '../../../api/src/services';
import { addAspiration } from '../../support/boardFixtures';
import {
  calendarEvents,
  careerConversations,
  eligiblePairs,
  insideWorkingHours,
  overlapsBusy,
  runPass,
  workingHoursOverlap,
} from '../../support/calendarChecks';
import type { DevEvent } from '../../support/calendarChecks';
import { startTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

/** The quarterly pass against the Graph simulator and the embedded Cosmos DB, over real sockets. */

const byPair = (events: DevEvent[]) => {
  const pairs = new Map<string, DevEvent[]>();
  for (const e of careerConversations(events)) {
    const key = `${e.organizer.id}|${e.attendees[0]?.id}`;
    pairs.set(key, [...(pairs.get(key) ?? []), e]);
  }
  return pairs;
};

describe('booking quarterly conversations', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('two passes in a row book exactly one conversation per eligible pair, in both people’s working hours and free time, never double-booking a manager', async () => {
    await addAspiration(stack, DEMO.contoso.employee, {
      title: 'Staff engineer <script>alert(1)</script>',
    });
    const first = await runPass(stack);
    const second = await runPass(stack);
    const directory = stack.orgStore.snapshot();
    const pairs = eligiblePairs(directory);
    const events = careerConversations(await calendarEvents(stack));

    expect(first.failed).toEqual({});
    // Pairs whose working hours never overlap (Berlin and Seattle, 9 to 5) cannot be booked, and say so.
    const users0 = new Map(directory.users.map((u) => [u.id, u]));
    const unbookable = pairs.filter((p) => !workingHoursOverlap(p.employee, p.manager));
    expect(unbookable.length).toBeGreaterThan(0);
    expect(first.skipped).toEqual({ 'no slot: no-common-working-hours': unbookable.length });
    for (const example of first.examples) {
      expect(
        workingHoursOverlap(users0.get(example.employeeId)!, users0.get(example.managerId!)!),
      ).toBe(false);
    }
    expect(first.booked).toBe(pairs.length - unbookable.length);
    expect(second.booked).toBe(0);
    expect(second.alreadyBooked).toBe(first.booked);
    expect(events).toHaveLength(first.booked);

    const users = new Map(directory.users.map((u) => [u.id, u]));
    const perPair = byPair(events);
    for (const [, list] of perPair) expect(list).toHaveLength(1);
    for (const event of events) {
      const manager = users.get(event.organizer.id)!;
      const employee = users.get(event.attendees[0].id!)!;
      expect(employee.managerId).toBe(manager.id);
      expect({
        event: event.id,
        manager: insideWorkingHours(manager, event.start, event.end),
      }).toEqual({ event: event.id, manager: true });
      expect({
        event: event.id,
        employee: insideWorkingHours(employee, event.start, event.end),
      }).toEqual({ event: event.id, employee: true });
      expect(
        overlapsBusy(manager, event.start, event.end) ||
          overlapsBusy(employee, event.start, event.end),
      ).toBe(false);
      expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    }
    const byManager = new Map<string, DevEvent[]>();
    for (const e of events)
      byManager.set(e.organizer.id, [...(byManager.get(e.organizer.id) ?? []), e]);
    for (const [, list] of byManager) {
      const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < sorted.length; i++)
        expect(Date.parse(sorted[i].start)).toBeGreaterThanOrEqual(Date.parse(sorted[i - 1].end));
      const perDay = new Map<string, number>();
      for (const e of list)
        perDay.set(e.start.slice(0, 10), (perDay.get(e.start.slice(0, 10)) ?? 0) + 1);
      // The cap counts the manager's local day; a UTC day can hold at most two local days' worth.
      expect(Math.max(...perDay.values())).toBeLessThanOrEqual(6);
    }
  });

  it('shows the next conversation on the team view and the board', async () => {
    const team = await stack.call<{
      members: {
        id: string;
        nextConversation: { joinUrl: string | null } | null;
        flags: string[];
      }[];
    }>('/team', {
      as: DEMO.contoso.manager,
    });
    const nia = team.body.members.find((m) => m.id === DEMO.contoso.employee)!;
    expect(nia.nextConversation?.joinUrl).toBeTruthy();
    expect(nia.flags).not.toContain('conversation-overdue');
    const conversations = await stack.call<{
      conversations: { status: string; id: string; etag: string }[];
    }>(`/boards/${DEMO.contoso.employee}/conversations`, { as: DEMO.contoso.employee });
    expect(conversations.body.conversations[0].status).toBe('scheduled');
  });

  it('a declined invite is withdrawn and rebooked', async () => {
    const before = careerConversations(await calendarEvents(stack));
    const target = before.find((e) => e.attendees[0].id === DEMO.contoso.employee)!;
    const declined = await fetch(
      `${stack.urls.dev}/dev/calendar-events/${encodeURIComponent(target.id)}/respond`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ attendeeId: DEMO.contoso.employee, response: 'declined' }),
      },
    );
    expect(declined.status).toBeLessThan(300);
    const summary = await runPass(stack);
    expect(summary.rebooked).toBe(1);
    const after = careerConversations(await calendarEvents(stack));
    const mine = after.filter((e) => e.attendees[0].id === DEMO.contoso.employee);
    expect(mine).toHaveLength(1);
    expect(mine[0].id).not.toBe(target.id);
    expect(after).toHaveLength(before.length);
  });

  it('a new manager: the board moves with the employee and the new pair is booked within 30 days', async () => {
    const directory = stack.orgStore.snapshot();
    const employee = DEMO.contoso.employee;
    const oldManager = DEMO.contoso.manager;
    const newManager = directory.users.find((u) => u.id === DEMO.contoso.bigTeamManager)!.id;
    stack.orgStore.updateUser(DEMO.contoso.tenantId, employee, { managerId: newManager });
    const summary = await runPass(stack);
    expect(summary.managerChanges).toBe(1);
    const mine = careerConversations(await calendarEvents(stack)).filter(
      (e) => e.attendees[0].id === employee,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0].organizer.id).toBe(newManager);
    expect(Date.parse(mine[0].start) - Date.now()).toBeLessThan(30 * 86_400_000);
    expect((await stack.call(`/boards/${employee}`, { as: oldManager })).status).toBe(403);
    const history = await stack.call<{ entries: { action: string }[] }>(
      `/boards/${employee}/history`,
      { as: newManager },
    );
    expect(history.body.entries.map((e) => e.action)).toContain('manager.changed');
  });
});

describe('never twice, whatever fails', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  class Crash extends Error {}

  /** The same services, except that one Cosmos write or Graph booking dies like a killed process. */
  function crashingAt(services: Services, crashAt: number): Services {
    let calls = 0;
    const tick = () => {
      if (++calls === crashAt) throw new Crash(`killed at step ${crashAt}`);
    };
    const conversations = {
      ...services.conversations,
      create: async (...args: Parameters<Services['conversations']['create']>) => {
        tick();
        return services.conversations.create(...args);
      },
      replace: async (...args: Parameters<Services['conversations']['replace']>) => {
        tick();
        return services.conversations.replace(...args);
      },
    };
    return { ...services, conversations };
  }

  it('with 20% injected faults and passes killed at random points, every eligible pair ends booked exactly once', async () => {
    const faults = await fetch(`${stack.urls.dev}/dev/graph-faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        failureRate: 0.2,
        statuses: [429, 503, 504],
        seed: 7,
        afterEffectRate: 0.5,
      }),
    });
    expect(faults.status).toBeLessThan(300);
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 6; run++) {
      const crashAt = 1 + Math.floor(random() * 40);
      await runSchedulePass(crashingAt(stack.services, crashAt), { budgetMs: 60_000 }).catch(
        (error: unknown) => {
          if (!(error instanceof Crash)) throw error;
        },
      );
    }
    await fetch(`${stack.urls.dev}/dev/graph-faults`, { method: 'DELETE' });
    for (let run = 0; run < 3; run++) await runPass(stack);
    const last = await runPass(stack);
    expect(last.booked + last.rebooked).toBe(0);

    const pairs = eligiblePairs(stack.orgStore.snapshot());
    const perPair = byPair(await calendarEvents(stack));
    const skipped = Object.values(last.skipped).reduce((a, b) => a + b, 0);
    expect(last.alreadyBooked + skipped).toBe(pairs.length);
    const doubles = [...perPair.entries()]
      .filter(([, list]) => list.length > 1)
      .map(([pair]) => pair);
    expect(doubles).toEqual([]);
    const bookedPairs = pairs.filter(({ employee, manager }) =>
      perPair.has(`${manager.id}|${employee.id}`),
    );
    expect(bookedPairs).toHaveLength(last.alreadyBooked);
    const unbookable = pairs.filter((p) => !workingHoursOverlap(p.employee, p.manager));
    expect(bookedPairs).toHaveLength(pairs.length - unbookable.length);
    // The hard case happened and was handled: an invite created by a call that "failed".
    const records = await stack.services.conversations.listForTenant(DEMO.contoso.tenantId, [
      quarterOf(new Date()),
      nextQuarter(quarterOf(new Date())),
    ]);
    const recovered = records.filter((r) =>
      r.log.some((l) => l.detail === 'found the event a previous run created'),
    );
    expect(recovered.length).toBeGreaterThan(0);
  });
});
