import type { Browser, Frame, Page } from 'playwright-core';

import { launchBrowser, openPage, screenshot } from './support/browser';
import { DEMO, oneOnOneChatId, startTestStack, tokenFor } from './support/stack';
import type { Stack } from './support/stack';
import { hostState, startTeamsTestHost } from './support/teamsTestHost';
import type { HostScenario, TeamsTestHost } from './support/teamsTestHost';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

const { contoso } = DEMO;

describe('pinned in a 1:1 chat, driven the way Teams drives it', () => {
  let host: TeamsTestHost;
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    host = await startTeamsTestHost();
    stack = await startTestStack([host.origin]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await host?.close();
  });

  async function scenario(
    userId: string,
    upn: string,
    overrides: Partial<HostScenario>,
  ): Promise<HostScenario> {
    return {
      tabUrl: `${stack.urls.tab}#/config`,
      frameContext: 'settings',
      token: await tokenFor(stack, userId),
      user: { id: userId, userPrincipalName: upn, tenantId: contoso.tenantId },
      chatId: oneOnOneChatId(contoso.employee, contoso.manager),
      theme: 'default',
      ...overrides,
    };
  }

  const waitForHost = async (
    page: Page,
    check: (s: Awaited<ReturnType<typeof hostState>>) => boolean,
  ) =>
    page.waitForFunction((source) => {
      const state = (window as unknown as { teamsHost: unknown }).teamsHost;
      return new Function('s', `return (${source})(s)`)(state) as boolean;
    }, check.toString());

  test('configuration in the employee–manager chat: valid, and Save pins that employee’s board', async () => {
    const { page, context, errors } = await openPage(browser);
    const frame = await host.open(
      page,
      await scenario(contoso.employee, `nia@${contoso.domain}`, {}),
    );

    await frame.getByRole('heading', { name: 'Pin the career board to this chat' }).waitFor();
    await frame.getByText('Nia Adeyemi', { exact: true }).waitFor();
    await frame.getByText('Tobias Becker', { exact: true }).waitFor();
    await waitForHost(page, (s) => s.validity === true && s.handlers.includes('save'));
    await screenshot(page, '11-chat-config');

    await page.evaluate(() =>
      (window as unknown as { teamsHost: { save(): void } }).teamsHost.save(),
    );
    await waitForHost(page, (s) => s.saved === true);
    const state = await hostState(page);
    expect(state.settings).toEqual({
      contentUrl: `${new URL(stack.urls.tab).origin}/#/chat/${contoso.employee}`,
      entityId: `board-${contoso.employee}`,
      suggestedDisplayName: 'Career board',
    });
    // The tab asked Teams for who and where it is, and for an SSO token: no sign-in picker.
    const asked = state.messages.map((m) => m.func);
    expect(asked).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
    expect(await frame.getByRole('heading', { name: 'Sign in as' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('configuration in a chat that is not an employee and their manager says so, and stays invalid', async () => {
    const { page, context } = await openPage(browser);
    const frame = await host.open(
      page,
      await scenario(contoso.employee, `nia@${contoso.domain}`, {
        chatId: oneOnOneChatId(contoso.employee, contoso.peer),
      }),
    );
    await frame
      .getByRole('heading', { name: /works in a chat between an employee and their manager/ })
      .waitFor();
    await frame.getByText(/Career Board personal app/).waitFor();
    await waitForHost(page, (s) => s.validity === false);
    await screenshot(page, '12-chat-config-not-a-pair');
    await context.close();
  });

  test('the content page shows the pair’s board to the manager, and follows Teams’ theme', async () => {
    const { page, context, errors } = await openPage(browser);
    const frame: Frame = await host.open(
      page,
      await scenario(contoso.manager, `tobias@${contoso.domain}`, {
        tabUrl: `${stack.urls.tab}#/chat/${contoso.employee}`,
        frameContext: 'content',
      }),
    );
    await frame.getByRole('heading', { name: 'Nia Adeyemi’s career board' }).waitFor();
    await frame.getByText(/You’re viewing this as Nia’s manager/).waitFor();
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await screenshot(page, '13-chat-content-light');

    await page.evaluate(() =>
      (window as unknown as { teamsHost: { setTheme(t: string): void } }).teamsHost.setTheme(
        'dark',
      ),
    );
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await screenshot(page, '14-chat-content-dark');

    await page.evaluate(() =>
      (window as unknown as { teamsHost: { setTheme(t: string): void } }).teamsHost.setTheme(
        'contrast',
      ),
    );
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    await screenshot(page, '15-chat-content-contrast');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('when Teams cannot sign the person in, the tab says what to do', async () => {
    const { page, context } = await openPage(browser);
    const frame = await host.open(
      page,
      await scenario(contoso.employee, `nia@${contoso.domain}`, {
        tabUrl: `${stack.urls.tab}#/chat/${contoso.employee}`,
        frameContext: 'content',
        authError: 'resourceRequiresConsent',
      }),
    );
    await frame
      .getByRole('heading', { name: 'Career Board needs permission to sign you in' })
      .waitFor();
    await frame.getByText(/Ask your IT admin to grant consent/).waitFor();
    await screenshot(page, '16-chat-consent-needed');
    await context.close();
  });
});
