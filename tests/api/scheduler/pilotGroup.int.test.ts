import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { calendarEvents, careerConversations, runPass } from '../../support/calendarChecks';
import { startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * The pilot is an Entra group. Fabrikam has none chosen (a fresh deployment): the pass books and
 * notifies nobody there and its summary says why. Contoso's pilot group leaves someone out here:
 * only its members, nested groups included, are booked.
 */

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

it('books only members of the chosen pilot group, and nobody where none is chosen', async () => {
  const directory = stack.orgStore.snapshot();
  const contosoPilot = directory.tenants.find((t) => t.id === DEMO.contoso.tenantId)!.pilotGroupId!;
  const members = new Set(
    stack.orgStore.transitiveUsers(DEMO.contoso.tenantId, contosoPilot).map((u) => u.id),
  );
  // Nested: the support desk is in the pilot through its own group.
  expect(members.has(DEMO.contoso.bigTeamManager)).toBe(true);
  // Take Nia out of the pilot group: she is then not booked, though her manager is.
  const group = directory.groups!.find((g) => g.id === contosoPilot)!;
  const store = stack.orgStore.getGroup(DEMO.contoso.tenantId, group.id)!;
  store.memberIds = store.memberIds.filter((id) => id !== DEMO.contoso.employee);

  const summary = await runPass(stack);
  const events = careerConversations(await calendarEvents(stack));

  expect(summary.tenantsWithoutPilot).toEqual([
    { tenantId: DEMO.fabrikam.tenantId, reason: expect.stringMatching(/no pilot group chosen/) },
  ]);
  const fabrikam = new Set(
    directory.users.filter((u) => u.tenantId === DEMO.fabrikam.tenantId).map((u) => u.id),
  );
  expect(events.filter((e) => JSON.stringify(e).includes(DEMO.fabrikam.domain))).toEqual([]);
  expect(fabrikam.size).toBeGreaterThan(0);
  expect(events.length).toBeGreaterThan(0);
  const nia = directory.users.find((u) => u.id === DEMO.contoso.employee)!;
  expect(events.filter((e) => JSON.stringify(e).includes(nia.mail!))).toEqual([]);
  expect(summary.booked).toBe(events.length);
});
