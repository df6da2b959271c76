import { meetingChatIdOf } from '../domain/conversations/meetingChat';
import { nextQuarter, quarterOf } from '../domain/scheduling';
import { createChatTabs } from '../graph/chatTabs';
import type { ChatTabs, TabToPin } from '../graph/chatTabs';
import { failureReason } from '../logging/logSafety';
import type { Pair, TenantPass } from './tenantPass';

/**
 * Auto-pinning (tenant setting `autoPinning`, off by default): the pass installs Career Board and
 * pins the pair's board in each eligible pair's 1:1 chat (creating the chat if the two never
 * chatted) and in the chat of their booked meeting, so neither has to add it. Every step reads
 * before it writes, so a second pass pins nothing twice; a tab is recognised by its entityId. When
 * the org chart gives an employee a new manager, the tab in the old pair's chat is removed (the
 * tab's page already refuses a former manager) and the new pair gets theirs. With the setting
 * off this module makes no Graph call at all.
 */

export interface PinningOutcome {
  pinned: number;
  unpinned: number;
  failed: number;
  graphRequests: number;
}

/** The entityId of the board tab in a 1:1 chat: the same the chat tab's configuration saves. */
export const boardTabEntityId = (employeeId: string) => `board-${employeeId}`;
/** The entityId of the meeting tab: the same the meeting's configuration saves (names nobody). */
export const MEETING_TAB_ENTITY_ID = 'career-conversation';

export async function pinBoards(pass: TenantPass, pairs: Pair[]): Promise<PinningOutcome | null> {
  if (!pass.settings.autoPinning) return null;
  const { services, tenantId, progress } = pass;
  const tabs = createChatTabs(services.graphFor);
  const appId = services.config.teamsAppId;
  const tabUrl = services.config.tabPublicUrl.replace(/\/+$/, '');
  const outcome: PinningOutcome = { pinned: 0, unpinned: 0, failed: 0, graphRequests: 0 };
  const quarter = quarterOf(pass.now);
  const records = await services.conversations.listForTenant(tenantId, [
    quarter,
    nextQuarter(quarter),
  ]);
  const current = new Map(pairs.map((p) => [p.employee.id, p]));

  const attempt = async (what: string, work: () => Promise<void>) => {
    if (pass.outOfTime()) return;
    try {
      await work();
    } catch (error) {
      outcome.failed++;
      progress(
        `Tenant ${tenantId}: pinning ${what} failed (${failureReason(error)}); the next pass retries.`,
      );
    }
  };
  const pinOnce = async (chatId: string, tab: TabToPin) => {
    await tabs.ensureInstalled(tenantId, chatId, appId);
    const existing = await tabs.tabs(tenantId, chatId, appId);
    if (existing.some((t) => t.entityId === tab.entityId)) return;
    await tabs.pin(tenantId, chatId, appId, tab);
    outcome.pinned++;
  };

  for (const pair of pairs) {
    const employeeId = pair.employee.id;
    await attempt(`the 1:1 chat of ${employeeId}`, async () => {
      const chatId = await tabs.oneOnOneChat(tenantId, employeeId, pair.manager.id);
      await pinOnce(chatId, {
        displayName: 'Career board',
        entityId: boardTabEntityId(employeeId),
        contentUrl: `${tabUrl}/#/chat/${encodeURIComponent(employeeId)}`,
        websiteUrl: `${tabUrl}/#/board/${encodeURIComponent(employeeId)}`,
      });
    });
    const meetings = records.filter(
      (r) =>
        r.employeeId === employeeId &&
        r.managerId === pair.manager.id &&
        r.status === 'scheduled' &&
        meetingChatIdOf(r.event?.joinUrl) !== null,
    );
    for (const record of meetings) {
      await attempt(`the meeting chat of ${record.id}`, () =>
        pinOnce(meetingChatIdOf(record.event?.joinUrl)!, {
          displayName: 'Career board',
          entityId: MEETING_TAB_ENTITY_ID,
          contentUrl: `${tabUrl}/#/meeting`,
          websiteUrl: `${tabUrl}/#/board`,
        }),
      );
    }
  }

  // A manager change: the employee's conversations with the former manager name the old pair.
  const formerPairs = new Map<string, { employeeId: string; managerId: string }>();
  for (const r of records) {
    const now = current.get(r.employeeId);
    if (now && now.manager.id !== r.managerId) {
      formerPairs.set(`${r.employeeId}|${r.managerId}`, {
        employeeId: r.employeeId,
        managerId: r.managerId,
      });
    }
  }
  for (const { employeeId, managerId } of formerPairs.values()) {
    await attempt(`the former 1:1 chat of ${employeeId}`, () =>
      unpinFrom(tabs, tenantId, appId, employeeId, managerId, outcome),
    );
  }

  outcome.graphRequests = tabs.requestCount();
  pass.summary.graphRequests += outcome.graphRequests;
  progress(
    `Tenant ${tenantId}: auto-pinning: ${outcome.pinned} tab(s) pinned, ${outcome.unpinned} removed, ${outcome.failed} failed (${outcome.graphRequests} Graph requests).`,
  );
  return outcome;
}

async function unpinFrom(
  tabs: ChatTabs,
  tenantId: string,
  appId: string,
  employeeId: string,
  formerManagerId: string,
  outcome: PinningOutcome,
): Promise<void> {
  // Returns their existing chat (the one a pass pinned the board in); Graph creates none twice.
  const chatId = await tabs.oneOnOneChat(tenantId, employeeId, formerManagerId);
  const pinned = await tabs.tabs(tenantId, chatId, appId);
  for (const tab of pinned.filter((t) => t.entityId === boardTabEntityId(employeeId))) {
    await tabs.unpin(tenantId, chatId, tab.id);
    outcome.unpinned++;
  }
}
