import type { HttpResponseInit } from '@azure/functions';

import { boardView } from '../../domain/board/boardView';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { logDeferred } from './boardHistory';
import { openBoard } from './openBoard';

/** GET boards/{employeeId}: the shared board, without anybody's private notes. */
export async function readBoard(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openBoard(input, 'read');
  const [{ records, unsettled }, sponsorships] = await Promise.all([
    input.services.boards.readBoard(board.tenantId, board.employeeId),
    input.services.sharing.listSponsorships(board.tenantId, board.employeeId),
  ]);
  logDeferred(input, unsettled);
  const view = boardView(
    records,
    { employee: board.employee, manager: board.manager },
    { id: board.caller.userId, role: board.role },
  );
  const sponsorshipOf = new Map(sponsorships.map((s) => [s.aspirationId, s]));
  for (const aspiration of view.aspirations) {
    const s = sponsorshipOf.get(aspiration.id);
    aspiration.sponsorship = s ? { by: s.by, at: s.at } : null;
  }
  return ok(view);
}
