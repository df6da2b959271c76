import type { Container } from '@azure/cosmos';

import type {
  AgendaRefreshRecord,
  AspirationSlotRecord,
  AspirationTombstone,
  HistoryRecord,
} from '../../domain/board/records';
import { acknowledgementId, AGENDA_REFRESH_ID, aspirationSlotId } from '../../domain/board/records';
import { eraseAspirationContent } from '../../domain/retention/anonymise';
import type { Stored } from '../../domain/stored';
import { isNotFound, isPreconditionFailed } from '../cosmosErrors';
import { commentsQuery } from './boardDocuments';
import { rewriteAll } from '../rewriteDocuments';
import type { HistoryCopy } from './historyCopy';

/**
 * Completing a deletion: what belonged to the aspiration goes, its place is freed, the deletion is
 * recorded, every earlier history line of the aspiration is rewritten without its content (title,
 * changed values), invites already sent are flagged for a new body (`agenda-refresh`), then the
 * tombstone goes. Each step is conditional and idempotent, so a deletion that
 * stopped halfway is finished by whoever reads the board next.
 */
export interface DeletionSteps {
  /** Frees a place, but only our own claim: it may already belong to a newer aspiration. */
  releaseSlot(pk: string, slot: number, aspirationId: string): Promise<void>;
  finishDeletion(tombstone: Stored<AspirationTombstone>): Promise<void>;
}

const BULK_CHUNK = 100;

export function createDeletionSteps(
  boards: Container,
  history: Container,
  historyCopy: HistoryCopy,
): DeletionSteps {
  async function deleteIds(pk: string, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BULK_CHUNK) {
      const results = await boards.items.bulk(
        ids
          .slice(i, i + BULK_CHUNK)
          .map((id) => ({ operationType: 'Delete' as const, id, partitionKey: pk })),
      );
      const failed = results.find((r) => r.statusCode >= 300 && r.statusCode !== 404);
      if (failed) {
        throw Object.assign(new Error('A bulk delete of board documents failed'), {
          code: failed.statusCode,
        });
      }
    }
  }

  async function releaseSlot(pk: string, slot: number, aspirationId: string): Promise<void> {
    const ref = boards.item(aspirationSlotId(slot), pk);
    const { resource } = await ref.read<Stored<AspirationSlotRecord>>();
    if (!resource || resource.aspirationId !== aspirationId) return;
    try {
      await ref.delete({ accessCondition: { type: 'IfMatch', condition: resource._etag } });
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
    }
  }

  async function finishDeletion(tombstone: Stored<AspirationTombstone>): Promise<void> {
    const { pk, id } = tombstone;
    const { resources: comments } = await boards.items
      .query<{ id: string }>(commentsQuery(pk, id, 'c.id'), { partitionKey: pk })
      .fetchAll();
    await deleteIds(pk, [acknowledgementId(id), ...comments.map((c) => c.id)]);
    if (tombstone.slot !== null) await releaseSlot(pk, tombstone.slot, id);
    // Tombstones written before deletions erased content may still carry it: erased on the way.
    await historyCopy.copyPending(tombstone.pendingHistory.map(eraseAspirationContent));
    await eraseHistoryOf(pk, id);
    const refresh: AgendaRefreshRecord = {
      type: 'agenda-refresh',
      id: AGENDA_REFRESH_ID,
      pk,
      tenantId: tombstone.tenantId,
      employeeId: tombstone.employeeId,
      requestedAt: tombstone.deletedAt,
    };
    await boards.items.upsert(refresh);
    try {
      await boards
        .item(id, pk)
        .delete({ accessCondition: { type: 'IfMatch', condition: tombstone._etag } });
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
    }
  }

  /** Only lines still carrying content are written, so finishing twice writes nothing more. */
  async function eraseHistoryOf(pk: string, aspirationId: string): Promise<void> {
    const { resources } = await history.items
      .query<HistoryRecord>(
        {
          query: 'SELECT * FROM c WHERE c.pk = @pk AND c.aspirationId = @id',
          parameters: [
            { name: '@pk', value: pk },
            { name: '@id', value: aspirationId },
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    const carrying = resources.filter((r) => {
      const erased = eraseAspirationContent(r);
      return r.summary !== erased.summary || r.changes.length > 0;
    });
    await rewriteAll(history, carrying, eraseAspirationContent);
  }

  return { releaseSlot, finishDeletion };
}
