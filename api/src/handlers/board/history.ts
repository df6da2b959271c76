import type { HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { HistoryEntryView } from '../../contract/boardContract';
import { decodeCursor, encodeCursor, refuseCursor } from '../../http/cursors';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { logDeferred } from './boardHistory';
import { openBoard } from './openBoard';

const PAGE = 100;

/** How far ahead of this clock a cursor's instant may be (clocks of API instances differ). */
const CLOCK_SKEW_MS = 60_000;

/**
 * Exactly what `encodeCursor` below writes: the board it pages, a timestamp of an entry already
 * sent, and the ids already sent at it. The instant must be a real one and not in the future, and
 * the board the one being read: a cursor that fails either was not issued here for this board.
 */
const historyCursorSchema = z.strictObject({
  board: z.string().min(1).max(200),
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    .refine((at) => {
      const instant = new Date(at);
      return (
        !Number.isNaN(instant.getTime()) &&
        instant.toISOString() === at &&
        instant.getTime() <= Date.now() + CLOCK_SKEW_MS
      );
    }),
  skip: z
    .array(z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/))
    .min(1)
    .max(1000),
});

/** GET boards/{employeeId}/history: every change, newest first, paged with `?cursor=`. */
export async function readHistory(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'read');
  const cursor = decodeCursor(input.request.query.get('cursor'), historyCursorSchema);
  if (cursor && cursor.board !== board.employeeId) throw refuseCursor();
  const after = cursor && { at: cursor.at, skip: cursor.skip };
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
  return ok({
    entries,
    nextCursor: page.next ? encodeCursor({ board: board.employeeId, ...page.next }) : null,
  });
}
