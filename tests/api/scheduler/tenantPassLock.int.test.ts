import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { runSchedulePass } from '../../../api/src/scheduler/schedulePass';
import { releaseTenantPassLock, takeTenantPassLock } from '../../../api/src/store/tenantPassLock';
import { calendarEvents, careerConversations } from '../../support/calendarChecks';
import { startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/** One pass per tenant at a time: a second one leaves the tenant alone until the first is done. */

let stack: SchedulerStack;
const tenantId = DEMO.contoso.tenantId;
const MINUTE = 60_000;

beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

const settings = () => stack.services.cosmos.containers.settings;

describe('the tenant pass lock', () => {
  it('is taken by one pass; another is told until when; it expires by itself', async () => {
    const t0 = Date.now();
    expect(await takeTenantPassLock(settings(), tenantId, 'a', t0, 10 * MINUTE)).toEqual({
      taken: true,
    });
    expect(await takeTenantPassLock(settings(), tenantId, 'b', t0 + MINUTE, 10 * MINUTE)).toEqual({
      taken: false,
      heldUntil: new Date(t0 + 10 * MINUTE).toISOString(),
    });
    // A crashed pass never releases: the next one waits for the lock to run out, then goes ahead.
    expect(
      await takeTenantPassLock(settings(), tenantId, 'b', t0 + 11 * MINUTE, 10 * MINUTE),
    ).toEqual({ taken: true });
    // The crashed pass's late release cannot free what is no longer its own.
    await releaseTenantPassLock(settings(), tenantId, 'a');
    expect(
      (await takeTenantPassLock(settings(), tenantId, 'c', t0 + 12 * MINUTE, MINUTE)).taken,
    ).toBe(false);
    await releaseTenantPassLock(settings(), tenantId, 'b');
    expect((await takeTenantPassLock(settings(), tenantId, 'c', t0, MINUTE)).taken).toBe(true);
    await releaseTenantPassLock(settings(), tenantId, 'c');
  });

  it('a pass leaves a tenant another pass holds, and books it once that pass is done', async () => {
    const now = Date.now();
    await takeTenantPassLock(settings(), tenantId, 'someone-else', now, 10 * MINUTE);
    const blocked = await runSchedulePass(stack.services);
    expect(blocked.tenantsSkipped).toBe(1);
    const contoso = new Set(
      stack.orgStore
        .snapshot()
        .users.filter((u) => u.tenantId === tenantId)
        .map((u) => u.id),
    );
    const contosoInvites = async () =>
      careerConversations(await calendarEvents(stack)).filter((e) => contoso.has(e.organizer.id));
    expect(await contosoInvites()).toEqual([]);

    await releaseTenantPassLock(settings(), tenantId, 'someone-else');
    const after = await runSchedulePass(stack.services);
    expect(after.tenantsSkipped).toBe(0);
    expect((await contosoInvites()).length).toBeGreaterThan(0);
    // It handed the tenant back: the next pass is not kept waiting.
    expect((await takeTenantPassLock(settings(), tenantId, 'next', Date.now(), MINUTE)).taken).toBe(
      true,
    );
  });
});
