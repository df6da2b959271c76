import type { Frame, Page } from 'playwright-core';

import { addMeetingConversation } from '../support/meetingFixtures';
import { seriousViolations, settled } from './support/axe';
import { answerTo, openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { seedBoard } from './support/seed';
import { DEMO, tokenFor } from './support/stack';
import type { HostScenario, TeamsTheme } from './support/teamsTestHost';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(180_000);

const { contoso, fabrikam } = DEMO;
const { employee, manager, peer, skipLevel } = contoso;
/**
 * "Within 5 seconds without reloading": the bound for the other person to see a change,
 * counted from when the change is saved (its answer), not from the click that sends it.
 */
const LIVE_MS = 5_000;
const BOARD_TEXT = 'Staff engineer on the platform team';

describe('the board in the career conversation’s Teams meeting side panel', () => {
  const meetings = { pair: '', crowded: '', peers: '' };

  const e2e = browserSuite({
    teamsHost: true,
    seed: async (stack) => {
      await seedBoard(stack, employee, manager);
      meetings.pair = (await addMeetingConversation(stack, employee, manager)).chatId;
      // The same pair's earlier meeting, with the skip-level invited too.
      meetings.crowded = (
        await addMeetingConversation(stack, employee, manager, {
          quarter: '2026-Q3',
          others: [skipLevel],
        })
      ).chatId;
      meetings.peers = (await addMeetingConversation(stack, peer, manager)).chatId;
    },
  });

  async function inMeeting(
    page: Page,
    userId: string,
    chatId: string,
    theme: TeamsTheme = 'default',
  ): Promise<Frame> {
    const user = e2e.stack.orgStore.findUser(userId)!;
    const scenario: HostScenario = {
      tabUrl: `${e2e.stack.urls.tab}#/meeting`,
      frameContext: 'sidePanel',
      meetingId: Buffer.from(`0#${chatId}#0`).toString('base64'),
      token: await tokenFor(e2e.stack, userId),
      user: { id: userId, userPrincipalName: user.userPrincipalName, tenantId: user.tenantId },
      chatId,
      theme,
    };
    return e2e.host.open(page, scenario);
  }

  const overflowsSideways = (frame: Frame) =>
    frame.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

  test('employee and manager, each in their own browser, see the same agenda, and each sees the other’s change within 5 s', async () => {
    const nia = await openPage(e2e.browser, { viewport: { width: 320, height: 900 } });
    const tobias = await openPage(e2e.browser, { viewport: { width: 320, height: 900 } });
    const niaPanel = await inMeeting(nia.page, employee, meetings.pair);
    const tobiasPanel = await inMeeting(tobias.page, manager, meetings.pair);

    for (const panel of [niaPanel, tobiasPanel]) {
      await panel.getByRole('heading', { name: 'Nia Adeyemi’s career conversation' }).waitFor();
      await panel.getByRole('heading', { name: 'Agenda' }).waitFor();
      await panel.getByRole('heading', { name: 'Waiting for acknowledgement' }).waitFor();
      expect(await overflowsSideways(panel)).toBe(false);
    }
    const agendaOf = (panel: Frame) =>
      panel.getByRole('region', { name: 'Agenda' }).getByRole('listitem').allInnerTexts();
    const niaAgenda = await agendaOf(niaPanel);
    expect(niaAgenda.join('\n')).toContain('Public speaking at a regional conference');
    // The same items, in the same order; only the manager gets the acknowledge form.
    expect((await agendaOf(tobiasPanel)).map((t) => t.split('\n')[0])).toEqual(
      niaAgenda.map((t) => t.split('\n')[0]),
    );
    await screenshot(nia.page, '40-meeting-panel-employee');
    await screenshot(tobias.page, '41-meeting-panel-manager');

    // Tobias acknowledges in place, with the support he will give; Nia sees it without reloading.
    const waiting = tobiasPanel.getByRole('region', { name: 'Waiting for acknowledgement' });
    await waiting
      .getByLabel(/Support you’ll give for “Public speaking at a regional conference”/)
      .fill('I’ll find you a slot at the spring meetup.');
    const acknowledged = await answerTo(tobias.page, 'POST', '/acknowledgement', () =>
      waiting
        .getByRole('listitem')
        .filter({ hasText: 'Public speaking at a regional conference' })
        .getByRole('button', { name: 'Acknowledge' })
        .click(),
    );
    expect(acknowledged.ok()).toBe(true);
    await niaPanel
      .getByRole('region', { name: 'Waiting for acknowledgement' })
      .getByText('Public speaking at a regional conference')
      .waitFor({ state: 'detached', timeout: LIVE_MS });

    // Nia writes the shared notes; Tobias sees them without reloading.
    const shared = 'Agreed: Nia gives a talk at the spring meetup.';
    await niaPanel.getByRole('textbox', { name: /shared notes/i }).fill(shared);
    const saved = await answerTo(nia.page, 'PATCH', /\/conversations\/[^/]+$/, () =>
      niaPanel.getByRole('button', { name: /Save shared notes/i }).click(),
    );
    expect(saved.ok()).toBe(true);
    await tobiasPanel.waitForFunction(
      (text) => [...document.querySelectorAll('textarea')].some((t) => t.value === text),
      shared,
      { timeout: LIVE_MS },
    );
    await tobiasPanel
      .getByRole('region', { name: 'Notes and actions' })
      .getByRole('button', { name: /Save shared notes/i })
      .scrollIntoViewIfNeeded();
    await screenshot(tobias.page, '42-meeting-panel-manager-live');
    expect(nia.errors).toEqual([]);
    expect(tobias.errors).toEqual([]);
    await nia.context.close();
    await tobias.context.close();
  });

  test.each([
    ['a third participant in the meeting', skipLevel, () => meetings.crowded],
    ['the employee, in a meeting with a third person', employee, () => meetings.crowded],
    ['the employee, in a peer’s meeting', employee, () => meetings.peers],
    ['someone of another tenant', fabrikam.employee, () => meetings.pair],
  ])(
    '%s sees no board content, and is told what Career Board is for',
    async (_who, userId, chat) => {
      const { page, context, errors } = await openPage(e2e.browser, {
        viewport: { width: 320, height: 900 },
      });
      const panel = await inMeeting(page, userId, chat());
      await panel
        .getByRole('heading', {
          name: /Career board shows here only in your own career conversation/,
        })
        .waitFor();
      const text = await panel.evaluate(() => document.body.innerText);
      expect(text).not.toContain(BOARD_TEXT);
      expect(text).not.toContain('Public speaking');
      expect(await overflowsSideways(panel)).toBe(false);
      if (userId === skipLevel) await screenshot(page, '43-meeting-panel-third-participant');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  test.each([
    ['light', 'default'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
  ] as const)(
    'has no serious or critical axe violations at 320 px in the %s theme',
    async (name, theme) => {
      const { page, context } = await openPage(e2e.browser, {
        viewport: { width: 320, height: 900 },
        colorScheme: theme === 'dark' ? 'dark' : 'light',
        forcedColors: theme === 'contrast' ? 'active' : 'none',
      });
      const panel = await inMeeting(page, manager, meetings.pair, theme);
      await panel.getByRole('heading', { name: 'Notes and actions' }).waitFor();
      await settled(panel);
      expect(await overflowsSideways(panel)).toBe(false);
      await screenshot(page, `44-meeting-panel-${name}`);
      expect(await seriousViolations(page, `meeting panel (${name})`)).toEqual([]);
      await context.close();
    },
  );
});
