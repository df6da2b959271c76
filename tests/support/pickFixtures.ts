import type { UnbookedReason } from '../../api/src/contract/conversationContract';
import type { ConversationStatus } from '../../api/src/domain/conversations/records';
import { quarterOf } from '../../api/src/domain/scheduling';
import { DEMO } from '../../api/src/local/demo-org/demoDirectory';
import { aliasFor } from '../../api/src/local/demo-org/people';
import { demoUserId } from '../../api/src/local/demo-org/prng';
import { addConversation } from './boardFixtures';
import type { TestStack } from './testStack';

/**
 * A cross-time-zone pair of the demo org: Kavya Nair (Bengaluru) and Jamal Carter (Seattle, early
 * hours), whose working hours never meet, so the pass cannot book them on its own.
 */
export const CROSS_ZONE = {
  manager: DEMO.contoso.bigTeamManager,
  employee: demoUserId(DEMO.contoso.tenantId, aliasFor('Jamal', 'Carter')),
  /** Rajesh Iyer, Kavya's manager. */
  skipLevel: demoUserId(DEMO.contoso.tenantId, 'vp-support'),
};

/**
 * A Wednesday in the middle of a quarter. Times are offered from a day ahead to the quarter's end,
 * and the days off include 24–26 and 31 December: a test on the real clock would find too few
 * times in a quarter's last days. A test that pins `services.now` here passes on any date.
 */
export const MID_QUARTER = new Date('2026-05-13T06:00:00Z');

/** Writes this quarter's record of a pair the pass could not book, as the scheduler leaves it. */
export function addUnbookedConversation(
  stack: TestStack,
  employeeId: string,
  managerId: string,
  options: {
    status?: Extract<ConversationStatus, 'unbooked' | 'needs-manager-pick' | 'needs-attention'>;
    reason?: UnbookedReason;
    now?: Date;
  } = {},
) {
  const now = options.now ?? new Date();
  const status = options.status ?? 'needs-manager-pick';
  return addConversation(stack, employeeId, managerId, quarterOf(now), {
    status,
    start: null,
    end: null,
    event: null,
    unbooked: {
      reason: options.reason ?? 'no-common-working-hours',
      next: status === 'needs-manager-pick' ? 'manager-picks' : 'next-pass-retries',
      since: now.toISOString(),
    },
  });
}
