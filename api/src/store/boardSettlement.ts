import type { Container } from '@azure/cosmos';

import type { BoardRecords } from '../domain/board/boardView';
import type {
  AcknowledgementRecord,
  AspirationRecord,
  AspirationSlotRecord,
  AspirationTombstone,
  CommentRecord,
  HistoryRecord,
} from '../domain/board/records';
import { acknowledgementId, aspirationSlotId } from '../domain/board/records';
import { isNotFound, isPreconditionFailed, withoutSystemProperties } from './cosmosErrors';

/**
 * Finishing what a board write started: copying history entries out of the documents that carry
 * them, and completing deletions. Each step is idempotent and conditional, so any number of readers
 * and writers may run it at once, and a step that fails is simply tried again by the next one.
 * (Cosmos DB batches are not atomic on the embedded server and its change feed is a stub, so
 * nothing here relies on either.)
 */

type Stored<T> = T & { _etag: string };
type Carrier = { id: string; pk: string; pendingHistory?: HistoryRecord[] };
type BoardDoc =
  | Stored<AspirationRecord>
  | Stored<AcknowledgementRecord>
  | Stored<CommentRecord>
  | Stored<AspirationTombstone>;

/** Where the next history page starts: entries at `at` or older, minus those already returned. */
export interface HistoryCursor {
  at: string;
  skip: string[];
}

const BULK_CHUNK = 100;

export function createBoardSettlement(boards: Container, history: Container) {
  async function copyPending(entries: HistoryRecord[]): Promise<void> {
    await Promise.all(entries.map((entry) => history.items.upsert(entry)));
  }

  async function flush<T extends Carrier>(doc: Stored<T>): Promise<Stored<T>> {
    const pending = doc.pendingHistory ?? [];
    if (pending.length === 0) return doc;
    await copyPending(pending);
    const cleared: Record<string, unknown> = { ...withoutSystemProperties(doc) };
    delete cleared.pendingHistory;
    try {
      const { resource } = await boards
        .item(doc.id, doc.pk)
        .replace(cleared, { accessCondition: { type: 'IfMatch', condition: doc._etag } });
      return resource as unknown as Stored<T>;
    } catch (error) {
      // Written again meanwhile (and the entries carried on) or deleted: the stored one is current.
      if (isPreconditionFailed(error) || isNotFound(error)) {
        const { resource } = await boards.item(doc.id, doc.pk).read<Stored<T>>();
        return resource ?? doc;
      }
      throw error;
    }
  }

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
    // Only our own claim: the place may already belong to a newer aspiration.
    if (!resource || resource.aspirationId !== aspirationId) return;
    try {
      await ref.delete({ accessCondition: { type: 'IfMatch', condition: resource._etag } });
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
    }
  }

  /** Removes what belonged to a deleted aspiration, records the deletion, then the tombstone. */
  async function finishDeletion(tombstone: Stored<AspirationTombstone>): Promise<void> {
    const { pk, id } = tombstone;
    const { resources: comments } = await boards.items
      .query<{ id: string }>(
        {
          query:
            "SELECT c.id FROM c WHERE c.pk = @pk AND c.type = 'comment' AND c.aspirationId = @id",
          parameters: [
            { name: '@pk', value: pk },
            { name: '@id', value: id },
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    await deleteIds(pk, [acknowledgementId(id), ...comments.map((c) => c.id)]);
    if (tombstone.slot !== null) await releaseSlot(pk, tombstone.slot, id);
    await copyPending(tombstone.pendingHistory);
    try {
      await boards
        .item(id, pk)
        .delete({ accessCondition: { type: 'IfMatch', condition: tombstone._etag } });
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
    }
  }

  /** Counts instead of throwing: a read answers with what is stored and leaves the rest for later. */
  async function attempt(work: Promise<unknown>): Promise<number> {
    try {
      await work;
      return 0;
    } catch {
      return 1;
    }
  }

  /** Settles what one board query returned and gives the records to show. */
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
    const unsettled = (await Promise.all(work)).reduce((a, b) => a + b, 0);
    for (const original of docs) {
      const doc = settled.get(original.id) ?? original;
      if (doc.type === 'aspiration') records.aspirations.push(doc);
      else if (doc.type === 'acknowledgement' && live.has(doc.aspirationId))
        records.acknowledgements.push(doc);
      else if (doc.type === 'comment' && live.has(doc.aspirationId)) records.comments.push(doc);
    }
    return { records, unsettled };
  }

  /** Before history is read: copies every entry still carried by a board document. */
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
    return (await Promise.all(work)).reduce((a, b) => a + b, 0);
  }

  async function historyPage(
    pk: string,
    limit: number,
    after: HistoryCursor | null,
  ): Promise<{ entries: HistoryRecord[]; next: HistoryCursor | null }> {
    const skip = new Set(after?.skip ?? []);
    // One more than needed tells whether another page exists. `top` is ours, never the client's.
    const top = Math.floor(limit) + skip.size + 1;
    const { resources } = await history.items
      .query<HistoryRecord>(
        {
          query: after
            ? `SELECT TOP ${top} * FROM c WHERE c.pk = @pk AND c.at <= @at ORDER BY c.at DESC`
            : `SELECT TOP ${top} * FROM c WHERE c.pk = @pk ORDER BY c.at DESC`,
          parameters: [
            { name: '@pk', value: pk },
            ...(after ? [{ name: '@at', value: after.at }] : []),
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    const fresh = resources.filter((r) => !skip.has(r.id));
    const entries = fresh.slice(0, limit);
    if (fresh.length <= limit || entries.length === 0) return { entries, next: null };
    const last = entries[entries.length - 1].at;
    // Entries sharing the last timestamp may straddle pages: the next page skips those already sent.
    const carried = after && after.at === last ? after.skip : [];
    return {
      entries,
      next: {
        at: last,
        skip: [...carried, ...entries.filter((e) => e.at === last).map((e) => e.id)],
      },
    };
  }

  return { flush, finishDeletion, releaseSlot, settleRead, settlePending, historyPage };
}
