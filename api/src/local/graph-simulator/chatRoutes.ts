import type { AadUserConversationMember } from '@microsoft/microsoft-graph-types';

import { meetingChatIdOf } from '../../domain/conversations/meetingChat';
import type { DemoUser } from '../demo-org/types';
import { resourceNotFound } from './graphErrors';
import { ok } from './graphRoute';
import type { GraphRequestContext, GraphResult, GraphRoute } from './graphRoute';
import { assertOnlyOptions } from './odataQuery';

/**
 * Teams 1:1 chats, where the Career Board tab is pinned, and Teams meeting chats. As in Teams, any two people of the same
 * tenant can have a 1:1 chat, whatever they are to each other (peers, skip-levels, former pairs),
 * and its id is built from their two ids. Reading the members is how the API learns who is in a
 * chat; whether they are an employee and their manager is the API's question to answer from the
 * org chart, not the simulator's.
 */

const ONE_ON_ONE = /^19:([0-9a-f-]{36})_([0-9a-f-]{36})@unq\.gbl\.spaces$/;

/** The id of the 1:1 chat between two people: `19:{idA}_{idB}@unq.gbl.spaces`, ids sorted. */
export function oneOnOneChatId(a: string, b: string): string {
  const [first, second] = [a.toLowerCase(), b.toLowerCase()].sort();
  return `19:${first}_${second}@unq.gbl.spaces`;
}

export function chatRoutes(): GraphRoute[] {
  // No app-role check: tabs read members through the resource-specific ChatMember.Read.Chat
  // grant, which does not appear in the token's roles.
  return [{ method: 'GET', pattern: /^\/chats\/([^/]+)\/members\/?$/, handle: listChatMembers }];
}

function listChatMembers(context: GraphRequestContext, [chatId]: string[]): GraphResult {
  assertOnlyOptions(context.query, []);
  const members = chatMembers(context, chatId);
  if (!members) throw resourceNotFound(chatId);
  return ok({
    '@odata.context': context.links.context(`chats('${encodeURIComponent(chatId)}')/members`),
    '@odata.count': members.length,
    value: members.map((user) => member(chatId, user)),
  });
}

function chatMembers(context: GraphRequestContext, chatId: string): DemoUser[] | null {
  if (chatId.startsWith('19:meeting_')) return meetingChatMembers(context, chatId);
  const match = ONE_ON_ONE.exec(chatId);
  if (!match || oneOnOneChatId(match[1], match[2]) !== chatId) return null;
  // Both people must be in the caller's tenant: a chat id naming someone elsewhere is not found.
  const a = context.store.getUser(context.tenantId, match[1]);
  const b = context.store.getUser(context.tenantId, match[2]);
  if (!a || !b || a === b) return null;
  return [a, b];
}

function member(
  chatId: string,
  user: DemoUser,
): AadUserConversationMember & { '@odata.type': string } {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    // Membership ids are opaque in Graph; clients must not parse them.
    id: Buffer.from(`1##${user.tenantId}##${chatId}##${user.id}`).toString('base64'),
    roles: ['owner'],
    displayName: user.displayName,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: user.id,
    email: user.mail,
    tenantId: user.tenantId,
  };
}

/**
 * A Teams meeting's chat (`19:meeting_…@thread.v2`, the thread in its join URL): the simulator's
 * model gives it the meeting's organizer and invitees as members, the people Teams puts in a
 * scheduled meeting's chat. Only the caller's tenant's meetings are found; a dropped invitee is
 * no longer in it.
 */
function meetingChatMembers(context: GraphRequestContext, chatId: string): DemoUser[] | null {
  const event = context.events
    .all()
    .find((e) => e.tenantId === context.tenantId && meetingChatIdOf(e.joinUrl) === chatId);
  if (!event) return null;
  const ids = [
    event.organizer.userId,
    ...event.attendees.filter((a) => !a.dropped).map((a) => a.userId),
  ];
  const people = [...new Set(ids)].flatMap((id) => {
    const user = id ? context.store.getUser(context.tenantId, id) : undefined;
    return user ? [user] : [];
  });
  return people;
}
