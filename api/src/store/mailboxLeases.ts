import type { Container } from '@azure/cosmos';

import { releaseLease, takeLease } from './leaseDocuments';
import type { LeaseRef, LockOutcome } from './leaseDocuments';

/**
 * Per-mailbox leases for the queue workers of a fanned-out pass: a manager's work item holds its
 * manager's lease (and those of the reports it books who manage people themselves) while it runs,
 * so no two Function instances talk to one mailbox at once or choose slots for one person at once.
 * One document per person, each in its own partition, so leases never contend on one partition.
 */

export interface MailboxLeases {
  /**
   * Takes every lease or none: taken in id order and handed back at the first one held elsewhere,
   * so two items wanting overlapping sets never each hold half and wait for the other.
   */
  takeAll(
    tenantId: string,
    personIds: readonly string[],
    owner: string,
    nowMs: number,
    ttlMs: number,
  ): Promise<LockOutcome>;
  releaseAll(tenantId: string, personIds: readonly string[], owner: string): Promise<void>;
}

const ID = 'mailbox-lease';

export function createMailboxLeases(settings: Container): MailboxLeases {
  const ref = (tenantId: string, personId: string): LeaseRef => ({
    container: settings,
    pk: `${tenantId}|mailbox|${personId}`,
    id: ID,
    tenantId,
  });
  const releaseAll = async (tenantId: string, personIds: readonly string[], owner: string) => {
    await Promise.all(personIds.map((id) => releaseLease(ref(tenantId, id), owner)));
  };
  return {
    async takeAll(tenantId, personIds, owner, nowMs, ttlMs) {
      const ordered = [...new Set(personIds)].sort();
      const taken: string[] = [];
      for (const id of ordered) {
        const outcome = await takeLease(ref(tenantId, id), owner, nowMs, ttlMs);
        if (!outcome.taken) {
          await releaseAll(tenantId, taken, owner);
          return outcome;
        }
        taken.push(id);
      }
      return { taken: true };
    },
    releaseAll,
  };
}
