import type { HttpResponseInit } from '@azure/functions';

import { privateNotesInputSchema } from '../../contract/boardContract';
import type { PrivateNotesView } from '../../contract/boardContract';
import { etagMatches, toHttpEtag } from '../../domain/board/etags';
import { boardPartitionKey, privateNotesId } from '../../domain/board/records';
import { Problem } from '../../errors/problem';
import { jsonBody, optionalIfMatch } from '../../http/requestParsing';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { staleWrite } from '../../errors/storeOutcome';
import { openBoard } from './openBoard';

/**
 * GET/PUT boards/{employeeId}/notes: the caller's own private notes on this board. The document id
 * carries the author, and only the author's id is ever looked up, so nobody reads another's notes.
 * Notes leave no history entry: history is shared.
 */
export async function readPrivateNotes(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'private-notes');
  const notes = await input.services.boards.readPrivateNotes(
    board.tenantId,
    board.employeeId,
    board.caller.userId,
  );
  const view: PrivateNotesView = notes
    ? { text: notes.text, updatedAt: notes.updatedAt, etag: toHttpEtag(notes._etag) }
    : { text: '', updatedAt: null, etag: null };
  return ok(view, notes ? { ETag: toHttpEtag(notes._etag) } : {});
}

export async function writePrivateNotes(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'private-notes');
  const ifMatch = optionalIfMatch(input.request);
  const body = await jsonBody(input.request, privateNotesInputSchema);
  const current = await input.services.boards.readPrivateNotes(
    board.tenantId,
    board.employeeId,
    board.caller.userId,
  );
  // The first notes have no ETag to send; replacing notes needs the one last read, so a save from
  // another window or device is never overwritten blind.
  if (ifMatch === null && current) throw notesPreconditionRequired();
  if (ifMatch !== null && (!current || !etagMatches(ifMatch, current._etag)))
    throw staleWrite('Your notes');
  // Conditional on what was just read too, so a concurrent first save is reported, never lost.
  const saved = await input.services.boards.writePrivateNotes(
    {
      type: 'private-notes',
      id: privateNotesId(board.caller.userId),
      pk: boardPartitionKey(board.tenantId, board.employeeId),
      tenantId: board.tenantId,
      employeeId: board.employeeId,
      authorId: board.caller.userId,
      text: body.text,
      updatedAt: input.services.now().toISOString(),
    },
    current?._etag ?? null,
  );
  const view: PrivateNotesView = {
    text: saved.text,
    updatedAt: saved.updatedAt,
    etag: toHttpEtag(saved._etag),
  };
  return ok(view, { ETag: toHttpEtag(saved._etag) });
}

const notesPreconditionRequired = () =>
  new Problem(
    'precondition-required',
    'Your notes already exist: send the If-Match header with the ETag you last read, so a save made elsewhere is never overwritten.',
  );
