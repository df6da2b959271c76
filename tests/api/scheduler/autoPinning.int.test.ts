import type { TeamsTab } from '@microsoft/microsoft-graph-types';

import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { meetingChatIdOf } from '../../../api/src/domain/conversations/meetingChat';
import { oneOnOneChatId } from '../../../api/src/local/graph-simulator/chatRoutes';
import { runPass } from '../../support/calendarChecks';
import { graphStats, startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * Auto-pinning, counted through the Graph simulator: off, the pass makes no chat, installation or
 * tab call; on, one pass pins exactly one board tab in each eligible pair's 1:1 chat and in each
 * booked meeting's chat, a second pass pins none, and a manager change moves the 1:1 tab.
 */

const { tenantId, employee: nia, manager: tobias, bigTeamManager: kavya } = DEMO.contoso;
const PINNING_CALL = /^(POST \/chats$|\w+ \/chats\/\{id\}\/(installedApps|tabs))/;

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

const resetStats = () => fetch(`${stack.urls.dev}/dev/graph-stats`, { method: 'DELETE' });
const pinningCalls = async () =>
  Object.entries((await graphStats(stack)).byRoute).filter(([route]) => PINNING_CALL.test(route));
const countOf = async (route: string) => (await graphStats(stack)).byRoute[route] ?? 0;

async function tabsIn(chatId: string): Promise<TeamsTab[]> {
  const page = (await stack.services
    .graphFor(tenantId)
    .api(`/chats/${encodeURIComponent(chatId)}/tabs`)
    .get()) as { value: TeamsTab[] };
  return page.value;
}

async function setAutoPinning(on: boolean) {
  const current = await stack.services.settings.read(tenantId);
  await stack.services.settings.write(
    tenantId,
    { ...current.settings, autoPinning: on },
    { id: DEMO.contoso.admin, displayName: 'Admin' },
    current.etag,
    new Date().toISOString(),
  );
}

const scheduledRecords = async () =>
  (await stack.services.conversations.listForEmployee(tenantId, nia)).filter(
    (r) => r.status === 'scheduled',
  );

it('is off by default, and then the pass makes no chat, installation or tab call', async () => {
  expect((await stack.services.settings.read(tenantId)).settings.autoPinning).toBe(false);
  await resetStats();
  const summary = await runPass(stack);
  expect(summary.booked).toBeGreaterThan(0);
  expect(await pinningCalls()).toEqual([]);
});

it('on: one pass pins exactly one board tab in each pair’s 1:1 chat and booked meeting chat; a second pins none', async () => {
  await setAutoPinning(true);
  await resetStats();
  const first = await runPass(stack);
  const pairs = first.pairsSeen;
  const meetings = (
    await stack.services.conversations.listForTenant(tenantId, ['2027-Q1', '2027-Q2'])
  ).filter((r) => r.status === 'scheduled' && meetingChatIdOf(r.event?.joinUrl));
  expect(pairs).toBeGreaterThan(0);
  expect(meetings.length).toBeGreaterThan(0);
  // One chat lookup-or-create per pair, one tab per 1:1 chat and per meeting chat.
  expect(await countOf('POST /chats')).toBe(pairs);
  expect(await countOf('POST /chats/{id}/tabs')).toBe(pairs + meetings.length);

  const niaChat = await tabsIn(oneOnOneChatId(nia, tobias));
  expect(niaChat.map((t) => t.configuration?.entityId)).toEqual([`board-${nia}`]);
  expect(niaChat[0].configuration?.contentUrl).toMatch(new RegExp(`/#/chat/${nia}$`));
  const [niaMeeting] = await scheduledRecords();
  const meetingTabs = await tabsIn(meetingChatIdOf(niaMeeting.event?.joinUrl)!);
  expect(meetingTabs.map((t) => t.configuration?.contentUrl)).toEqual([
    expect.stringMatching(/\/#\/meeting$/),
  ]);

  await resetStats();
  await runPass(stack);
  expect(await countOf('POST /chats/{id}/tabs')).toBe(0);
  expect(await countOf('POST /chats/{id}/installedApps')).toBe(0);
  expect((await tabsIn(oneOnOneChatId(nia, tobias))).length).toBe(1);
});

it('moves the 1:1 tab when the org chart gives the employee a new manager', async () => {
  stack.orgStore.updateUser(tenantId, nia, { managerId: kavya });
  await runPass(stack);
  expect(await tabsIn(oneOnOneChatId(nia, tobias))).toEqual([]);
  expect((await tabsIn(oneOnOneChatId(nia, kavya))).map((t) => t.configuration?.entityId)).toEqual([
    `board-${nia}`,
  ]);
});
