import type { Container } from '@azure/cosmos';

import type { AspirationSlotRecord } from '../../domain/board/records';
import { aspirationSlotId, boardPartitionKey } from '../../domain/board/records';
import { isOrphanSlot } from '../../domain/board/slots';
import { isConflict, isNotFound, isPreconditionFailed } from '../cosmosErrors';
import { boardItem } from './boardDocuments';
import type { DeletionSteps } from './deletionSteps';

/**
 * An aspiration's place on the board: a claim document per place, created before the aspiration,
 * so two writers can never take the same place or exceed the board's limit.
 */
export interface AspirationSlots {
  /** Claims the first free place of `candidates`; null when every one is taken. */
  claimSlot(
    owner: { tenantId: string; employeeId: string },
    aspirationId: string,
    candidates: number[],
    now: Date,
  ): Promise<number | null>;
  /** Frees places claimed by writers that never created their aspiration; returns how many. */
  reclaimOrphanSlots(tenantId: string, employeeId: string, now: Date): Promise<number>;
  releaseSlot(
    tenantId: string,
    employeeId: string,
    slot: number,
    aspirationId: string,
  ): Promise<void>;
}

export function createAspirationSlots(boards: Container, deletion: DeletionSteps): AspirationSlots {
  return {
    async claimSlot(owner, aspirationId, candidates, now) {
      const pk = boardPartitionKey(owner.tenantId, owner.employeeId);
      for (const slot of candidates) {
        const claim: AspirationSlotRecord = {
          type: 'aspiration-slot',
          id: aspirationSlotId(slot),
          pk,
          tenantId: owner.tenantId,
          employeeId: owner.employeeId,
          slot,
          aspirationId,
          claimedAt: now.toISOString(),
        };
        try {
          await boards.items.create(claim);
          return slot;
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
      return null;
    },

    async reclaimOrphanSlots(tenantId, employeeId, now) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const { resources } = await boards.items
        .query<{
          id: string;
          type: string;
          aspirationId?: string;
          claimedAt?: string;
          _etag: string;
        }>(
          {
            query:
              "SELECT c.id, c.type, c.aspirationId, c.claimedAt, c._etag FROM c WHERE c.pk = @pk AND (c.type = 'aspiration-slot' OR c.type = 'aspiration' OR c.type = 'aspiration-deleted')",
            parameters: [{ name: '@pk', value: pk }],
          },
          { partitionKey: pk },
        )
        .fetchAll();
      const present = new Set(
        resources.filter((r) => r.type !== 'aspiration-slot').map((r) => r.id),
      );
      let reclaimed = 0;
      for (const r of resources) {
        if (r.type !== 'aspiration-slot' || !r.aspirationId || !r.claimedAt) continue;
        if (!isOrphanSlot({ aspirationId: r.aspirationId, claimedAt: r.claimedAt }, present, now))
          continue;
        try {
          await boardItem(boards, tenantId, employeeId, r.id).delete({
            accessCondition: { type: 'IfMatch', condition: r._etag },
          });
          reclaimed++;
        } catch (error) {
          if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
        }
      }
      return reclaimed;
    },

    releaseSlot: (tenantId, employeeId, slot, aspirationId) =>
      deletion.releaseSlot(boardPartitionKey(tenantId, employeeId), slot, aspirationId),
  };
}
