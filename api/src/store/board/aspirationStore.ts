import type { Container } from '@azure/cosmos';

import type { BoardRecords } from '../../domain/board/boardView';
import type {
  AspirationRecord,
  AspirationTombstone,
  HistoryRecord,
} from '../../domain/board/records';
import { boardPartitionKey } from '../../domain/board/records';
import { eraseAspirationContent } from '../../domain/retention/anonymise';
import type { Stored } from '../../domain/stored';
import { gone, staleWrite } from '../../errors/storeOutcome';
import { isNotFound, isPreconditionFailed, withoutSystemProperties } from '../cosmosErrors';
import { ASPIRATION_TOO_LARGE_ADVICE, assertStorable } from '../documentSize';
import { boardItem } from './boardDocuments';
import type { BoardDoc } from './boardDocuments';
import type { DeletionSteps } from './deletionSteps';
import type { ReadRepair } from './readRepair';

export interface BoardReadResult {
  records: BoardRecords;
  requestCharge: number;
  /** Pending history or deletions this read could not finish (retried by the next one). */
  unsettled: number;
}

/** The board as a whole, and its aspirations: read, create, replace, delete. */
export interface AspirationStore {
  readBoard(tenantId: string, employeeId: string): Promise<BoardReadResult>;
  readAspiration(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
  ): Promise<Stored<AspirationRecord> | null>;
  /** The record carries its `pendingHistory`; call `flushHistory` on the result. */
  createAspiration(record: AspirationRecord): Promise<Stored<AspirationRecord>>;
  /** Replaces only if the stored ETag still equals `ifMatch`; otherwise a stale outcome. */
  replaceAspiration(record: AspirationRecord, ifMatch: string): Promise<Stored<AspirationRecord>>;
  /**
   * Turns the aspiration into a tombstone (If-Match `current._etag`, else stale), then removes its
   * acknowledgement, comments and place. Returns false if only the tombstone was written: the
   * aspiration is gone for everyone and the next read finishes the rest.
   */
  deleteAspiration(
    current: Stored<AspirationRecord>,
    entry: HistoryRecord,
    now: string,
  ): Promise<boolean>;
}

const ASPIRATION_GONE = 'This aspiration does not exist on this board (it may have been deleted).';

/** A conditional write's refusal in the store's own terms: stale, or gone. */
function refusal(error: unknown): unknown {
  if (isPreconditionFailed(error)) return staleWrite('This aspiration');
  if (isNotFound(error)) return gone(ASPIRATION_GONE);
  return error;
}

export function createAspirationStore(
  boards: Container,
  repair: ReadRepair,
  deletion: DeletionSteps,
): AspirationStore {
  return {
    async readBoard(tenantId, employeeId) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const response = await boards.items
        .query<BoardDoc>(
          {
            query:
              "SELECT * FROM c WHERE c.pk = @pk AND (c.type = 'aspiration' OR c.type = 'acknowledgement' OR c.type = 'comment' OR c.type = 'aspiration-deleted')",
            parameters: [{ name: '@pk', value: pk }],
          },
          { partitionKey: pk },
        )
        .fetchAll();
      const { records, unsettled } = await repair.settleRead(response.resources);
      return { records, requestCharge: response.requestCharge, unsettled };
    },

    async readAspiration(tenantId, employeeId, aspirationId) {
      const { resource } = await boardItem(boards, tenantId, employeeId, aspirationId).read<
        Stored<AspirationRecord>
      >();
      return resource && resource.type === 'aspiration' ? resource : null;
    },

    async createAspiration(record) {
      assertStorable(record, ASPIRATION_TOO_LARGE_ADVICE);
      const { resource } = await boards.items.create(record);
      return resource as Stored<AspirationRecord>;
    },

    async replaceAspiration(record, ifMatch) {
      const doc = withoutSystemProperties(record);
      assertStorable(doc, ASPIRATION_TOO_LARGE_ADVICE);
      try {
        const { resource } = await boardItem(
          boards,
          record.tenantId,
          record.employeeId,
          record.id,
        ).replace(doc, { accessCondition: { type: 'IfMatch', condition: ifMatch } });
        return resource as Stored<AspirationRecord>;
      } catch (error) {
        throw refusal(error);
      }
    },

    async deleteAspiration(current, entry, now) {
      const tombstone: AspirationTombstone = {
        type: 'aspiration-deleted',
        id: current.id,
        pk: current.pk,
        tenantId: current.tenantId,
        employeeId: current.employeeId,
        slot: typeof current.slot === 'number' ? current.slot : null,
        deletedAt: now,
        // Entries of earlier changes not yet copied travel on, so none is lost, but without the
        // content: the tombstone must not keep what the deletion removes.
        pendingHistory: [...(current.pendingHistory ?? []), entry].map(eraseAspirationContent),
      };
      let written: Stored<AspirationTombstone>;
      try {
        const { resource } = await boardItem(
          boards,
          current.tenantId,
          current.employeeId,
          current.id,
        ).replace(tombstone, { accessCondition: { type: 'IfMatch', condition: current._etag } });
        written = resource as Stored<AspirationTombstone>;
      } catch (error) {
        throw refusal(error);
      }
      try {
        await deletion.finishDeletion(written);
        return true;
      } catch {
        // The tombstone already hides the aspiration; the next read of the board finishes.
        return false;
      }
    },
  };
}
