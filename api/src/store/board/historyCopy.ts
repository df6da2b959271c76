import type { Container } from '@azure/cosmos';

import type { HistoryAction, HistoryRecord } from '../../domain/board/records';
import type { Stored } from '../../domain/stored';
import { isNotFound, isPreconditionFailed, withoutSystemProperties } from '../cosmosErrors';
import { markAgendaChanged } from './agendaRefreshes';
import type { Carrier } from './boardDocuments';

/** Changes the invite's agenda does not show (comments are a thread on the board, not agenda). */
const NOT_ON_THE_AGENDA: ReadonlySet<HistoryAction> = new Set(['comment.added']);

/**
 * Copying history entries out of the documents that carry them. Each entry has a fixed id, so a
 * copy is an idempotent upsert; clearing the carried entries is conditional on the version read.
 * A change the agenda shows also flags the board's invites for a new body here, before the
 * entries are cleared: a crash in between leaves them carried, and whoever copies them next (the
 * next read of the board) flags again, so no change is missed by the invites.
 */
export interface HistoryCopy {
  copyPending(entries: HistoryRecord[]): Promise<void>;
  /** Copies the document's pending entries, clears them, returns the document as now stored. */
  flush<T extends Carrier>(doc: Stored<T>): Promise<Stored<T>>;
}

export function createHistoryCopy(boards: Container, history: Container): HistoryCopy {
  async function copyPending(entries: HistoryRecord[]): Promise<void> {
    await Promise.all(entries.map((entry) => history.items.upsert(entry)));
  }

  async function flush<T extends Carrier>(doc: Stored<T>): Promise<Stored<T>> {
    const pending = doc.pendingHistory ?? [];
    if (pending.length === 0) return doc;
    await copyPending(pending);
    const onAgenda = pending.filter((entry) => !NOT_ON_THE_AGENDA.has(entry.action));
    if (onAgenda.length > 0) {
      const { tenantId, employeeId } = onAgenda[0];
      const latest = onAgenda.map((entry) => entry.at).sort()[onAgenda.length - 1];
      await markAgendaChanged(boards, tenantId, employeeId, latest);
    }
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

  return { copyPending, flush };
}
