import type { HttpResponseInit } from '@azure/functions';

import { acknowledgementInputSchema } from '../../contract/boardContract';
import { acknowledgementId, boardPartitionKey } from '../../domain/board/records';
import { jsonBody } from '../../http/requestParsing';
import type { CallerRouteInput } from '../../http/route';
import { aspirationResponse, loadAspiration } from './aspirationWrites';
import { recordHistory } from './boardHistory';
import { actorOf, openBoard } from './openBoard';

/**
 * POST .../aspirations/{aspirationId}/acknowledgement: the manager says "seen and understood",
 * optionally with what they will do. Stored beside the aspiration, recording the version seen,
 * so it never races with the employee's edits.
 */
export async function acknowledgeAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'acknowledge');
  const body = await jsonBody(input.request, acknowledgementInputSchema);
  const aspiration = await loadAspiration(input, board);
  const note = body.note && body.note.length > 0 ? body.note : null;
  await input.services.boards.upsertAcknowledgement({
    type: 'acknowledgement',
    id: acknowledgementId(aspiration.id),
    pk: boardPartitionKey(board.tenantId, board.employeeId),
    tenantId: board.tenantId,
    employeeId: board.employeeId,
    aspirationId: aspiration.id,
    by: actorOf(board),
    at: input.services.now().toISOString(),
    note,
    acknowledgedVersion: aspiration.version,
  });
  await recordHistory(
    input.services,
    board,
    'aspiration.acknowledged',
    aspiration,
    note ? [{ field: 'note', from: null, to: note }] : [],
  );
  return aspirationResponse(input.services, board, aspiration, 200);
}
