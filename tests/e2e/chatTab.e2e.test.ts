import type { Frame, Page } from 'playwright-core';

import { openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { DEMO, oneOnOneChatId, tokenFor } from './support/stack';
import { callApi } from './support/seed';
import { hostState } from './support/teamsTestHost';
import type { HostScenario } from './support/teamsTestHost';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

const { contoso } = DEMO;

describe('pinned in a 1:1 chat, driven the way Teams drives it', () => {
  const e2e = browserSuite({ teamsHost: true });

  async function scenario(
    userId: string,
    upn: string,
    overrides: Partial<HostScenario>,
  ): Promise<HostScenario> {
    return {
      tabUrl: `${e2e.stack.urls.tab}#/config`,
      frameContext: 'settings',
      token: await tokenFor(e2e.stack, userId),
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
    const { page, context, errors } = await openPage(e2e.browser);
    const frame = await e2e.host.open(
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
      contentUrl: `${new URL(e2e.stack.urls.tab).origin}/#/chat/${contoso.employee}`,
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

  test('configuration in a chat that is not an employee and their manager says so, stays invalid, and opens the personal app', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    const frame = await e2e.host.open(
      page,
      await scenario(contoso.employee, `nia@${contoso.domain}`, {
        chatId: oneOnOneChatId(contoso.employee, contoso.peer),
      }),
    );
    await frame
      .getByRole('heading', { name: /works in a chat between an employee and their manager/ })
      .waitFor();
    // The API's own reason, from the org chart: Graph knows the chat, the two are peers.
    await frame
      .getByText(/not manager and direct report in your organisation.s org chart/)
      .waitFor();
    expect(await frame.getByText(/was not found in your organisation/).count()).toBe(0);
    await waitForHost(page, (s) => s.validity === false);
    await screenshot(page, '12-chat-config-not-a-pair');

    // The way to her own board: Teams is asked to open the personal app's "My board".
    await frame.getByRole('button', { name: 'Open my board in Career Board' }).click();
    await waitForHost(page, (s) => s.navigations.length === 1);
    expect((await hostState(page)).navigations).toEqual([
      expect.objectContaining({ appId: '3f2a8e1c-0000-4000-8000-00000000cb01', pageId: 'board' }),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the content page shows the pair’s board to the manager, and follows Teams’ theme', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    const frame: Frame = await e2e.host.open(
      page,
      await scenario(contoso.manager, `tobias@${contoso.domain}`, {
        tabUrl: `${e2e.stack.urls.tab}#/chat/${contoso.employee}`,
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

  test('the content page shows the employee her own board, shared with her manager', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    // Nia writes one thing down first, so the shared board has something on it.
    await callApi(e2e.stack, contoso.employee, 'POST', `/boards/${contoso.employee}/aspirations`, {
      kind: 'project',
      horizon: 'next',
      title: 'Lead the payments migration',
    });
    const frame = await e2e.host.open(
      page,
      await scenario(contoso.employee, `nia@${contoso.domain}`, {
        tabUrl: `${e2e.stack.urls.tab}#/chat/${contoso.employee}`,
        frameContext: 'content',
      }),
    );
    await frame.getByRole('heading', { name: 'Nia Adeyemi’s career board' }).waitFor();
    await frame.getByRole('heading', { name: 'Lead the payments migration' }).waitFor();
    // Hers to change: she can add and edit; she is told her manager has not seen it yet.
    await frame.getByRole('button', { name: 'Add aspiration' }).waitFor();
    await frame
      .getByRole('button', { name: 'Actions for “Lead the payments migration”' })
      .waitFor();
    await frame.getByText('Not seen by your manager yet').waitFor();
    expect(await frame.getByText(/You’re viewing this as .* manager/).count()).toBe(0);
    expect(await frame.getByRole('heading', { name: 'Sign in as' }).count()).toBe(0);
    await screenshot(page, '13b-chat-content-employee');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a notification about a report opens My team in Teams, which goes straight to that report’s board', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    const frame = await e2e.host.open(
      page,
      await scenario(contoso.manager, `tobias@${contoso.domain}`, {
        tabUrl: `${e2e.stack.urls.tab}#/team`,
        frameContext: 'content',
        personalTab: { entityId: 'team', subEntityId: contoso.employee },
      }),
    );
    await frame.getByRole('heading', { name: 'Nia Adeyemi’s board' }).waitFor();
    expect(await frame.evaluate(() => window.location.hash)).toBe(`#/board/${contoso.employee}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('consent missing: with no way to open Entra’s prompt here, the tab says exactly what the admin must do, and offers no “Try again”', async () => {
    // Locally there is no Entra and teams-js opens only https windows: the consent window itself
    // is tested in jsdom; here the host drives the page a person sees when consent is missing.
    const { page, context, errors } = await openPage(e2e.browser);
    const frame = await e2e.host.open(
      page,
      await scenario(contoso.employee, `nia@${contoso.domain}`, {
        tabUrl: `${e2e.stack.urls.tab}#/chat/${contoso.employee}`,
        frameContext: 'content',
        authError: 'resourceRequiresConsent',
      }),
    );
    await frame.getByRole('heading', { name: 'Career Board needs your permission' }).waitFor();
    await frame.getByText(/Enterprise applications → Career Board → Permissions/).waitFor();
    expect(await frame.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await screenshot(page, '16-chat-consent-needed');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('consent only an admin can give: the admin’s steps, and a check once they are done', async () => {
    const { page, context } = await openPage(e2e.browser);
    const frame = await e2e.host.open(
      page,
      await scenario(contoso.employee, `nia@${contoso.domain}`, {
        tabUrl: `${e2e.stack.urls.tab}#/chat/${contoso.employee}`,
        frameContext: 'content',
        authError: 'AADSTS90094: The grant requires admin permission.',
      }),
    );
    await frame
      .getByRole('heading', { name: 'Your IT admin needs to approve Career Board' })
      .waitFor();
    await frame.getByText(/Grant admin consent/).waitFor();
    await frame.getByRole('button', { name: 'My admin has approved it: check again' }).click();
    await frame
      .getByRole('heading', { name: 'Your IT admin needs to approve Career Board' })
      .waitFor();
    const asked = (await hostState(page)).messages.filter(
      (m) => m.func === 'authentication.getAuthToken',
    );
    expect(asked.length).toBeGreaterThanOrEqual(2);
    await screenshot(page, '16b-chat-admin-consent-needed');
    await context.close();
  });
});
