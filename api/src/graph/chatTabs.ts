import type { Client } from '@microsoft/microsoft-graph-client';
import type { Chat, TeamsAppInstallation, TeamsTab } from '@microsoft/microsoft-graph-types';

import { graphStatus } from './graphStatus';

/**
 * The Graph calls that pin Career Board in a chat, app-only, used only when a tenant admin turned
 * auto-pinning on (docs/deploy.md: Auto-pinning). Each is idempotent in the way Graph allows:
 * - `POST /chats` for a oneOnOne chat returns the existing chat of the two, if any (Chat.Create;
 *   learn.microsoft.com/graph/api/chat-post).
 * - `GET|POST /chats/{id}/installedApps` lists and adds our app, read first so it is added once;
 *   a 409 Conflict from a concurrent install is read as "already there"
 *   (TeamsAppInstallation.ReadWriteSelfForChat.All; learn.microsoft.com/graph/api/chat-post-installedapps).
 * - `GET|POST|DELETE /chats/{id}/tabs` lists, pins and removes our tabs; a tab needs the app
 *   installed in the chat first, and a meeting's chat pins it in the meeting
 *   (TeamsTab.ReadWriteSelfForChat.All; learn.microsoft.com/graph/api/chat-post-tabs).
 */

export interface PinnedTab {
  id: string;
  entityId: string | null;
}

export interface TabToPin {
  displayName: string;
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
}

export interface ChatTabs {
  /** The two people's 1:1 chat, created if they never chatted; its id. */
  oneOnOneChat(tenantId: string, userA: string, userB: string): Promise<string>;
  /** Installs the app in the chat unless it is there already. */
  ensureInstalled(tenantId: string, chatId: string, teamsAppId: string): Promise<void>;
  /** Our app's tabs in the chat. */
  tabs(tenantId: string, chatId: string, teamsAppId: string): Promise<PinnedTab[]>;
  pin(tenantId: string, chatId: string, teamsAppId: string, tab: TabToPin): Promise<void>;
  unpin(tenantId: string, chatId: string, tabId: string): Promise<void>;
  /** Graph requests made so far (the pass reports them). */
  requestCount(): number;
}

const GRAPH = 'https://graph.microsoft.com/v1.0';
const appBind = (teamsAppId: string) => `${GRAPH}/appCatalogs/teamsApps/${teamsAppId}`;
const userBind = (userId: string) => `${GRAPH}/users('${userId}')`;

export function createChatTabs(clientFor: (tenantId: string) => Client): ChatTabs {
  let requests = 0;
  const client = (tenantId: string) => {
    requests++;
    return clientFor(tenantId);
  };
  return {
    async oneOnOneChat(tenantId, userA, userB) {
      const chat = (await client(tenantId)
        .api('/chats')
        .post({
          chatType: 'oneOnOne',
          members: [userA, userB].map((id) => ({
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: ['owner'],
            'user@odata.bind': userBind(id),
          })),
        })) as Chat;
      if (!chat.id) throw new Error('Graph created a chat without an id.');
      return chat.id;
    },
    async ensureInstalled(tenantId, chatId, teamsAppId) {
      const installed = (await client(tenantId)
        .api(`/chats/${encodeURIComponent(chatId)}/installedApps`)
        .expand('teamsApp')
        .filter(`teamsApp/id eq '${teamsAppId}'`)
        .get()) as { value: TeamsAppInstallation[] };
      if (installed.value.length > 0) return;
      try {
        await client(tenantId)
          .api(`/chats/${encodeURIComponent(chatId)}/installedApps`)
          .post({ 'teamsApp@odata.bind': appBind(teamsAppId) });
      } catch (error) {
        // Installed between the read and the write (another pass): what we wanted.
        if (graphStatus(error) !== 409) throw error;
      }
    },
    async tabs(tenantId, chatId, teamsAppId) {
      const page = (await client(tenantId)
        .api(`/chats/${encodeURIComponent(chatId)}/tabs`)
        .expand('teamsApp')
        .filter(`teamsApp/id eq '${teamsAppId}'`)
        .get()) as { value: TeamsTab[] };
      return page.value.map((tab) => ({
        id: tab.id ?? '',
        entityId: tab.configuration?.entityId ?? null,
      }));
    },
    async pin(tenantId, chatId, teamsAppId, tab) {
      await client(tenantId)
        .api(`/chats/${encodeURIComponent(chatId)}/tabs`)
        .post({
          displayName: tab.displayName,
          'teamsApp@odata.bind': appBind(teamsAppId),
          configuration: {
            entityId: tab.entityId,
            contentUrl: tab.contentUrl,
            websiteUrl: tab.websiteUrl,
          },
        });
    },
    async unpin(tenantId, chatId, tabId) {
      try {
        await client(tenantId)
          .api(`/chats/${encodeURIComponent(chatId)}/tabs/${encodeURIComponent(tabId)}`)
          .delete();
      } catch (error) {
        if (graphStatus(error) !== 404) throw error;
      }
    },
    requestCount: () => requests,
  };
}
