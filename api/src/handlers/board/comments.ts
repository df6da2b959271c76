import type { HttpResponseInit } from '@azure/functions';

import { commentInputSchema, LIMITS } from '../../contract/boardContract';
import { boardPartitionKey, commentId } from '../../domain/board/records';
import { notFound, Problem } from '../../errors/problem';
import { jsonBody } from '../../http/requestParsing';
import type { CallerRouteInput } from '../../http/route';
import { aspirationResponse, loadAspiration } from './aspirationWrites';
import { historyEntry, settleHistory } from './boardHistory';
import { actorOf, openBoard } from './openBoard';

/**
 * POST .../aspirations/{aspirationId}/comments: both people talk about an aspiration. Comments are
 * numbered (commentId) and each number can be created once, so concurrent posts never exceed the
 * limit: there are only `LIMITS.commentsPerAspiration` numbers to take.
 */
export async function addComment(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'comment');
  const body = await jsonBody(input.request, commentInputSchema);
  const { boards } = input.services;
  const aspiration = await loadAspiration(input, board);
  const entry = historyEntry(input, board, 'comment.added', aspiration);
  const existing = await boards.listComments(board.tenantId, board.employeeId, aspiration.id);
  let index = nextIndex(
    aspiration.id,
    existing.map((c) => c.id),
  );
  let written = null;
  // A number taken meanwhile (409) means the next one may be free: every refusal is someone else's
  // comment saved, so this ends at a free number or at the limit, never past it.
  while (written === null) {
    if (index >= LIMITS.commentsPerAspiration) {
      throw new Problem(
        'limit-exceeded',
        `An aspiration holds at most ${LIMITS.commentsPerAspiration} comments.`,
      );
    }
    written = await boards.createComment({
      type: 'comment',
      id: commentId(aspiration.id, index),
      pk: boardPartitionKey(board.tenantId, board.employeeId),
      tenantId: board.tenantId,
      employeeId: board.employeeId,
      aspirationId: aspiration.id,
      author: actorOf(board),
      text: body.text,
      createdAt: input.services.now().toISOString(),
      pendingHistory: [entry],
    });
    index++;
  }
  // Deleted while we wrote: take the comment back rather than leave it behind.
  const still = await boards.readAspiration(board.tenantId, board.employeeId, aspiration.id);
  if (!still) {
    await boards.deleteComment(board.tenantId, board.employeeId, written.id);
    throw notFound('This aspiration was deleted meanwhile.');
  }
  await settleHistory(input, written);
  return aspirationResponse(input.services, board, still, 201);
}

/** The next free number: after the count (older comments have GUIDs) and after every numbered one. */
function nextIndex(aspirationId: string, ids: string[]): number {
  const prefix = commentId(aspirationId, 0).slice(0, -1);
  let next = ids.length;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n)) next = Math.max(next, n + 1);
  }
  return next;
}
