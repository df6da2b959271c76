import { randomUUID } from 'node:crypto';

import type { HttpResponseInit } from '@azure/functions';

import { commentInputSchema, LIMITS } from '../../contract/boardContract';
import { boardPartitionKey } from '../../domain/board/records';
import { Problem } from '../../http/problems';
import { jsonBody } from '../../http/requestParsing';
import type { CallerRouteInput } from '../../http/route';
import { aspirationResponse, loadAspiration } from './aspirationWrites';
import { recordHistory } from './boardHistory';
import { actorOf, openBoard } from './openBoard';

/** POST .../aspirations/{aspirationId}/comments: both people talk about an aspiration. */
export async function addComment(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'comment');
  const body = await jsonBody(input.request, commentInputSchema);
  const aspiration = await loadAspiration(input, board);
  const existing = await input.services.boards.listComments(
    board.tenantId,
    board.employeeId,
    aspiration.id,
  );
  if (existing.length >= LIMITS.commentsPerAspiration) {
    throw new Problem(
      'limit-exceeded',
      `An aspiration holds at most ${LIMITS.commentsPerAspiration} comments.`,
    );
  }
  await input.services.boards.createComment({
    type: 'comment',
    id: randomUUID(),
    pk: boardPartitionKey(board.tenantId, board.employeeId),
    tenantId: board.tenantId,
    employeeId: board.employeeId,
    aspirationId: aspiration.id,
    author: actorOf(board),
    text: body.text,
    createdAt: input.services.now().toISOString(),
  });
  await recordHistory(input.services, board, 'comment.added', aspiration);
  return aspirationResponse(input.services, board, aspiration, 201);
}
