import type { HttpResponseInit } from '@azure/functions';

import type { SponsorshipView } from '../../contract/sharingContract';
import type { SponsorshipRecord } from '../../domain/sharing/records';
import { sharingPartitionKey, sponsorshipId } from '../../domain/sharing/records';
import { forbidden, notFound } from '../../errors/problem';
import { noContent, ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { loadAspiration } from '../board/aspirationWrites';
import { actorOf, openBoard } from '../board/openBoard';
import type { OpenBoard } from '../board/openBoard';

async function openAsManager(input: CallerRouteInput): Promise<OpenBoard> {
  const board = await openBoard(input, 'read');
  if (board.role !== 'manager')
    throw forbidden(
      `Only ${board.employee.displayName}'s current manager can commit to sponsor their aspirations here.`,
    );
  return board;
}

/**
 * PUT .../aspirations/{aspirationId}/sponsorship: the manager's "I will sponsor this", a
 * commitment the employee sees and the invite's agenda shows, apart from acknowledging. Saying it
 * again keeps one record (fixed id, upsert), so a retry never doubles it.
 */
export async function sponsorAspiration(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openAsManager(input);
  const aspiration = await loadAspiration(input, board);
  const record: SponsorshipRecord = {
    type: 'sponsorship',
    id: sponsorshipId(aspiration.id),
    pk: sharingPartitionKey(board.tenantId, board.employeeId),
    tenantId: board.tenantId,
    employeeId: board.employeeId,
    aspirationId: aspiration.id,
    by: actorOf(board),
    at: input.services.now().toISOString(),
  };
  await input.services.sharing.writeSponsorship(record);
  // Deleted while we wrote: take it back rather than leave a commitment to nothing.
  if (
    !(await input.services.boards.readAspiration(board.tenantId, board.employeeId, aspiration.id))
  ) {
    await input.services.sharing.deleteSponsorship(board.tenantId, board.employeeId, aspiration.id);
    throw notFound('This aspiration was deleted meanwhile.');
  }
  const view: SponsorshipView = { by: record.by, at: record.at };
  return ok(view);
}

/** DELETE .../aspirations/{aspirationId}/sponsorship: the manager withdraws the commitment. */
export async function withdrawSponsorship(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openAsManager(input);
  const aspiration = await loadAspiration(input, board);
  await input.services.sharing.deleteSponsorship(board.tenantId, board.employeeId, aspiration.id);
  return noContent();
}
