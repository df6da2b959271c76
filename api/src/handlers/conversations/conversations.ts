import { randomUUID } from 'node:crypto';

import type { HttpResponseInit } from '@azure/functions';

import { conversationPatchSchema } from '../../contract/conversationContract';
import type { ConversationView } from '../../contract/conversationContract';
import { etagMatches, toHttpEtag } from '../../domain/board/etags';
import { conversationPrivateNotesId } from '../../domain/conversations/records';
import type { ConversationRecord } from '../../domain/conversations/records';
import { notFound, validation } from '../../errors/problem';
import { jsonBody, requiredIfMatch } from '../../http/requestParsing';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import type { Services } from '../../services';
import type { Stored } from '../../domain/stored';
import { staleWrite } from '../../errors/storeOutcome';
import { openBoard } from '../board/openBoard';
import type { OpenBoard } from '../board/openBoard';

/** GET boards/{employeeId}/conversations: every conversation of this employee, newest first. */
export async function listConversations(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'read');
  const records = await input.services.conversations.listForEmployee(
    board.tenantId,
    board.employeeId,
  );
  const views = await Promise.all(
    records
      .filter((r) => r.status !== 'cancelled')
      .map((r) => conversationView(input.services, board, r)),
  );
  return ok({ conversations: views });
}

/**
 * PATCH boards/{employeeId}/conversations/{conversationId}: shared notes and agreed actions (If-Match,
 * both people write them) and the caller's private notes (theirs alone, stored apart).
 */
export async function updateConversation(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'comment');
  const id = conversationIdParam(input);
  const body = await jsonBody(input.request, conversationPatchSchema);
  const sharesChange = body.sharedNotes !== undefined || body.actionItems !== undefined;
  const ifMatch = sharesChange ? requiredIfMatch(input.request) : null;
  const { services } = input;
  let record = await services.conversations.read(board.tenantId, board.employeeId, id);
  if (!record || record.status === 'cancelled')
    throw notFound('This conversation does not exist on this board.');
  const now = services.now().toISOString();
  if (sharesChange) {
    if (!etagMatches(ifMatch!, record._etag)) throw staleWrite('This conversation');
    const next: ConversationRecord = {
      ...record,
      sharedNotes: body.sharedNotes ?? record.sharedNotes,
      actionItems: body.actionItems
        ? body.actionItems.map((a) => ({
            id: a.id ?? randomUUID(),
            text: a.text,
            owner: a.owner,
            dueDate: a.dueDate ?? null,
            done: a.done,
          }))
        : record.actionItems,
      updatedAt: now,
    };
    record = await services.conversations.replace(next, record._etag);
    // Open actions are carried over into the next invite's agenda.
    if (body.actionItems !== undefined)
      await services.boards.markAgendaChanged(board.tenantId, board.employeeId, now);
  }
  if (body.privateNotes !== undefined) {
    await services.conversations.upsertPrivateNotes({
      type: 'conversation-private-notes',
      id: conversationPrivateNotesId(record.id, board.caller.userId),
      pk: record.pk,
      tenantId: board.tenantId,
      employeeId: board.employeeId,
      conversationId: record.id,
      authorId: board.caller.userId,
      text: body.privateNotes,
      updatedAt: now,
    });
  }
  const result = await conversationView(services, board, record);
  return ok(result, { ETag: result.etag });
}

/** The conversation id in the route, checked and normalised (lower-case manager id). */
export function conversationIdParam(input: CallerRouteInput): string {
  const match = /^(\d{4})-Q([1-4])-([0-9a-f-]{36})$/i.exec(
    input.request.params.conversationId ?? '',
  );
  if (!match) {
    throw validation('This is not a conversation id (they look like 2026-Q4-<manager id>).', [
      { path: 'conversationId', message: 'Invalid id.' },
    ]);
  }
  return `${match[1]}-Q${match[2]}-${match[3].toLowerCase()}`;
}

/** One conversation as `board.caller` sees it: their own private notes, nobody else's. */
export async function conversationView(
  services: Services,
  board: OpenBoard,
  record: Stored<ConversationRecord>,
): Promise<ConversationView> {
  const mine = await services.conversations.readPrivateNotes(
    board.tenantId,
    board.employeeId,
    conversationPrivateNotesId(record.id, board.caller.userId),
  );
  return {
    id: record.id,
    quarter: record.quarter,
    status: record.status,
    unbooked: record.unbooked ?? null,
    stretch: record.stretch ?? null,
    reason: record.reason,
    manager: { id: record.managerId },
    start: record.start,
    end: record.end,
    joinUrl: record.event?.joinUrl ?? null,
    attempt: record.attempt,
    sharedNotes: record.sharedNotes,
    actionItems: record.actionItems,
    notesRequested: record.notesRequested,
    privateNotes: mine && mine.authorId === board.caller.userId ? mine.text : '',
    etag: toHttpEtag(record._etag),
    log: record.log,
  };
}
