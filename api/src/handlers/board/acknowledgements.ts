import type { HttpResponseInit } from '@azure/functions';

import { acknowledgementInputSchema } from '../../contract/boardContract';
import { etagMatches } from '../../domain/board/etags';
import { acknowledgementId, boardPartitionKey } from '../../domain/board/records';
import { aspirationAcknowledgedNotification } from '../../domain/notifications/activityFeed';
import { inPilotScope } from '../../domain/settings/pilotScope';
import { notFound, Problem } from '../../errors/problem';
import { jsonBody, requiredIfMatch } from '../../http/requestParsing';
import type { CallerRouteInput } from '../../http/route';
import { describeError, describeNotification } from '../../logging/logSafety';
import { staleWrite } from '../../errors/storeOutcome';
import { aspirationResponse, loadAspiration } from './aspirationWrites';
import { historyEntry, settleHistory } from './boardHistory';
import { actorOf, openBoard } from './openBoard';
import type { OpenBoard } from './openBoard';

const ATTEMPTS = 3;

/**
 * POST .../aspirations/{aspirationId}/acknowledgement with If-Match: the manager says "seen and
 * understood" about the version they were shown, optionally with what they will do. If-Match is
 * the aspiration's ETag as the manager loaded it (428 without, 412 if the employee changed it
 * since), so an edit the manager never saw is never marked as seen. Stored beside the aspiration,
 * recording that version, so acknowledging never invalidates the employee's ETag.
 *
 * The employee hears of it in their Teams activity feed (if they are in the tenant's pilot), once
 * per acknowledged version: the acknowledgement's own write claims the notice, so a retry or a
 * second acknowledgement of what they already heard about sends nothing. Best effort: a failure
 * to notify is logged by ids and outcome and never fails or undoes the acknowledgement.
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
  const pilot = await inPilot(input, board);
  let written = null;
  let notify = false;
  for (let attempt = 1; attempt <= ATTEMPTS && written === null; attempt++) {
    const current = await boards.readAcknowledgement(
      board.tenantId,
      board.employeeId,
      aspiration.id,
    );
    notify = pilot && current?.notifiedVersion !== aspiration.version;
    const notifiedVersion = notify ? aspiration.version : current?.notifiedVersion;
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
        ...(notifiedVersion === undefined ? {} : { notifiedVersion }),
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
  if (notify) await notifyEmployee(input, board, aspiration.id);
  return aspirationResponse(input.services, board, still, 200);
}

/**
 * Whether the employee is in the tenant's pilot, the only people notified. Reading the settings
 * or the org chart must not fail the acknowledgement: if either fails, there is no notice.
 */
async function inPilot(input: CallerRouteInput, board: OpenBoard): Promise<boolean> {
  try {
    const [{ settings }, person, members] = await Promise.all([
      input.services.settings.read(board.tenantId),
      input.services.directory.getPerson(board.tenantId, board.employeeId),
      input.services.orgChart.readPilotMembers(board.tenantId),
    ]);
    return person !== null && inPilotScope(settings.pilot, members, person.id);
  } catch (error) {
    input.context.warn(
      `${input.context.functionName}: pilot scope not read (${describeError(error)}), so no notification (invocation ${input.context.invocationId})`,
    );
    return false;
  }
}

/** No title, no note: the employee learns that an aspiration was acknowledged, and by whom. */
async function notifyEmployee(
  input: CallerRouteInput,
  board: OpenBoard,
  aspirationId: string,
): Promise<void> {
  const { config, notifier } = input.services;
  const notification = aspirationAcknowledgedNotification({
    employeeId: board.employeeId,
    managerName: actorOf(board).displayName,
    aspirationId,
    links: { appId: config.teamsAppId, tabPublicUrl: config.tabPublicUrl },
  });
  const outcome = await notifier.send(board.tenantId, notification);
  if (!outcome.sent) {
    input.context.warn(
      `${input.context.functionName}: ${describeNotification(board.tenantId, notification, outcome)} (invocation ${input.context.invocationId})`,
    );
  }
}
