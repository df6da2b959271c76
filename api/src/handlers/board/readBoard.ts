import type { HttpResponseInit } from '@azure/functions';

import { boardView } from '../../domain/board/boardView';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { logDeferred } from './boardHistory';
import { openBoard } from './openBoard';

/** GET boards/{employeeId}: the shared board, without anybody's private notes. */
export async function readBoard(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'read');
  const { records, unsettled } = await input.services.boards.readBoard(
    board.tenantId,
    board.employeeId,
  );
  logDeferred(input, unsettled);
  return ok(
    boardView(
      records,
      { employee: board.employee, manager: board.manager },
      { id: board.caller.userId, role: board.role },
    ),
  );
}
