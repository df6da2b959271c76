import { formatWhen } from '../../../api/src/domain/notifications/activityFeed';
import { nextQuarter, quarterOf } from '../../../api/src/domain/scheduling';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import type { SentActivityNotification } from '../../../api/src/local/graph-simulator/activityFeed';
import { calendarEvents, careerConversations, runPass } from '../../support/calendarChecks';
import type { DevEvent } from '../../support/calendarChecks';
import { DAY, HOUR, NOW, startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * What the daily pass tells people in their Teams activity feed, against the Graph simulator at a
 * fixed `now`: a booking to both people, a reminder to the employee a few days ahead, a moved
 * report to their new manager. Each exactly once, however often the pass runs, and never at the
 * cost of the booking itself.
 */

const { tenantId, employee: nia, manager: tobias, bigTeamManager: kavya } = DEMO.contoso;

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

const dev = (method: string, path: string, body?: unknown) =>
  fetch(`${stack.urls.dev}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const sent = async (activityType?: string) => {
  const all = (await (
    await dev('GET', '/dev/activity-notifications')
  ).json()) as SentActivityNotification[];
  return activityType ? all.filter((n) => n.activityType === activityType) : all;
};
const when = (n: SentActivityNotification) =>
  n.templateParameters.find((p) => p.name === 'when')?.value;

const users = () => new Map(stack.orgStore.snapshot().users.map((u) => [u.id, u]));
/** The zone each person's calendar reports with their working hours (what getSchedule returns). */
const zoneOf = (id: string) => users().get(id)!.mailboxSettings.workingHours.timeZone.name;

/** What a booking should have told each of the two people. */
function expectedBookedNotices(events: DevEvent[]) {
  const people = users();
  return events.flatMap((e) => {
    const manager = people.get(e.organizer.id)!;
    const employee = people.get(e.attendees[0].id!)!;
    return [
      {
        tenantId: e.tenantId,
        recipientId: employee.id,
        topic: `Career conversation with ${manager.displayName}`,
        when: formatWhen(e.start, zoneOf(employee.id)),
      },
      {
        tenantId: e.tenantId,
        recipientId: manager.id,
        topic: `Career conversation with ${employee.displayName}`,
        when: formatWhen(e.start, zoneOf(manager.id)),
      },
    ];
  });
}

const byKey = <T extends { tenantId: string; recipientId: string; topic: string }>(list: T[]) =>
  [...list].sort((a, b) =>
    `${a.tenantId}|${a.recipientId}|${a.topic}`.localeCompare(
      `${b.tenantId}|${b.recipientId}|${b.topic}`,
    ),
  );

it('a pass tells both people of each booking at their own local time, a second pass tells nobody again, and a failed notice leaves the booking intact', async () => {
  // The app is "not installed" for Nia: her notice fails, her booking must not.
  await dev('PUT', '/dev/activity-notifications/failure', { status: 403, userIds: [nia] });
  const first = await runPass(stack);
  await dev('DELETE', '/dev/activity-notifications/failure');
  expect(first.failed).toEqual({});
  expect(first.booked).toBeGreaterThan(0);

  const events = careerConversations(await calendarEvents(stack));
  expect(events).toHaveLength(first.booked);
  const expected = expectedBookedNotices(events).filter((n) => n.recipientId !== nia);
  const booked = await sent('conversationBooked');
  expect(
    byKey(
      booked.map((n) => ({
        tenantId: n.tenantId,
        recipientId: n.recipientId,
        topic: n.topic.value,
        when: when(n),
      })),
    ),
  ).toEqual(byKey(expected));
  expect(first.notifications).toEqual({ sent: expected.length, failed: 1 });
  // The check means something: some pairs live in different zones, so they read different times.
  const differ = events.filter((e) => zoneOf(e.organizer.id) !== zoneOf(e.attendees[0].id!));
  expect(differ.length).toBeGreaterThan(0);
  for (const n of booked) {
    expect(n.text).toBe(`Your career conversation is booked for ${when(n)}`);
    expect(n.topic.webUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
  }

  // Nia was not told, and her conversation stands: booked, invited, with Tobias told.
  const records = await stack.services.conversations.listForTenant(tenantId, [
    quarterOf(NOW),
    nextQuarter(quarterOf(NOW)),
  ]);
  const hers = records.find((r) => r.employeeId === nia && r.managerId === tobias)!;
  expect(hers).toMatchObject({ status: 'scheduled', event: { id: expect.any(String) } });
  expect(events.map((e) => e.id)).toContain(hers.event!.id);
  expect(booked.filter((n) => n.recipientId === tobias).map((n) => n.topic.value)).toContain(
    'Career conversation with Nia Adeyemi',
  );

  const second = await runPass(stack);
  expect(second.booked + second.rebooked).toBe(0);
  expect(await sent('conversationBooked')).toHaveLength(booked.length);
  // Whatever the second pass did send are reminders for conversations close enough for one.
  const reminders = await sent('boardUpdateReminder');
  expect(second.notifications).toEqual({ sent: reminders.length, failed: 0 });
  for (const r of reminders) {
    const e = events.find((x) => x.attendees[0].id === r.recipientId && x.tenantId === r.tenantId)!;
    expect(Date.parse(e.start) - NOW.getTime()).toBeLessThanOrEqual(3 * DAY);
  }
});

it('the employee is reminded to update their board once, 3 days before the conversation, and not earlier', async () => {
  const events = careerConversations(await calendarEvents(stack));
  const later = events
    .filter((e) => Date.parse(e.start) > NOW.getTime() + 5 * DAY)
    .sort((a, b) => a.start.localeCompare(b.start));
  expect(later.length).toBeGreaterThan(0);
  const target = later[0];
  const employee = target.attendees[0].id!;
  const hersOnly = async () =>
    (await sent('boardUpdateReminder')).filter(
      (n) => n.recipientId === employee && n.tenantId === target.tenantId,
    );
  await dev('DELETE', '/dev/activity-notifications');

  stack.setNow(new Date(Date.parse(target.start) - 3 * DAY - HOUR));
  await runPass(stack);
  expect(await hersOnly()).toEqual([]);

  stack.setNow(new Date(Date.parse(target.start) - 3 * DAY + HOUR));
  await runPass(stack);
  await runPass(stack);
  const reminders = await hersOnly();
  expect(reminders).toHaveLength(1);
  const manager = users().get(target.organizer.id)!;
  expect(reminders[0]).toMatchObject({
    topic: { value: `Career conversation with ${manager.displayName}` },
    text: `Update your board before your career conversation on ${formatWhen(target.start, zoneOf(employee))}`,
  });
  // Only employees are reminded: their managers hear nothing from it.
  expect((await sent('boardUpdateReminder')).map((n) => n.recipientId)).not.toContain(
    target.organizer.id,
  );
});

it('a report moved to a new manager: the new manager is told once, naming the employee', async () => {
  await dev('DELETE', '/dev/activity-notifications');
  stack.orgStore.updateUser(tenantId, nia, { managerId: kavya });
  const first = await runPass(stack);
  expect(first.managerChanges).toBe(1);
  const told = await sent('newDirectReport');
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({
    tenantId,
    recipientId: kavya,
    templateParameters: [{ name: 'employee', value: 'Nia Adeyemi' }],
    text: 'Nia Adeyemi now reports to you: their Career Board moved with them',
  });
  expect(told[0].topic.webUrl).toContain('/team?');

  await runPass(stack);
  await runPass(stack);
  expect(await sent('newDirectReport')).toHaveLength(1);
});
