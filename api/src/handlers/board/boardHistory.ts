import { randomUUID } from 'node:crypto';

import type { FieldChange } from '../../domain/board/aspirationRules';
import { summarise } from '../../domain/board/historySummaries';
import type { HistoryAction } from '../../domain/board/records';
import { boardPartitionKey } from '../../domain/board/records';
import type { Services } from '../../services';
import { actorOf } from './openBoard';
import type { OpenBoard } from './openBoard';

/** Records who changed what on a board, readable by both people. Never private notes. */
export async function recordHistory(
  services: Services,
  board: OpenBoard,
  action: HistoryAction,
  aspiration: { id: string; title: string } | null,
  changes: FieldChange[] = [],
): Promise<void> {
  await services.boards.appendHistory({
    type: 'history',
    id: randomUUID(),
    pk: boardPartitionKey(board.tenantId, board.employeeId),
    tenantId: board.tenantId,
    employeeId: board.employeeId,
    at: services.now().toISOString(),
    actor: actorOf(board),
    action,
    aspirationId: aspiration?.id ?? null,
    summary: summarise(action, aspiration?.title ?? '', changes),
    changes,
  });
}
