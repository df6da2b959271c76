import type { MyDataExport } from '../../../../api/src/contract/exportContract';
import type { SharesView } from '../../../../api/src/contract/sharingContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { runSchedulePass } from '../../../../api/src/scheduler/schedulePass';
import { addAspiration } from '../../../support/boardFixtures';
import { demoCast } from '../../../support/demoCast';
import { DAY, HOUR, NOW, startSchedulerStack } from '../../scheduler/schedulerKit';
import type { SchedulerStack } from '../../scheduler/schedulerKit';
import { documentsMentioning } from '../privacy/privacyKit';

/**
 * A share ends when either person leaves the org chart (the daily pass notices), the employee's
 * export carries their shares and advice, and erasure leaves no trace of a leaver in sharing.
 */

const { tenantId, employee: nia } = DEMO.contoso;
let stack: SchedulerStack;
let sponsor: string;
let mentor: string;

beforeAll(async () => {
  stack = await startSchedulerStack();
  const cast = demoCast(stack.orgStore.snapshot());
  sponsor = cast.bigTeamReport;
  mentor = cast.bigTeamReport2;
});
afterAll(async () => {
  await stack.close();
});

const pass = () => runSchedulePass(stack.services);
const shareWith = (personId: string, relationship: string) =>
  stack.call(`/boards/${nia}/shares`, {
    as: nia,
    method: 'POST',
    body: { personId, relationship },
  });

it('the export carries whom the employee shared with and the advice on their board', async () => {
  const topic = await addAspiration(stack, nia, { title: 'Team lead' });
  expect((await shareWith(sponsor, 'sponsor')).status).toBe(201);
  expect((await shareWith(mentor, 'mentor')).status).toBe(201);
  const asked = await stack.call(`/boards/${nia}/aspirations/${topic.id}/advice`, {
    as: nia,
    method: 'POST',
    body: { personId: mentor, question: 'MENTOR-QUESTION' },
  });
  expect(asked.status).toBe(201);
  const exported = await stack.call<MyDataExport>('/me/export?format=json', { as: nia });
  expect(exported.body.sharing?.shares.map((s) => s.person.id).sort()).toEqual(
    [sponsor, mentor].sort(),
  );
  expect(exported.body.sharing?.advice.map((t) => t.question)).toEqual(['MENTOR-QUESTION']);
  const markdown = await stack.call<string>('/me/export?format=md', { as: nia });
  expect(markdown.body).toContain('MENTOR-QUESTION');
});

it('a sponsor who leaves loses the share at the next pass; the employee’s list says so', async () => {
  stack.setNow(new Date(NOW.getTime() + HOUR));
  stack.orgStore.updateUser(tenantId, sponsor, { accountEnabled: false });
  await pass();
  const { body } = await stack.call<SharesView>(`/boards/${nia}/shares`, { as: nia });
  expect(body.shares.map((s) => s.person.id)).toEqual([mentor]);
  expect((await stack.call(`/boards/${nia}/shared`, { as: sponsor })).status).toBe(403);
  expect((await stack.call(`/boards/${nia}/shared`, { as: mentor })).status).toBe(200);
});

it('when the employee leaves, nobody sees her board any more, and erasure leaves no trace in sharing', async () => {
  const leftAt = new Date(NOW.getTime() + 2 * HOUR);
  stack.setNow(leftAt);
  stack.orgStore.updateUser(tenantId, nia, { accountEnabled: false });
  await pass();
  // The mentor had a share and a question: both end.
  expect((await stack.call(`/boards/${nia}/shared`, { as: mentor })).status).toBe(403);

  stack.setNow(new Date(leftAt.getTime() + 31 * DAY));
  await pass();
  const left = await documentsMentioning(stack, ['MENTOR-QUESTION']);
  expect(left).toEqual([]);
  const { resources } = await stack.services.cosmos.containers.sharing.items
    .query('SELECT * FROM c')
    .fetchAll();
  expect(JSON.stringify(resources)).not.toContain(nia);
});
