import type { HttpResponseInit } from '@azure/functions';

import { acknowledgementInputSchema } from '../../contract/boardContract';
import { etagMatches } from '../../domain/board/etags';
import { acknowledgementId, boardPartitionKey } from '../../domain/board/records';
import { notFound, Problem } from '../../http/problems';
import { jsonBody, requiredIfMatch } from '../../http/requestParsing';
import type { CallerRouteInput } from '../../http/route';
import { staleWrite } from '../../store/cosmosErrors';
import { aspirationResponse, loadAspiration } from './aspirationWrites';
import { historyEntry, settleHistory } from './boardHistory';
import { actorOf, openBoard } from './openBoard';

const ATTEMPTS = 3;

/**
 * POST .../aspirations/{aspirationId}/acknowledgement with If-Match: the manager says "seen and
 * understood" about the version they were shown, optionally with what they will do. If-Match is
 * the aspiration's ETag as the manager loaded it (428 without, 412 if the employee changed it
 * since), so an edit the manager never saw is never marked as seen. Stored beside the aspiration,
 * recording that version, so acknowledging never invalidates the employee's ETag.
 */
export async function acknowledgeAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'acknowledge');
  const ifMatch = requiredIfMatch(input.request);
  const body = await jsonBody(input.request, acknowledgementInputSchema);
  const { boards } = input.services;
  const aspiration = await loadAspiration(input, board);
  if (!etagMatches(ifMatch, aspiration._etag)) throw staleWrite('This aspiration');
  const note = body.note && body.note.length > 0 ? body.note : null;
  const entry = historyEntry(
    input,
    board,
    'aspiration.acknowledged',
    aspiration,
    note ? [{ field: 'note', from: null, to: note }] : [],
  );
  let written = null;
  for (let attempt = 1; attempt <= ATTEMPTS && written === null; attempt++) {
    const current = await boards.readAcknowledgement(
      board.tenantId,
      board.employeeId,
      aspiration.id,
    );
    written = await boards.writeAcknowledgement(
      {
        type: 'acknowledgement',
        id: acknowledgementId(aspiration.id),
        pk: boardPartitionKey(board.tenantId, board.employeeId),
        tenantId: board.tenantId,
        employeeId: board.employeeId,
        aspirationId: aspiration.id,
        by: actorOf(board),
        at: input.services.now().toISOString(),
        note,
        // The version behind the ETag the manager sent, not whatever is stored by now.
        acknowledgedVersion: aspiration.version,
        pendingHistory: [...(current?.pendingHistory ?? []), entry],
      },
      current?._etag ?? null,
    );
  }
  if (written === null) {
    throw new Problem(
      'conflict',
      'Another acknowledgement of this aspiration was saved at the same moment. Reload and try again.',
    );
  }
  // Deleted while we wrote: take the acknowledgement back rather than leave it (or its history
  // entry) behind for an aspiration that no longer exists.
  const still = await boards.readAspiration(board.tenantId, board.employeeId, aspiration.id);
  if (!still) {
    await boards.deleteAcknowledgement(board.tenantId, board.employeeId, aspiration.id);
    throw notFound('This aspiration was deleted meanwhile.');
  }
  await settleHistory(input, written);
  return aspirationResponse(input.services, board, still, 200);
}
