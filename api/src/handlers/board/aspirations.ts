import { randomUUID } from 'node:crypto';

import type { HttpResponseInit } from '@azure/functions';

import { aspirationInputSchema, aspirationPatchSchema } from '../../contract/boardContract';
import { createAspiration, updateAspiration } from '../../domain/board/aspirationRules';
import type { FieldChange } from '../../domain/board/aspirationRules';
import { etagMatches } from '../../domain/board/etags';
import { jsonBody, requiredIfMatch } from '../../http/requestParsing';
import { noContent } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { staleWrite } from '../../store/cosmosErrors';
import {
  aspirationResponse,
  changeAspiration,
  guardLimits,
  loadAspiration,
} from './aspirationWrites';
import { recordHistory } from './boardHistory';
import { openBoard } from './openBoard';

const ids = { next: () => randomUUID() };

/** POST boards/{employeeId}/aspirations */
export async function addAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const body = await jsonBody(input.request, aspirationInputSchema);
  const { services } = input;
  const { records } = await services.boards.readBoard(board.tenantId, board.employeeId);
  const record = guardLimits(() =>
    createAspiration(body, board, records.aspirations, ids, services.now().toISOString()),
  );
  const saved = await services.boards.createAspiration(record);
  await recordHistory(services, board, 'aspiration.created', saved);
  const response = await aspirationResponse(services, board, saved, 201);
  return {
    ...response,
    headers: {
      ...(response.headers as Record<string, string>),
      Location: `${input.request.url.replace(/\/$/, '')}/${saved.id}`,
    },
  };
}

/** PATCH boards/{employeeId}/aspirations/{aspirationId} with If-Match */
export async function editAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = requiredIfMatch(input.request);
  const body = await jsonBody(input.request, aspirationPatchSchema);
  const now = input.services.now().toISOString();
  const { saved, result } = await changeAspiration<FieldChange[]>(
    input,
    board,
    ifMatch,
    (current) => {
      const updated = updateAspiration(current, body, now);
      return updated.changes.length === 0
        ? null
        : { record: updated.record, result: updated.changes };
    },
  );
  if (result && result.length > 0) {
    const reorderOnly = result.every((c) => c.field === 'position');
    await recordHistory(
      input.services,
      board,
      reorderOnly ? 'aspiration.reordered' : 'aspiration.updated',
      saved,
      result,
    );
  }
  return aspirationResponse(input.services, board, saved, 200);
}

/** DELETE boards/{employeeId}/aspirations/{aspirationId} with If-Match: explicit, by the owner. */
export async function deleteAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = requiredIfMatch(input.request);
  const current = await loadAspiration(input, board);
  if (!etagMatches(ifMatch, current._etag)) throw staleWrite('This aspiration');
  await input.services.boards.deleteAspiration(
    board.tenantId,
    board.employeeId,
    current.id,
    current._etag,
  );
  await recordHistory(input.services, board, 'aspiration.deleted', current);
  return noContent();
}
