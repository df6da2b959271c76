import type { HttpResponseInit } from '@azure/functions';

import { shareInputSchema, SHARING_LIMITS } from '../../contract/sharingContract';
import type { SharesView } from '../../contract/sharingContract';
import { boardSharedNotification } from '../../domain/notifications/activityFeed';
import type { ShareRecord } from '../../domain/sharing/records';
import { shareId, sharingPartitionKey } from '../../domain/sharing/records';
import { unknownAspirations } from '../../domain/sharing/shareRule';
import { notFound, Problem, validation } from '../../errors/problem';
import { guidParam, jsonBody } from '../../http/requestParsing';
import { created, noContent, ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { openOwnBoard, requireTarget } from './sharingAccess';
import { notifyInPilot, teamsLinks } from './sharingNotices';
import { shareView, threadView } from '../../domain/sharing/sharingViews';

/** GET boards/{employeeId}/shares: the employee's "who can see what", shares and questions. */
export async function listShares(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openOwnBoard(input);
  const [shares, threads] = await Promise.all([
    input.services.sharing.listShares(board.tenantId, board.employeeId),
    input.services.sharing.listThreads(board.tenantId, board.employeeId),
  ]);
  const view: SharesView = {
    shares: shares
      .map(shareView)
      .sort((a, b) => a.person.displayName.localeCompare(b.person.displayName)),
    advice: threads.map(threadView).sort((a, b) => b.askedAt.localeCompare(a.askedAt)),
  };
  return ok(view);
}

/**
 * POST boards/{employeeId}/shares: the employee shares the whole board, or chosen aspirations,
 * with a colleague as sponsor or mentor. One share per person (created under a fixed id, so a
 * retry or a double click is a 409, never a second share or a second notification); to change
 * what a person sees, revoke and share again.
 */
export async function createShare(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openOwnBoard(input);
  const body = await jsonBody(input.request, shareInputSchema);
  const { sharing, boards } = input.services;
  if (board.manager && body.personId === board.manager.id)
    throw validation(
      `${board.manager.displayName} is your manager and already sees your whole board.`,
      [{ path: 'personId', message: 'Your manager already sees your board.' }],
    );
  const person = await requireTarget(input, board.employeeId, body.personId);
  const aspirationIds = body.aspirationIds ? [...new Set(body.aspirationIds)] : null;
  if (aspirationIds) {
    const { records } = await boards.readBoard(board.tenantId, board.employeeId);
    const missing = unknownAspirations(
      aspirationIds,
      new Set(records.aspirations.map((a) => a.id)),
    );
    if (missing.length > 0)
      throw validation(
        'Some of the chosen aspirations are not on your board any more. Reload and choose again.',
        [{ path: 'aspirationIds', message: `Not on the board: ${missing.join(', ')}` }],
      );
  }
  const existing = await sharing.listShares(board.tenantId, board.employeeId);
  if (existing.some((s) => s.viewer.id === person.id)) throw duplicate(person.displayName);
  if (existing.length >= SHARING_LIMITS.sharesPerBoard)
    throw new Problem(
      'limit-exceeded',
      `A board can be shared with at most ${SHARING_LIMITS.sharesPerBoard} people. Revoke a share you no longer need first.`,
    );
  const now = input.services.now().toISOString();
  const record: ShareRecord = {
    type: 'share',
    id: shareId(person.id),
    pk: sharingPartitionKey(board.tenantId, board.employeeId),
    tenantId: board.tenantId,
    employeeId: board.employeeId,
    viewer: person,
    relationship: body.relationship,
    aspirationIds,
    createdAt: now,
  };
  // The entry in the viewer's "shared with me" first: left alone it grants nothing, because the
  // list checks every entry against the share itself.
  await sharing.addInbound(board.tenantId, person.id, board.employeeId, now);
  if (!(await sharing.createShare(record))) throw duplicate(person.displayName);
  await notifyInPilot(
    input,
    boardSharedNotification({
      viewerId: person.id,
      employee: board.employee,
      links: teamsLinks(input),
    }),
  );
  return created(shareView(record));
}

/** DELETE boards/{employeeId}/shares/{personId}: revoked at once, for the very next request. */
export async function revokeShare(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openOwnBoard(input);
  const personId = guidParam(input.request, 'personId');
  const { sharing } = input.services;
  if (!(await sharing.deleteShare(board.tenantId, board.employeeId, personId)))
    throw notFound('This board is not shared with this person (the share may be revoked already).');
  const threads = await sharing.listThreads(board.tenantId, board.employeeId);
  // Questions asked of the same person still show them those aspirations: keep their entry then.
  if (!threads.some((t) => t.person.id === personId && t.question !== null))
    await sharing.removeInbound(board.tenantId, personId, board.employeeId);
  return noContent();
}

const duplicate = (name: string) =>
  new Problem(
    'conflict',
    `Your board is already shared with ${name}. To change what they see, revoke the share and share again.`,
  );
