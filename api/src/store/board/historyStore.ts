import type { Container } from '@azure/cosmos';

import type { HistoryRecord } from '../../domain/board/records';
import { boardPartitionKey } from '../../domain/board/records';
import type { Stored } from '../../domain/stored';
import { cosmosStatus } from '../cosmosErrors';
import type { Carrier } from './boardDocuments';
import type { HistoryCopy } from './historyCopy';
import type { ReadRepair } from './readRepair';

/** Where the next history page starts: entries at `at` or older, minus those already returned. */
export interface HistoryCursor {
  at: string;
  skip: string[];
}

/** A board's history: what both people did, newest first, copied out of the board's documents. */
export interface HistoryStore {
  /**
   * Copies a document's pending history entries to the history container (idempotent: each entry
   * has a fixed id) and removes them from the document. Returns the document as now stored.
   */
  flushHistory<T extends Carrier>(doc: Stored<T>): Promise<Stored<T>>;
  /**
   * For entries that belong to no board document (e.g. a change of manager). Created once per id:
   * true when this call created it, false when it was already there.
   */
  appendHistory(record: HistoryRecord): Promise<boolean>;
  /** Newest first; finishes pending history of the board first, so every saved change shows. */
  readHistory(
    tenantId: string,
    employeeId: string,
    limit: number,
    after?: HistoryCursor | null,
  ): Promise<{ entries: HistoryRecord[]; next: HistoryCursor | null; unsettled: number }>;
}

export function createHistoryStore(
  history: Container,
  historyCopy: HistoryCopy,
  repair: ReadRepair,
): HistoryStore {
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

  return {
    flushHistory: (doc) => historyCopy.flush(doc),

    async appendHistory(record) {
      try {
        await history.items.create(record);
        return true;
      } catch (error) {
        if (cosmosStatus(error) === 409) return false;
        throw error;
      }
    },

    async readHistory(tenantId, employeeId, limit, after) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const unsettled = await repair.settlePending(pk);
      const page = await historyPage(pk, limit, after ?? null);
      return { ...page, unsettled };
    },
  };
}
