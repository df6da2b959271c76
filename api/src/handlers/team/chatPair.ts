import type { HttpResponseInit } from '@azure/functions';

import type { BoardPerson, ChatPairView } from '../../contract/boardContract';
import { forbidden, notFound, validation } from '../../errors/problem';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';

/**
 * GET chats/{chatId}/pair: which board a tab pinned in this chat shows. The chat's members come
 * from Graph; the caller must be one of them, and the two must be manager and direct report.
 */
export async function readChatPair({
  caller,
  services,
  request,
}: CallerRouteInput): Promise<HttpResponseInit> {
  const chatId = request.params.chatId ?? '';
  if (!/^19:[A-Za-z0-9_.@:-]{1,300}$/.test(chatId)) {
    throw validation('This is not a Teams chat id (they look like 19:…@unq.gbl.spaces).', [
      { path: 'chatId', message: 'Invalid chat id.' },
    ]);
  }
  const members = await services.directory.getChatMembers(caller.tenantId, chatId);
  if (!members) throw notFound('This chat was not found in your organisation.');
  if (!members.some((m) => m.userId.toLowerCase() === caller.userId)) {
    throw forbidden('Only members of this chat can see which board it shows.');
  }
  const people = members.filter((m) => m.tenantId.toLowerCase() === caller.tenantId);
  if (members.length !== 2 || people.length !== 2) {
    return ok(
      notAPair(
        'Career Board pins to a 1:1 chat between a manager and their direct report; this chat has other members.',
      ),
    );
  }
  const [a, b] = people.map((m) => m.userId.toLowerCase());
  const [managerOfA, managerOfB] = await Promise.all([
    services.directory.getManager(caller.tenantId, a),
    services.directory.getManager(caller.tenantId, b),
  ]);
  const pair =
    managerOfA?.id === b
      ? { employeeId: a, managerId: b }
      : managerOfB?.id === a
        ? { employeeId: b, managerId: a }
        : null;
  if (!pair) {
    return ok(
      notAPair(
        "These two people are not manager and direct report in your organisation's org chart.",
      ),
    );
  }
  const [employee, manager] = await Promise.all([
    services.directory.getPerson(caller.tenantId, pair.employeeId),
    services.directory.getPerson(caller.tenantId, pair.managerId),
  ]);
  if (!employee || !manager)
    throw notFound('One of the chat members is no longer in your organisation.');
  const person = (p: typeof employee): BoardPerson => ({
    id: p.id,
    displayName: p.displayName,
    jobTitle: p.jobTitle,
  });
  const view: ChatPairView = {
    isPair: true,
    employee: person(employee),
    manager: person(manager),
    reason: null,
  };
  return ok(view);
}

function notAPair(reason: string): ChatPairView {
  return { isPair: false, employee: null, manager: null, reason };
}
