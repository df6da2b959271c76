import type { Container } from '@azure/cosmos';

import type { AgendaRefreshRecord } from '../../domain/board/records';
import type { Stored } from '../../domain/stored';
import { isNotFound, isPreconditionFailed } from '../cosmosErrors';

/** Boards whose invites must get a new body because an aspiration was deleted (see records.ts). */
export interface AgendaRefreshes {
  listAgendaRefreshes(tenantId: string): Promise<Stored<AgendaRefreshRecord>[]>;
  /**
   * Removes the flag, but only as read: a deletion finished meanwhile wrote it again, and its
   * invites are re-rendered by the next pass.
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
