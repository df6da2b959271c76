import type { Container } from '@azure/cosmos';

import type { AdoptionBoardRow } from '../../domain/adoption/adoptionFigures';
import type { AspirationRecord } from '../../domain/board/records';
import { boardPartitionKey } from '../../domain/board/records';
import { partitionKeyIn } from '../partitionKeyIn';

/** What the team view needs of many boards, in one query: no details, comments or notes. */
export interface TeamBoardRow {
  type: 'aspiration' | 'acknowledgement';
  pk: string;
  id: string;
  horizon?: AspirationRecord['horizon'];
  title?: string;
  position?: number;
  createdAt?: string;
  version?: number;
  /** The team view flags a passed one; absent on records that never had one. */
  targetDate?: string | null;
  aspirationId?: string;
  acknowledgedVersion?: number;
}

/** Reads across many boards at once, each selecting the few fields its view needs. */
export interface BoardQueries {
  /** The aspirations and acknowledgements of these employees' boards, in one query over their partitions. */
  readTeamBoards(
    tenantId: string,
    employeeIds: string[],
  ): Promise<{ rows: TeamBoardRow[]; requestCharge: number }>;
  /**
   * The few fields of every aspiration and acknowledgement in a tenant that adoption counts: one
   * cross-partition query, admin-only and rare, and it never selects a title, a note or a comment.
   */
  readTenantAdoptionRows(tenantId: string): Promise<AdoptionBoardRow[]>;
}

export function createBoardQueries(boards: Container): BoardQueries {
  return {
    async readTeamBoards(tenantId, employeeIds) {
      if (employeeIds.length === 0) return { rows: [], requestCharge: 0 };
      // Routed to the team's partitions only, so the cost follows the team, not the container.
      const team = partitionKeyIn(employeeIds.map((id) => boardPartitionKey(tenantId, id)));
      const response = await boards.items
        .query<TeamBoardRow>({
          query: `SELECT c.type, c.pk, c.id, c.horizon, c.title, c.position, c.createdAt, c.version, c.targetDate, c.aspirationId, c.acknowledgedVersion FROM c WHERE ${team.clause} AND (c.type = 'aspiration' OR c.type = 'acknowledgement')`,
          parameters: team.parameters,
        })
        .fetchAll();
      return { rows: response.resources, requestCharge: response.requestCharge };
    },

    async readTenantAdoptionRows(tenantId) {
      const { resources } = await boards.items
        .query<AdoptionBoardRow>({
          query:
            "SELECT c.type, c.employeeId, c.id, c.version, c.aspirationId, c.acknowledgedVersion FROM c WHERE c.tenantId = @t AND (c.type = 'aspiration' OR c.type = 'acknowledgement')",
          parameters: [{ name: '@t', value: tenantId }],
        })
        .fetchAll();
      return resources;
    },
  };
}
