import { randomUUID } from 'node:crypto';

import type { HttpResponseInit } from '@azure/functions';

import { aspirationInputSchema, aspirationPatchSchema, LIMITS } from '../../contract/boardContract';
import { createAspiration, updateAspiration } from '../../domain/board/aspirationRules';
import type { FieldChange } from '../../domain/board/aspirationRules';
import { etagMatches } from '../../domain/board/etags';
import { slotCandidates } from '../../domain/board/slots';
import { Problem } from '../../errors/problem';
import { jsonBody, requiredIfMatch } from '../../http/requestParsing';
import { noContent } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { staleWrite } from '../../errors/storeOutcome';
import {
  aspirationResponse,
  changeAspiration,
  guardLimits,
  loadAspiration,
} from './aspirationWrites';
import { historyEntry, logDeferred, settleHistory } from './boardHistory';
import { openBoard } from './openBoard';
import type { OpenBoard } from './openBoard';

const ids = { next: () => randomUUID() };

const boardFull = () =>
  new Problem(
    'limit-exceeded',
    `A board holds at most ${LIMITS.aspirationsPerBoard} aspirations. Delete or merge some before adding another.`,
  );

/**
 * POST boards/{employeeId}/aspirations. The limit is enforced by claiming one of the board's
 * numbered places before the aspiration is written (a create of a fixed id, which only one writer
 * can win), so concurrent POSTs can never take a board past it.
 */
export async function addAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const body = await jsonBody(input.request, aspirationInputSchema);
  const { services } = input;
  const { records, unsettled } = await services.boards.readBoard(board.tenantId, board.employeeId);
  logDeferred(input, unsettled);
  const draft = guardLimits(() =>
    createAspiration(body, board, records.aspirations, ids, services.now().toISOString()),
  );
  const slot = await claimPlace(input, board, draft.id, records.aspirations);
  let written;
  try {
    written = await services.boards.createAspiration({
      ...draft,
      slot,
      pendingHistory: [historyEntry(input, board, 'aspiration.created', draft)],
    });
  } catch (error) {
    await services.boards
      .releaseSlot(board.tenantId, board.employeeId, slot, draft.id)
      .catch(() => logDeferred(input, 1));
    throw error;
  }
  const saved = await settleHistory(input, written);
  const response = await aspirationResponse(services, board, saved, 201);
  return {
    ...response,
    headers: {
      ...(response.headers as Record<string, string>),
      Location: `${input.request.url.replace(/\/$/, '')}/${saved.id}`,
    },
  };
}

async function claimPlace(
  input: CallerRouteInput,
  board: OpenBoard,
  aspirationId: string,
  held: { slot?: number }[],
): Promise<number> {
  const { boards } = input.services;
  const candidates = slotCandidates(held);
  const owner = { tenantId: board.tenantId, employeeId: board.employeeId };
  const first = await boards.claimSlot(owner, aspirationId, candidates, input.services.now());
  if (first !== null) return first;
  // Every place we saw as free was taken: by writers racing us, or by writers that crashed
  // between claiming and creating. Free the latter, then try every place once more.
  const reclaimed = await boards.reclaimOrphanSlots(
    board.tenantId,
    board.employeeId,
    input.services.now(),
  );
  if (reclaimed === 0) throw boardFull();
  const retry = await boards.claimSlot(owner, aspirationId, candidates, input.services.now());
  if (retry === null) throw boardFull();
  return retry;
}

/** PATCH boards/{employeeId}/aspirations/{aspirationId} with If-Match */
export async function editAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = requiredIfMatch(input.request);
  const body = await jsonBody(input.request, aspirationPatchSchema);
  const now = input.services.now().toISOString();
  const { saved } = await changeAspiration<FieldChange[]>(input, board, ifMatch, (current) => {
    const updated = updateAspiration(current, body, now);
    if (updated.changes.length === 0) return null;
    const reorderOnly = updated.changes.every((c) => c.field === 'position');
    return {
      record: updated.record,
      result: updated.changes,
      history: {
        action: reorderOnly ? 'aspiration.reordered' : 'aspiration.updated',
        changes: updated.changes,
      },
    };
  });
  return aspirationResponse(input.services, board, saved, 200);
}

/**
 * DELETE boards/{employeeId}/aspirations/{aspirationId} with If-Match: explicit, by the owner.
 * Its acknowledgement and comments go with it (they are about it, and may be sensitive).
 */
export async function deleteAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'edit');
  const ifMatch = requiredIfMatch(input.request);
  const current = await loadAspiration(input, board);
  if (!etagMatches(ifMatch, current._etag)) throw staleWrite('This aspiration');
  const finished = await input.services.boards.deleteAspiration(
    current,
    historyEntry(input, board, 'aspiration.deleted', current),
    input.services.now().toISOString(),
  );
  if (!finished) logDeferred(input, 1);
  // Every sponsor's, mentor's and asked person's view is built from the board, so the aspiration
  // is gone from them already; this removes its threads and sponsorship and unnames it in shares.
  await input.services.sharing.forgetAspiration(board.tenantId, board.employeeId, current.id);
  return noContent();
}
