import type { Container, SqlQuerySpec } from '@azure/cosmos';

import type {
  AcknowledgementRecord,
  AspirationRecord,
  AspirationTombstone,
  CommentRecord,
  HistoryRecord,
} from '../../domain/board/records';
import { boardPartitionKey } from '../../domain/board/records';
import type { Stored } from '../../domain/stored';
import { isNotFound } from '../cosmosErrors';

/**
 * What every board aggregate shares: one board's documents live in one partition of `boards`
 * (aspirations, their places, acknowledgements, comments, private notes, tombstones); the entries
 * of its history live in the same partition of `history`.
 */

/** A document that may carry history entries not yet copied to the history container. */
export type Carrier = { id: string; pk: string; pendingHistory?: HistoryRecord[] };

/** The documents one board query returns: everything a reader is shown, plus tombstones. */
export type BoardDoc =
  | Stored<AspirationRecord>
  | Stored<AcknowledgementRecord>
  | Stored<CommentRecord>
  | Stored<AspirationTombstone>;

export function boardItem(boards: Container, tenantId: string, employeeId: string, id: string) {
  return boards.item(id, boardPartitionKey(tenantId, employeeId));
}

export async function deleteIfPresent(
  boards: Container,
  tenantId: string,
  employeeId: string,
  id: string,
): Promise<void> {
  try {
    await boardItem(boards, tenantId, employeeId, id).delete();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** The query for an aspiration's comments: whole documents, or their ids only. */
export function commentsQuery(
  pk: string,
  aspirationId: string,
  select: '*' | 'c.id',
): SqlQuerySpec {
  return {
    query: `SELECT ${select} FROM c WHERE c.pk = @pk AND c.type = 'comment' AND c.aspirationId = @id`,
    parameters: [
      { name: '@pk', value: pk },
      { name: '@id', value: aspirationId },
    ],
  };
}

/** Counts instead of throwing: a read answers with what is stored and leaves the rest for later. */
export async function attempt(work: Promise<unknown>): Promise<number> {
  try {
    await work;
    return 0;
  } catch {
    return 1;
  }
}

export const sum = (counts: number[]): number => counts.reduce((a, b) => a + b, 0);
