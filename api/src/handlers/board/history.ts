import type { HttpResponseInit } from '@azure/functions';

import type { HistoryEntryView } from '../../contract/boardContract';
import { validation } from '../../http/problems';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { cosmosStatus } from '../../store/cosmosErrors';
import { openBoard } from './openBoard';

const PAGE = 100;

/** GET boards/{employeeId}/history: every change, newest first, paged with `?cursor=`. */
export async function readHistory(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'read');
  const cursor = input.request.query.get('cursor');
  let continuation: string | undefined;
  if (cursor) {
    continuation = Buffer.from(cursor, 'base64url').toString('utf8');
  }
  const page = await input.services.boards
    .readHistory(board.tenantId, board.employeeId, PAGE, continuation)
    .catch((error: unknown) => {
      if (continuation !== undefined && cosmosStatus(error) === 400) {
        throw validation('The cursor is not one this API returned; start again without it.', [
          { path: 'cursor', message: 'Invalid cursor.' },
        ]);
      }
      throw error;
    });
  const entries: HistoryEntryView[] = page.entries.map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    aspirationId: e.aspirationId,
    summary: e.summary,
    changes: e.changes,
  }));
  return ok({
    entries,
    nextCursor: page.continuation ? Buffer.from(page.continuation).toString('base64url') : null,
  });
}
