import type { UnbookedPairsView } from '../../../../api/src/contract/conversationContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { demoUserId } from '../../../../api/src/local/demo-org/prng';
import { addAspiration } from '../../../support/boardFixtures';
import { addUnbookedConversation, CROSS_ZONE } from '../../../support/pickFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

let stack: TestStack;
const rajesh = demoUserId(DEMO.contoso.tenantId, 'vp-support');

beforeAll(async () => {
  stack = await startTestStack();
  await addUnbookedConversation(stack, CROSS_ZONE.employee, CROSS_ZONE.manager);
  await addUnbookedConversation(stack, rajesh, DEMO.contoso.ceo, {
    status: 'unbooked',
    reason: 'graph-unavailable',
  });
  // Nia's record with a manager she no longer has: history, not a pair waiting now.
  await addUnbookedConversation(stack, DEMO.contoso.employee, DEMO.contoso.skipLevel);
  await addAspiration(stack, CROSS_ZONE.employee);
});
afterAll(async () => {
  await stack.close();
});

describe('GET /adoption/unbooked: the pairs not booked this quarter, for admins', () => {
  it('names each current pair with its reason and next step, and carries nothing of any board', async () => {
    const { status, body } = await stack.call<UnbookedPairsView>('/adoption/unbooked', {
      as: DEMO.contoso.admin,
    });
    expect(status).toBe(200);
    expect(body.pairs).toEqual([
      expect.objectContaining({
        employee: { id: rajesh, displayName: 'Rajesh Iyer' },
        manager: { id: DEMO.contoso.ceo, displayName: 'Amara Okafor' },
        status: 'unbooked',
        reason: 'graph-unavailable',
        next: 'next-pass-retries',
      }),
      expect.objectContaining({
        employee: { id: CROSS_ZONE.employee, displayName: 'Jamal Carter' },
        manager: { id: CROSS_ZONE.manager, displayName: 'Kavya Nair' },
        status: 'needs-manager-pick',
        reason: 'no-common-working-hours',
        next: 'manager-picks',
      }),
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toContain(DEMO.contoso.employee);
    expect(text).not.toMatch(/aspiration|title|Staff|notes/i);
  });

  it('a manager, even of one of the pairs, is refused', async () => {
    const refused = await stack.call('/adoption/unbooked', { as: CROSS_ZONE.manager });
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
  });
});
