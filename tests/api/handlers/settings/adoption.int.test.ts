import type { AdoptionView } from '../../../../api/src/contract/adoptionContract';
import type { AspirationView } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, sampleAspiration } from '../../../support/boardFixtures';
import {
  calendarEvents,
  careerConversations,
  eligiblePairs,
  runPass,
} from '../../../support/calendarChecks';
import { startSchedulerStack } from '../../scheduler/schedulerKit';
import type { SchedulerStack } from '../../scheduler/schedulerKit';

/** What an admin sees of adoption: real counts, never anyone's name or words. */

let stack: SchedulerStack;
const { employee, manager, peer, admin } = DEMO.contoso;

beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

const adoption = (as: string) => stack.call<AdoptionView>('/adoption', { as });

describe('GET /adoption', () => {
  it('says so plainly before the org chart has ever been synced', async () => {
    const before = await adoption(admin);
    expect(before.status).toBe(200);
    expect(before.body.orgChartSyncedAt).toBeNull();
    expect(before.body.total.people).toBe(0);
  });

  it('counts boards, acknowledgements and conversations across the tenant, and nothing else', async () => {
    const mine = await addAspiration(stack, employee);
    await addAspiration(stack, employee, { horizon: '3y', title: 'Director of platform' });
    await addAspiration(stack, peer, { title: 'Site reliability lead' });
    const ack = await stack.call<AspirationView>(
      `/boards/${employee}/aspirations/${mine.id}/acknowledgement`,
      { as: manager, method: 'POST', headers: { 'If-Match': mine.etag }, body: { note: 'Yes' } },
    );
    expect(ack.status).toBe(200);
    await runPass(stack);

    const result = await adoption(admin);
    expect(result.status).toBe(200);
    const view = result.body;
    const contoso = stack.orgStore
      .snapshot()
      .users.filter((u) => u.tenantId === DEMO.contoso.tenantId);
    const pairs = eligiblePairs({ ...stack.orgStore.snapshot(), users: contoso });
    expect(view.orgChartSyncedAt).not.toBeNull();
    expect(view.total.people).toBe(pairs.length);
    expect(view.total.withAspirations).toBe(2);
    expect(view.total.acknowledged).toBe(1);
    expect(view.total.aspirations).toEqual({ total: 3, acknowledged: 1 });
    const contosoIds = new Set(contoso.map((u) => u.id));
    const invites = careerConversations(await calendarEvents(stack)).filter((e) =>
      contosoIds.has(e.organizer.id),
    );
    expect(invites.length).toBeGreaterThan(0);
    expect(view.total.conversations.booked).toBe(invites.length);
    expect(
      view.total.conversations.booked +
        view.total.conversations.held +
        view.total.conversations.needsAttention +
        view.total.conversations.notYetBooked,
    ).toBe(pairs.length);
    expect(view.departments.every((d) => d.people >= view.minimumGroupSize)).toBe(true);

    const text = JSON.stringify(view);
    for (const secret of [sampleAspiration.title, 'Director of platform', 'Site reliability lead'])
      expect(text).not.toContain(secret);
    for (const user of contoso) {
      expect(text).not.toContain(user.id);
      expect(text).not.toContain(user.displayName);
    }
  });

  it('is for admins only', async () => {
    for (const who of [employee, manager, DEMO.contoso.bigTeamManager]) {
      const refused = await adoption(who);
      expect(refused.status).toBe(403);
      expect(refused.contentType).toContain('application/problem+json');
    }
  });
});
