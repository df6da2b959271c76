import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { runSchedulePass } from '../../../api/src/scheduler/schedulePass';
import { calendarEvents, careerConversations, runPass } from '../../support/calendarChecks';
import {
  Crash,
  doubleBookings,
  HOUR,
  killable,
  NOW,
  startSchedulerStack,
  survives,
} from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * A change of manager is made good by whichever pass comes next, even when the pass that read it
 * from the org chart died straight after, and even for a booking that pass had half made.
 */

const { tenantId, employee: nia, manager: tobias, bigTeamManager: kavya } = DEMO.contoso;

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

const niaEvents = async () =>
  careerConversations(await calendarEvents(stack)).filter((e) => e.attendees[0]?.id === nia);
const managerChangeEntries = async (as: string) => {
  const history = await stack.call<{ entries: { action: string }[] }>(`/boards/${nia}/history`, {
    as,
  });
  expect(history.status).toBe(200);
  return history.body.entries.filter((e) => e.action === 'manager.changed');
};
const niaRecords = () => stack.services.conversations.listForEmployee(tenantId, nia);

it('a pass killed after saving the org chart still has its manager change made good: the orphaned invite is cancelled, the history says so once', async () => {
  // 1. A pass dies between sending Nia's invite and recording it: Tobias has an event nobody knows.
  const first = killable(
    stack.services,
    ({ record }) => record.employeeId === nia && record.status === 'scheduled',
  );
  expect(
    await survives(runSchedulePass(first.services, { clock: () => Date.now() - 3 * HOUR })),
  ).toBe(false);
  const orphan = first.killed()!.record;
  expect((await niaEvents()).map((e) => e.transactionId)).toEqual([orphan.transactionId]);

  // 2. Nia moves to Kavya; the next pass saves the new org chart (and its delta link) and dies.
  stack.setNow(new Date(NOW.getTime() + HOUR));
  stack.orgStore.updateUser(tenantId, nia, { managerId: kavya });
  let synced = false;
  const second = killable(stack.services, () => false);
  const dying = {
    ...second.services,
    conversations: {
      ...second.services.conversations,
      listForTenant: async () => {
        synced = true;
        throw new Crash('killed right after the org-chart sync');
      },
    },
  };
  expect(await survives(runSchedulePass(dying, { clock: () => Date.now() - 2 * HOUR }))).toBe(
    false,
  );
  expect(synced).toBe(true);

  // 3. The next pass never hears of the change from Graph again, and still makes it good.
  const third = await runPass(stack);
  expect(third.failed).toEqual({});
  const mine = await niaEvents();
  expect(mine.map((e) => e.organizer.id)).toEqual([kavya]);
  const old = (await niaRecords()).find((r) => r.id === orphan.id)!;
  expect(old.status).toBe('cancelled');
  expect(
    careerConversations(await calendarEvents(stack)).map((e) => e.transactionId),
  ).not.toContain(orphan.transactionId);
  expect(await managerChangeEntries(kavya)).toHaveLength(1);

  // 4. More passes change nothing and add no second history entry.
  const fourth = await runPass(stack);
  expect(fourth.booked + fourth.rebooked).toBe(0);
  expect(await managerChangeEntries(kavya)).toHaveLength(1);
  expect(doubleBookings(await calendarEvents(stack))).toEqual([]);
});

it('back to a manager she had earlier this quarter: the cancelled conversation is booked again', async () => {
  stack.setNow(new Date(NOW.getTime() + 2 * HOUR));
  stack.orgStore.updateUser(tenantId, nia, { managerId: tobias });
  const summary = await runPass(stack);
  expect(summary.failed).toEqual({});
  expect(summary.skipped).not.toHaveProperty('another run is booking this pair');
  const mine = await niaEvents();
  expect(mine.map((e) => e.organizer.id)).toEqual([tobias]);
  const withTobias = (await niaRecords()).filter(
    (r) => r.managerId === tobias && r.status !== 'cancelled',
  );
  expect(withTobias).toHaveLength(1);
  expect(withTobias[0]).toMatchObject({ status: 'scheduled', event: { id: mine[0].id } });
  expect(withTobias[0].attempt).toBeGreaterThan(1);
  expect((await niaRecords()).filter((r) => r.managerId === kavya).map((r) => r.status)).toEqual([
    'cancelled',
  ]);
  expect(await managerChangeEntries(tobias)).toHaveLength(2);
  const again = await runPass(stack);
  expect(again.booked + again.rebooked).toBe(0);
  expect(await niaEvents()).toHaveLength(1);
});
