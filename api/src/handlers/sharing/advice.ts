import type { HttpResponseInit } from '@azure/functions';

import {
  adviceInputSchema,
  adviceReplySchema,
  SHARING_LIMITS,
} from '../../contract/sharingContract';
import {
  adviceAnsweredNotification,
  adviceRequestedNotification,
} from '../../domain/notifications/activityFeed';
import type { AdviceThreadRecord } from '../../domain/sharing/records';
import { sharingPartitionKey, threadId } from '../../domain/sharing/records';
import { mayRead } from '../../domain/sharing/shareRule';
import type { Stored } from '../../domain/stored';
import { forbidden, notFound, Problem } from '../../errors/problem';
import { guidParam, jsonBody } from '../../http/requestParsing';
import { created } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { openOwnBoard, openSharedBoard, requireTarget } from './sharingAccess';
import { notifyInPilot, teamsLinks } from './sharingNotices';
import { threadView } from '../../domain/sharing/sharingViews';

const ATTEMPTS = 3;

/**
 * POST .../aspirations/{aspirationId}/advice: the employee asks a named colleague a specific
 * question about one aspiration. The asked person sees that aspiration and the question, nothing
 * else of the board. One thread per person and aspiration (fixed id): asking again is a 409.
 */
export async function askAdvice(input: CallerRouteInput): Promise<HttpResponseInit> {
  const board = await openOwnBoard(input);
  const aspirationId = guidParam(input.request, 'aspirationId');
  const body = await jsonBody(input.request, adviceInputSchema);
  const { sharing, boards } = input.services;
  const aspiration = await boards.readAspiration(board.tenantId, board.employeeId, aspirationId);
  if (!aspiration)
    throw notFound('This aspiration is not on your board (it may have been deleted).');
  const person = await requireTarget(input, board.employeeId, body.personId);
  const now = input.services.now().toISOString();
  const record: AdviceThreadRecord = {
    type: 'advice-thread',
    id: threadId(aspiration.id, person.id),
    pk: sharingPartitionKey(board.tenantId, board.employeeId),
    tenantId: board.tenantId,
    employeeId: board.employeeId,
    aspirationId: aspiration.id,
    person: { id: person.id, displayName: person.displayName },
    question: body.question,
    askedAt: now,
    messages: [],
    firstAnsweredAt: null,
  };
  await sharing.addInbound(board.tenantId, person.id, board.employeeId, now);
  if (!(await sharing.createThread(record)))
    throw new Problem(
      'conflict',
      `You already have a thread with ${person.displayName} on this aspiration. Continue it there.`,
    );
  // Deleted while we asked: take the question back rather than leave it pointing at nothing.
  if (!(await boards.readAspiration(board.tenantId, board.employeeId, aspiration.id))) {
    await sharing.forgetAspiration(board.tenantId, board.employeeId, aspiration.id);
    throw notFound('This aspiration was deleted meanwhile.');
  }
  await notifyInPilot(
    input,
    adviceRequestedNotification({
      personId: person.id,
      employee: board.employee,
      threadKey: record.id,
      links: teamsLinks(input),
    }),
  );
  return created(threadView(record));
}

/**
 * POST .../aspirations/{aspirationId}/advice/{personId}/replies: one message in the thread between
 * the employee and `personId`. The person answers a question asked of them, or (as sponsor or
 * mentor with the aspiration shared) comments, which starts their thread; the employee replies in
 * a thread that exists. Nobody else writes here: not the manager, not another sponsor.
 */
export async function replyAdvice(input: CallerRouteInput): Promise<HttpResponseInit> {
  const { caller, services, request } = input;
  const employeeId = guidParam(request, 'employeeId');
  const personId = guidParam(request, 'personId');
  const aspirationId = guidParam(request, 'aspirationId');
  let tenantId: string;
  let canStart = false;
  if (caller.userId === employeeId) {
    tenantId = (await openOwnBoard(input)).tenantId;
  } else if (caller.userId === personId) {
    const shared = await openSharedBoard(input);
    if (!mayRead(shared.access, aspirationId))
      throw forbidden('This aspiration is not shared with you.');
    tenantId = shared.tenantId;
    canStart = shared.access.access !== 'advice';
  } else {
    // The ordinary refusals first (another tenant's board is not found, a stranger is refused);
    // someone the board is shared with still cannot write in another person's thread.
    await openSharedBoard(input);
    throw forbidden('Only the employee and the person in this thread can write in it.');
  }
  const body = await jsonBody(request, adviceReplySchema);
  const aspiration = await services.boards.readAspiration(tenantId, employeeId, aspirationId);
  if (!aspiration) throw notFound('This aspiration was deleted.');
  const now = services.now().toISOString();
  const message = {
    authorId: caller.userId,
    authorName: caller.displayName,
    text: body.text,
    at: now,
  };
  const fromPerson = caller.userId === personId;
  let written: Stored<AdviceThreadRecord> | AdviceThreadRecord | null = null;
  for (let attempt = 1; attempt <= ATTEMPTS && written === null; attempt++) {
    const current = await services.sharing.readThread(tenantId, employeeId, aspirationId, personId);
    if (!current) {
      if (!canStart) throw notFound('There is no thread with this person on this aspiration.');
      const record: AdviceThreadRecord = {
        type: 'advice-thread',
        id: threadId(aspirationId, personId),
        pk: sharingPartitionKey(tenantId, employeeId),
        tenantId,
        employeeId,
        aspirationId,
        person: { id: personId, displayName: caller.displayName },
        question: null,
        askedAt: now,
        messages: [message],
        firstAnsweredAt: null,
      };
      if (await services.sharing.createThread(record)) written = record;
      continue;
    }
    if (current.messages.length >= SHARING_LIMITS.messagesPerThread)
      throw new Problem(
        'limit-exceeded',
        `A thread holds at most ${SHARING_LIMITS.messagesPerThread} messages. Continue the conversation in person or in a chat.`,
      );
    const firstAnswer = fromPerson && current.question !== null && current.firstAnsweredAt === null;
    written = await services.sharing.replaceThread(
      {
        ...current,
        messages: [...current.messages, message],
        firstAnsweredAt: firstAnswer ? now : current.firstAnsweredAt,
      },
      current._etag,
    );
  }
  if (written === null)
    throw new Problem(
      'conflict',
      'Another message was saved at the same moment. Reload and try again.',
    );
  if (fromPerson) {
    await notifyInPilot(
      input,
      adviceAnsweredNotification({
        employeeId,
        person: { id: personId, displayName: caller.displayName },
        threadKey: written.id,
        links: teamsLinks(input),
      }),
    );
  }
  const fresh = await services.sharing.readThread(tenantId, employeeId, aspirationId, personId);
  return created(threadView(fresh ?? written));
}
