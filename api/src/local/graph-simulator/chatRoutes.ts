import type { AadUserConversationMember } from '@microsoft/microsoft-graph-types';

import type { DemoUser } from '../demo-org/types';
import { resourceNotFound } from './graphErrors';
import { ok } from './graphRoute';
import type { GraphRequestContext, GraphResult, GraphRoute } from './graphRoute';
import { assertOnlyOptions } from './odataQuery';

/**
 * Teams 1:1 chats, where the Career Board tab is pinned. A 1:1 chat exists between every manager
 * and each of their direct reports, and, as in Teams, it outlives a change of manager: a pair that
 * was ever manager and report (since the simulator started) keeps its chat. Reading the members is
 * how the tab learns which pair a chat belongs to.
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
  const match = ONE_ON_ONE.exec(chatId);
  if (!match || oneOnOneChatId(match[1], match[2]) !== chatId) return null;
  const a = context.store.getUser(context.tenantId, match[1]);
  const b = context.store.getUser(context.tenantId, match[2]);
  if (!a || !b || a === b) return null;
  return wereManagerAndReport(context, a, b) ? [a, b] : null;
}

function wereManagerAndReport(context: GraphRequestContext, a: DemoUser, b: DemoUser): boolean {
  if (a.managerId === b.id || b.managerId === a.id) return true;
  // Former pairs: a manager change in the log names the manager the person had before.
  return context.store
    .changesSince(context.tenantId, 0)
    .some(
      (c) =>
        (c.userId === a.id && c.previousManagerId === b.id) ||
        (c.userId === b.id && c.previousManagerId === a.id),
    );
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
