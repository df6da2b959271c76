import type { HttpResponseInit } from '@azure/functions';

import type { AspirationView } from '../../contract/boardContract';
import { LimitReached } from '../../domain/board/aspirationRules';
import { aspirationView } from '../../domain/board/boardView';
import type { FieldChange } from '../../domain/board/aspirationRules';
import type { AspirationRecord, HistoryAction } from '../../domain/board/records';
import { boardPartitionKey } from '../../domain/board/records';
import { notFound, Problem } from '../../errors/problem';
import { etagMatches, toHttpEtag } from '../../domain/board/etags';
import { guidParam } from '../../http/requestParsing';
import { json } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import type { Services } from '../../services';
import { isStale, staleWrite } from '../../errors/storeOutcome';
import type { Stored } from '../../domain/stored';
import { historyEntry, settleHistory } from './boardHistory';
import { noticeFollowers } from '../sharing/changeNotices';
import { untilSaved } from './contention';
import type { OpenBoard } from './openBoard';

/** Shared steps of every write to one aspiration: load, check the ETag, apply a rule, save. */

export async function loadAspiration(
  input: CallerRouteInput,
  board: OpenBoard,
): Promise<Stored<AspirationRecord>> {
  const aspirationId = guidParam(input.request, 'aspirationId');
  const record = await input.services.boards.readAspiration(
    board.tenantId,
    board.employeeId,
    aspirationId,
  );
  if (!record)
    throw notFound('This aspiration does not exist on this board (it may have been deleted).');
  return record;
}

/** What a change to an aspiration says in the board's history. */
export interface HistoryNote {
  action: HistoryAction;
  changes?: FieldChange[];
}

/**
 * Applies `change` and saves with If-Match, the history entry inside the same write. With the
 * client's ETag, a stale one is refused (412). Without one (appending a step or evidence), a
 * concurrent write makes us re-read and re-apply (see contention.ts), which is safe because the
 * change is an append, never a blind overwrite; each attempt's entry is built anew, so a lost
 * attempt leaves no history behind.
 */
export async function changeAspiration<R>(
  input: CallerRouteInput,
  board: OpenBoard,
  ifMatch: string | null,
  change: (
    record: Stored<AspirationRecord>,
  ) => { record: AspirationRecord; result: R; history: HistoryNote } | null,
): Promise<{ saved: Stored<AspirationRecord>; result: R; before: Stored<AspirationRecord> }> {
  const attempt = async () => {
    const current = await loadAspiration(input, board);
    if (ifMatch !== null && !etagMatches(ifMatch, current._etag))
      throw staleWrite('This aspiration');
    const changed = guardLimits(() => change(current));
    if (changed === null) return { saved: current, result: undefined as R, before: current };
    const entry = historyEntry(
      input,
      board,
      changed.history.action,
      changed.record,
      changed.history.changes,
    );
    // Conditional on the version read, so the limits checked by `change` hold under concurrency.
    const written = await input.services.boards.replaceAspiration(
      { ...changed.record, pendingHistory: [...(current.pendingHistory ?? []), entry] },
      current._etag,
    );
    const saved = await settleHistory(input, written);
    return { saved, result: changed.result, before: current };
  };
  // The client's ETag decides: a stale one is the client's to resolve (412), never retried.
  const outcome = await (ifMatch === null ? untilSaved(attempt, isStale) : attempt());
  // Only a change that was written is news to the employee's sponsors and mentors.
  if (outcome.saved._etag !== outcome.before._etag)
    await noticeFollowers(input, board, outcome.saved.id);
  return outcome;
}

export function guardLimits<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof LimitReached) throw new Problem('limit-exceeded', error.message);
    throw error;
  }
}

export async function aspirationResponse(
  services: Services,
  board: OpenBoard,
  record: Stored<AspirationRecord>,
  status: number,
): Promise<HttpResponseInit> {
  return json(status, await viewOf(services, board, record), { ETag: toHttpEtag(record._etag) });
}

export async function viewOf(
  services: Services,
  board: OpenBoard,
  record: Stored<AspirationRecord>,
): Promise<AspirationView> {
  const [acknowledgement, comments] = await Promise.all([
    services.boards.readAcknowledgement(board.tenantId, board.employeeId, record.id),
    services.boards.listComments(board.tenantId, board.employeeId, record.id),
  ]);
  return aspirationView(record, acknowledgement ?? undefined, comments);
}

export const partitionOf = (board: OpenBoard) =>
  boardPartitionKey(board.tenantId, board.employeeId);
