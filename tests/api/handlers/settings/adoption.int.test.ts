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
    expect(before.body.total).toBeNull();
    expect(before.body.withheld).toBe('fewer-than-minimum');
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
    expect(view.withheld).toBeNull();
    const total = view.total!;
    // Every count is a random rounding to a multiple of 5 of the true one (before this, the exact
    // 2, 1 and 3 were asserted here: counts that small are what must not be published).
    const near = (published: number, truth: number) => {
      expect(published % view.roundingBase).toBe(0);
      expect(Math.abs(published - truth)).toBeLessThan(view.roundingBase);
    };
    near(total.people, pairs.length);
    near(total.withAspirations, 2);
    near(total.acknowledged, 1);
    near(total.aspirations.total, 3);
    near(total.aspirations.acknowledged, 1);
    const contosoIds = new Set(contoso.map((u) => u.id));
    const invites = careerConversations(await calendarEvents(stack)).filter((e) =>
      contosoIds.has(e.organizer.id),
    );
    expect(invites.length).toBeGreaterThan(0);
    near(total.conversations.booked, invites.length);
    const { booked, held, needsAttention, notYetBooked } = total.conversations;
    expect(Math.abs(booked + held + needsAttention + notYetBooked - pairs.length)).toBeLessThan(
      4 * view.roundingBase,
    );
    expect(view.departments.every((d) => d.people >= view.minimumGroupSize)).toBe(true);
    // A named row is a whole department of at least the minimum, in truth and not only rounded;
    // the demo's smaller departments (People has two) have no row of their own.
    const sizes = new Map<string, number>();
    for (const { employee: e } of pairs)
      sizes.set(e.department, (sizes.get(e.department) ?? 0) + 1);
    const named = view.departments.flatMap((d) => (d.department === null ? [] : [d.department]));
    for (const name of named) expect(sizes.get(name)).toBeGreaterThanOrEqual(view.minimumGroupSize);
    const small = [...sizes].filter(([, n]) => n < view.minimumGroupSize).map(([name]) => name);
    expect(small.length).toBeGreaterThan(0);
    for (const name of small) expect(named).not.toContain(name);

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

describe("the rounding coins' key", () => {
  it('is each tenant’s own random secret: made once, shared by first readers at once, returned by no route', async () => {
    const keys = stack.services.disclosureKeys;
    const now = new Date().toISOString();
    const fabrikam = DEMO.fabrikam.tenantId;
    const firstReaders = await Promise.all(
      Array.from({ length: 10 }, () => keys.keyFor(fabrikam, now)),
    );
    expect(new Set(firstReaders).size).toBe(1);
    const [fabrikamKey] = firstReaders;
    expect(Buffer.from(fabrikamKey, 'base64')).toHaveLength(32);
    expect(await keys.keyFor(fabrikam, now)).toBe(fabrikamKey);
    const contosoKey = await keys.keyFor(DEMO.contoso.tenantId, now);
    expect(contosoKey).not.toBe(fabrikamKey);
    // Neither the figures nor the settings carry it.
    const figures = await adoption(admin);
    const settings = await stack.call('/settings', { as: admin });
    expect(JSON.stringify([figures.body, settings.body])).not.toContain(contosoKey);
  });
});
