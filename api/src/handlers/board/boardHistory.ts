import { randomUUID } from 'node:crypto';

import type { FieldChange } from '../../domain/board/aspirationRules';
import { summarise } from '../../domain/board/historySummaries';
import type { HistoryAction, HistoryRecord } from '../../domain/board/records';
import { boardPartitionKey } from '../../domain/board/records';
import type { CallerRouteInput } from '../../http/route';
import { codeSuffix } from '../../logging/logSafety';
import type { Stored } from '../../domain/stored';
import { actorOf } from './openBoard';
import type { OpenBoard } from './openBoard';

/**
 * Who changed what on a board, readable by both people; never private notes. An entry is built
 * before the write and stored inside the changed document (`pendingHistory`), so it exists exactly
 * when the change does; `settleHistory` then copies it to the history container.
 */
export function historyEntry(
  input: CallerRouteInput,
  board: OpenBoard,
  action: HistoryAction,
  aspiration: { id: string; title: string } | null,
  changes: FieldChange[] = [],
): HistoryRecord {
  return {
    type: 'history',
    id: randomUUID(),
    pk: boardPartitionKey(board.tenantId, board.employeeId),
    tenantId: board.tenantId,
    employeeId: board.employeeId,
    at: input.services.now().toISOString(),
    actor: actorOf(board),
    action,
    aspirationId: aspiration?.id ?? null,
    summary: summarise(action, aspiration?.title ?? '', changes),
    changes,
  };
}

/**
 * Copies the document's pending entries to history. The change is already saved, so a failure
 * here does not fail the request: the entry stays in the document and the next read of the board
 * or its history copies it. Logged with ids only.
 */
export async function settleHistory<
  T extends { id: string; pk: string; pendingHistory?: HistoryRecord[] },
>(input: CallerRouteInput, doc: Stored<T>): Promise<Stored<T>> {
  try {
    return await input.services.boards.flushHistory(doc);
  } catch (error) {
    logDeferred(input, 1, error);
    return doc;
  }
}

export function logDeferred(input: CallerRouteInput, count: number, error?: unknown): void {
  if (count === 0) return;
  const code = codeSuffix(error);
  input.context.warn(
    `${input.context.functionName}: ${count} history entr${count === 1 ? 'y' : 'ies'} or deletion steps deferred to the next read${code} (invocation ${input.context.invocationId})`,
  );
}
