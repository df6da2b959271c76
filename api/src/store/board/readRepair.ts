import type { Container } from '@azure/cosmos';

import type { BoardRecords } from '../../domain/board/boardView';
import type { AspirationRecord, AspirationTombstone } from '../../domain/board/records';
import type { Stored } from '../../domain/stored';
import { attempt, sum } from './boardDocuments';
import type { BoardDoc } from './boardDocuments';
import type { DeletionSteps } from './deletionSteps';
import type { HistoryCopy } from './historyCopy';

/**
 * Finishing what a board write started, on the way to reading the board: copying history entries
 * out of the documents that carry them, and completing deletions. Each step is idempotent and
 * conditional, so any number of readers and writers may run it at once, and a step that fails is
 * simply tried again by the next one. (Cosmos DB batches are not atomic on the embedded server and
 * its change feed is a stub, so nothing here relies on either.)
 */
export interface ReadRepair {
  /** Settles what one board query returned and gives the records to show. */
  settleRead(docs: BoardDoc[]): Promise<{ records: BoardRecords; unsettled: number }>;
  /** Before history is read: copies every entry still carried by a board document. */
  settlePending(pk: string): Promise<number>;
}

export function createReadRepair(
  boards: Container,
  historyCopy: HistoryCopy,
  deletion: DeletionSteps,
): ReadRepair {
  const { flush } = historyCopy;
  const { finishDeletion } = deletion;

  async function settleRead(
    docs: BoardDoc[],
  ): Promise<{ records: BoardRecords; unsettled: number }> {
    const aspirations = docs.filter((d): d is Stored<AspirationRecord> => d.type === 'aspiration');
    const tombstones = docs.filter(
      (d): d is Stored<AspirationTombstone> => d.type === 'aspiration-deleted',
    );
    const live = new Set(aspirations.map((a) => a.id));
    const deleting = new Set(tombstones.map((t) => t.id));
    const work: Promise<number>[] = tombstones.map((t) => attempt(finishDeletion(t)));
    const records: BoardRecords = { aspirations: [], acknowledgements: [], comments: [] };
    const settled = new Map<string, BoardDoc>();
    for (const doc of docs) {
      if (doc.type === 'aspiration-deleted') continue;
      if (doc.type !== 'aspiration' && !live.has(doc.aspirationId)) {
        // Left behind by a deletion that was interrupted before tombstones existed, or written
        // after one: never shown, and removed unless the tombstone's own cleanup is on it.
        if (!deleting.has(doc.aspirationId)) {
          work.push(attempt(boards.item(doc.id, doc.pk).delete()));
        }
        continue;
      }
      if (doc.pendingHistory && doc.pendingHistory.length > 0) {
        work.push(
          attempt(
            flush(doc).then((fresh) => {
              settled.set(doc.id, fresh);
            }),
          ),
        );
      }
    }
    const unsettled = sum(await Promise.all(work));
    for (const original of docs) {
      const doc = settled.get(original.id) ?? original;
      if (doc.type === 'aspiration') records.aspirations.push(doc);
      else if (doc.type === 'acknowledgement' && live.has(doc.aspirationId))
        records.acknowledgements.push(doc);
      else if (doc.type === 'comment' && live.has(doc.aspirationId)) records.comments.push(doc);
    }
    return { records, unsettled };
  }

  async function settlePending(pk: string): Promise<number> {
    const { resources } = await boards.items
      .query<BoardDoc>(
        {
          query: 'SELECT * FROM c WHERE c.pk = @pk AND IS_DEFINED(c.pendingHistory)',
          parameters: [{ name: '@pk', value: pk }],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    const work = resources.map(async (doc): Promise<number> => {
      if (doc.type === 'aspiration-deleted') return attempt(finishDeletion(doc));
      if (doc.type === 'aspiration') return attempt(flush(doc));
      const { resource: parent } = await boards.item(doc.aspirationId, pk).read<{ type: string }>();
      if (parent?.type === 'aspiration') return attempt(flush(doc));
      // The aspiration is being deleted (its tombstone removes this) or is gone: never recorded.
      if (!parent) return attempt(boards.item(doc.id, pk).delete());
      return 0;
    });
    return sum(await Promise.all(work));
  }

  return { settleRead, settlePending };
}
