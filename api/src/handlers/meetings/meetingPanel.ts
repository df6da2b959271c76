import { createHash } from 'node:crypto';

import type { HttpResponseInit } from '@azure/functions';

import type { MeetingPanelView } from '../../contract/meetingContract';
import { boardView } from '../../domain/board/boardView';
import { isMeetingChatId, meetingChatIdOf } from '../../domain/conversations/meetingChat';
import type { ConversationRecord } from '../../domain/conversations/records';
import type { Stored } from '../../domain/stored';
import { forbidden, notFound, validation } from '../../errors/problem';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { logDeferred } from '../board/boardHistory';
import { openBoardOf } from '../board/openBoard';
import { conversationView } from '../conversations/conversations';

export const NOT_OURS =
  'This meeting was not booked by Career Board, so it has no board. Career Board books a career conversation for each employee and their manager every quarter; open the Career Board app to see yours.';
const NOT_THE_PAIR = 'This meeting’s board is seen only by the employee and their current manager.';
const OTHERS_PRESENT =
  'This meeting has people in it other than the employee and their manager, so the board is not shown here. Open it from the Career Board app instead.';

/**
 * GET meetings/{chatId}/panel: the board of the pair whose Career Board conversation this Teams
 * meeting is. The meeting's chat id only says where to look: the pair comes from the tenant's own
 * stored record booked in that meeting (by the chat id stored at booking); the caller must be that record's employee or the
 * manager it was booked with, who must still be the current manager; and Graph must say the
 * meeting chat holds exactly those two. Polled with If-None-Match: 304 while nothing changed.
 */
export async function readMeetingPanel(input: CallerRouteInput): Promise<HttpResponseInit> {
  const { caller, services, request } = input;
  const chatId = request.params.chatId ?? '';
  if (!isMeetingChatId(chatId)) {
    throw validation(
      'This is not a Teams meeting chat id (they look like 19:meeting_…@thread.v2).',
      [{ path: 'chatId', message: 'Invalid meeting chat id.' }],
    );
  }
  const record = newest(
    (await services.conversations.findByMeetingChat(caller.tenantId, chatId)).filter(
      (r) => r.status !== 'cancelled' && meetingChatIdOf(r.event?.joinUrl) === chatId,
    ),
  );
  if (!record) throw notFound(NOT_OURS);
  if (caller.userId !== record.employeeId && caller.userId !== record.managerId) {
    throw forbidden(NOT_THE_PAIR);
  }
  const board = await openBoardOf(input, record.employeeId, 'read');
  // A conversation booked with a former manager no longer opens the board, even for them.
  if (board.manager?.id !== record.managerId) throw forbidden(NOT_THE_PAIR);
  const members = await services.directory.getChatMembers(caller.tenantId, chatId);
  if (!members) throw notFound(NOT_OURS);
  const inChat = new Set(members.map((m) => m.userId.toLowerCase()));
  if (members.length !== 2 || !inChat.has(record.employeeId) || !inChat.has(record.managerId)) {
    throw forbidden(OTHERS_PRESENT);
  }

  const [{ records, unsettled }, all] = await Promise.all([
    services.boards.readBoard(board.tenantId, board.employeeId),
    services.conversations.listForEmployee(board.tenantId, board.employeeId),
  ]);
  logDeferred(input, unsettled);
  const panel: MeetingPanelView = {
    board: boardView(
      records,
      { employee: board.employee, manager: board.manager },
      { id: caller.userId, role: board.role },
    ),
    conversation: await conversationView(services, board, record),
    previousConversationEnd:
      all
        .filter((r) => r.status === 'held' && r.quarter < record.quarter && r.end)
        .map((r) => r.end!)
        .sort()
        .at(-1) ?? null,
    carriedActions: all
      .filter((r) => r.id !== record.id && r.status !== 'cancelled' && r.quarter < record.quarter)
      .sort((a, b) => a.quarter.localeCompare(b.quarter))
      .flatMap((r) =>
        r.actionItems
          .filter((a) => !a.done)
          .map((a) => ({
            conversationId: r.id,
            quarter: r.quarter,
            id: a.id,
            text: a.text,
            owner: a.owner,
          })),
      ),
  };
  const etag = `W/"${createHash('sha256').update(JSON.stringify(panel)).digest('base64url').slice(0, 27)}"`;
  const headers = { ETag: etag };
  if (ifNoneMatch(request.headers.get('if-none-match'), etag)) {
    return { status: 304, headers: { 'Cache-Control': 'no-store', ...headers } };
  }
  return ok(panel, headers);
}

function newest(records: Stored<ConversationRecord>[]): Stored<ConversationRecord> | null {
  return records.sort((a, b) => b.quarter.localeCompare(a.quarter))[0] ?? null;
}

/** RFC 9110 If-None-Match: a list of tags compared weakly, or `*`. */
function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}
