import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { badRequest, GraphHttpError, resourceNotFound } from './graphErrors';
import { ok } from './graphRoute';
import type { GraphRequestContext, GraphResult, GraphRoute } from './graphRoute';
import { meetingChatIdOf } from '../../domain/conversations/meetingChat';
import { oneOnOneChatId } from './chatRoutes';
import { assertOnlyOptions } from './odataQuery';
import { parseBody } from './requestBody';

/**
 * Chats as places an app is installed in and pins tabs to: the calls Career Board's auto-pinning
 * makes. Modelled on the Graph reference pages:
 * - Create chat (learn.microsoft.com/graph/api/chat-post): a oneOnOne chat of two people of the
 *   tenant; if they already have one, that chat is returned and none is created.
 * - Add app to chat (learn.microsoft.com/graph/api/chat-post-installedapps; in a meeting's chat
 *   the app is installed in the meeting): the page documents no answer for an app installed
 *   twice; the simulator gives 409 Conflict, which the gateway reads as "already there".
 * - Add tab to chat (learn.microsoft.com/graph/api/chat-post-tabs): the app must already be
 *   installed in the chat (here a 400 otherwise); in a meeting's chat the tab shows in the meeting.
 * - List / delete tab (chat-list-tabs, chat-delete-tabs): our filter `teamsApp/id eq '…'` with
 *   `$expand=teamsApp`; deleting a tab that is not there is a 404.
 * A 1:1 chat exists once created here; a meeting's chat exists while its online event does. The
 * chat state lives as long as the simulator.
 */

interface InstalledApp {
  id: string;
  teamsAppId: string;
}
interface Tab {
  id: string;
  teamsAppId: string;
  displayName: string;
  configuration: { entityId: string; contentUrl: string; websiteUrl: string | null };
}
interface ChatState {
  apps: InstalledApp[];
  tabs: Tab[];
}

const member = z.object({
  '@odata.type': z.string().optional(),
  roles: z.array(z.string()).optional(),
  'user@odata.bind': z.string(),
});
const newChat = z.object({
  chatType: z.literal('oneOnOne', 'The simulator creates oneOnOne chats only.'),
  members: z.array(member).length(2, 'A oneOnOne chat has exactly two members.'),
  topic: z.string().optional(),
});
const appBind = z.object({ 'teamsApp@odata.bind': z.string() });
const newTab = z.object({
  displayName: z.string().min(1),
  'teamsApp@odata.bind': z.string(),
  configuration: z.object({
    entityId: z.string(),
    contentUrl: z.string().url(),
    websiteUrl: z.string().url().nullable().optional(),
    removeUrl: z.string().url().nullable().optional(),
  }),
});

const APP_ID = /\/appCatalogs\/teamsApps\/([^/'"]+)$/;
const USER_ID = /\/users\('?([0-9a-f-]{36})'?\)$/i;
const FILTER = /^teamsApp\/id eq '([^']+)'$/;

export const CREATE_CHAT_ROLES = ['Chat.Create', 'Chat.ReadWrite.All'];
export const CHAT_APP_ROLES = [
  'TeamsAppInstallation.ReadWriteSelfForChat.All',
  'TeamsAppInstallation.ReadWriteForChat.All',
];
export const CHAT_TAB_ROLES = [
  'TeamsTab.ReadWriteSelfForChat.All',
  'TeamsTab.ReadWriteForChat.All',
];

