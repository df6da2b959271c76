import type { HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { HistoryEntryView } from '../../contract/boardContract';
import { decodeCursor, encodeCursor } from '../../http/cursors';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { logDeferred } from './boardHistory';
import { openBoard } from './openBoard';

const PAGE = 100;

/** Exactly what `encodeCursor` below writes: a timestamp and the ids already sent at it. */
const historyCursorSchema = z.strictObject({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  skip: z
    .array(z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/))
    .min(1)
    .max(1000),
});

/** GET boards/{employeeId}/history: every change, newest first, paged with `?cursor=`. */
export async function readHistory(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'read');
  const after = decodeCursor(input.request.query.get('cursor'), historyCursorSchema);
  const page = await input.services.boards.readHistory(
    board.tenantId,
    board.employeeId,
    PAGE,
    after,
  );
  logDeferred(input, page.unsettled);
  const entries: HistoryEntryView[] = page.entries.map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    aspirationId: e.aspirationId,
    summary: e.summary,
    changes: e.changes,
  }));
  return ok({ entries, nextCursor: page.next ? encodeCursor(page.next) : null });
}
