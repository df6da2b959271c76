import type { Container } from '@azure/cosmos';

import type { AgendaRefreshRecord } from '../../domain/board/records';
import { AGENDA_REFRESH_ID, boardPartitionKey } from '../../domain/board/records';
import type { Stored } from '../../domain/stored';
import { isConflict, isNotFound, isPreconditionFailed } from '../cosmosErrors';

/** Boards whose invites must get a new body because the board changed (see records.ts). */
export interface AgendaRefreshes {
  listAgendaRefreshes(tenantId: string): Promise<Stored<AgendaRefreshRecord>[]>;
  /**
   * Flags the board after a change the agenda shows. Never downgrades a deletion's flag, and
   * always changes the flag's ETag, so a refresh that read the board before this change cannot
   * clear it.
   */
  markAgendaChanged(tenantId: string, employeeId: string, at: string): Promise<void>;
  /**
   * Removes the flag, but only as read: a change flagged meanwhile wrote it again, and its
   * invites are re-rendered by the next refresh.
   */
  clearAgendaRefresh(flag: Stored<AgendaRefreshRecord>): Promise<void>;
}

export function createAgendaRefreshes(boards: Container): AgendaRefreshes {
  return {
    async listAgendaRefreshes(tenantId) {
      const { resources } = await boards.items
        .query<Stored<AgendaRefreshRecord>>({
          query: "SELECT * FROM c WHERE c.type = 'agenda-refresh' AND c.tenantId = @tenantId",
          parameters: [{ name: '@tenantId', value: tenantId }],
        })
        .fetchAll();
      return resources;
    },

    markAgendaChanged: (tenantId, employeeId, at) =>
      markAgendaChanged(boards, tenantId, employeeId, at),

    async clearAgendaRefresh(flag) {
      try {
        await boards
          .item(flag.id, flag.pk)
          .delete({ accessCondition: { type: 'IfMatch', condition: flag._etag } });
      } catch (error) {
        if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
      }
    },
  };
}

/** Touch the flag if there is one (keeping its reason), else create an edit's flag. */
export async function markAgendaChanged(
  boards: Container,
  tenantId: string,
  employeeId: string,
  at: string,
): Promise<void> {
  const pk = boardPartitionKey(tenantId, employeeId);
  const touch = () =>
    boards.item(AGENDA_REFRESH_ID, pk).patch([{ op: 'set', path: '/changedAt', value: at }]);
  try {
    await touch();
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const flag: AgendaRefreshRecord = {
    type: 'agenda-refresh',
    id: AGENDA_REFRESH_ID,
    pk,
    tenantId,
    employeeId,
    requestedAt: at,
    reason: 'changed',
    changedAt: at,
  };
  try {
    await boards.items.create(flag);
  } catch (error) {
    // Another change (or a deletion) created it between our two steps: touch theirs.
    if (!isConflict(error)) throw error;
    await touch();
  }
}