export function chatAppRoutes(): GraphRoute[] {
  const chats = new Map<string, ChatState>();
  const created = new Set<string>();
  const key = (tenantId: string, chatId: string) => `${tenantId}\u0000${chatId}`;

  /** The chat's state, if the chat exists in the caller's tenant. */
  const stateOf = (context: GraphRequestContext, chatId: string): ChatState => {
    const exists =
      created.has(key(context.tenantId, chatId)) ||
      context.events
        .all()
        .some(
          (e) =>
            e.tenantId === context.tenantId &&
            !e.isCancelled &&
            meetingChatIdOf(e.joinUrl) === chatId,
        );
    if (!exists) throw resourceNotFound(chatId);
    let state = chats.get(key(context.tenantId, chatId));
    if (!state) {
      state = { apps: [], tabs: [] };
      chats.set(key(context.tenantId, chatId), state);
    }
    return state;
  };
  const appFilter = (context: GraphRequestContext): string | null => {
    assertOnlyOptions(context.query, ['$expand', '$filter']);
    const filter = context.query.get('$filter');
    if (filter === undefined) return null;
    const match = FILTER.exec(filter.trim());
    if (!match) throw badRequest(`Unsupported filter: ${filter}`);
    return match[1];
  };
  const appIdOf = (bind: string) => {
    const match = APP_ID.exec(bind);
    if (!match) throw badRequest('teamsApp@odata.bind must name an app in appCatalogs/teamsApps.');
    return match[1];
  };

  return [
    {
      method: 'POST',
      pattern: /^\/chats\/?$/,
      anyRole: CREATE_CHAT_ROLES,
      handle(context) {
        assertOnlyOptions(context.query, []);
        const body = parseBody(newChat, context.body, 'microsoft.graph.chat');
        const ids = body.members.map((m) => USER_ID.exec(m['user@odata.bind'])?.[1]?.toLowerCase());
        const people = ids.map((id) =>
          id ? context.store.getUser(context.tenantId, id) : undefined,
        );
        if (people.some((p) => !p) || ids[0] === ids[1]) {
          throw badRequest('Both members must be different users of this tenant.');
        }
        const id = oneOnOneChatId(ids[0]!, ids[1]!);
        created.add(key(context.tenantId, id));
        const now = new Date().toISOString();
        return {
          status: 201,
          body: {
            '@odata.context': context.links.context('chats/$entity'),
            id,
            chatType: 'oneOnOne',
            topic: null,
            createdDateTime: now,
            lastUpdatedDateTime: now,
            tenantId: context.tenantId,
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/chats\/([^/]+)\/installedApps\/?$/,
      anyRole: CHAT_APP_ROLES,
      handle(context, [chatId]) {
        const only = appFilter(context);
        const apps = stateOf(context, chatId).apps.filter((a) => !only || a.teamsAppId === only);
        return ok({
          value: apps.map((a) => ({ id: a.id, teamsApp: { id: a.teamsAppId } })),
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/chats\/([^/]+)\/installedApps\/?$/,
      anyRole: CHAT_APP_ROLES,
      handle(context, [chatId]) {
        assertOnlyOptions(context.query, []);
        const teamsAppId = appIdOf(
          parseBody(appBind, context.body, 'microsoft.graph.teamsAppInstallation')[
            'teamsApp@odata.bind'
          ],
        );
        const state = stateOf(context, chatId);
        if (state.apps.some((a) => a.teamsAppId === teamsAppId)) {
          throw new GraphHttpError(409, 'Conflict', 'The app is already installed in this chat.');
        }
        state.apps.push({ id: randomUUID(), teamsAppId });
        return { status: 201, body: undefined };
      },
    },
    {
      method: 'GET',
      pattern: /^\/chats\/([^/]+)\/tabs\/?$/,
      anyRole: CHAT_TAB_ROLES,
      handle(context, [chatId]) {
        const only = appFilter(context);
        const tabs = stateOf(context, chatId).tabs.filter((t) => !only || t.teamsAppId === only);
        return ok({ value: tabs.map((t) => tabPayload(t)) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/chats\/([^/]+)\/tabs\/?$/,
      anyRole: CHAT_TAB_ROLES,
      handle(context, [chatId]) {
        assertOnlyOptions(context.query, []);
        const body = parseBody(newTab, context.body, 'microsoft.graph.teamsTab');
        const teamsAppId = appIdOf(body['teamsApp@odata.bind']);
        const state = stateOf(context, chatId);
        if (!state.apps.some((a) => a.teamsAppId === teamsAppId)) {
          throw badRequest('The app must be installed in the chat before a tab of it is added.');
        }
        const tab: Tab = {
          id: randomUUID(),
          teamsAppId,
          displayName: body.displayName,
          configuration: {
            entityId: body.configuration.entityId,
            contentUrl: body.configuration.contentUrl,
            websiteUrl: body.configuration.websiteUrl ?? null,
          },
        };
        state.tabs.push(tab);
        return { status: 201, body: tabPayload(tab) };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/chats\/([^/]+)\/tabs\/([^/]+)\/?$/,
      anyRole: CHAT_TAB_ROLES,
      handle(context, [chatId, tabId]): GraphResult {
        assertOnlyOptions(context.query, []);
        const state = stateOf(context, chatId);
        const index = state.tabs.findIndex((t) => t.id === tabId);
        if (index < 0) throw resourceNotFound(tabId);
        state.tabs.splice(index, 1);
        return { status: 204, body: undefined };
      },
    },
  ];
}

function tabPayload(tab: Tab) {
  return {
    id: tab.id,
    displayName: tab.displayName,
    configuration: tab.configuration,
    teamsApp: { id: tab.teamsAppId },
  };
}
