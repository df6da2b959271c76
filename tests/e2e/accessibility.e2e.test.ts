import { randomUUID } from 'node:crypto';

import type { Frame } from 'playwright-core';

import { seriousViolations, settled } from './support/axe';
import { openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import type { BoardView } from '../../api/src/contract/boardContract';
import { callApi, seedBoard, seedConversations } from './support/seed';
import { DEMO, oneOnOneChatId, tokenFor } from './support/stack';
import type { HostScenario, TeamsTheme } from './support/teamsTestHost';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(180_000);

const { contoso } = DEMO;

type Theme = 'light' | 'dark' | 'contrast';
const THEMES: Theme[] = ['light', 'dark', 'contrast'];
const TEAMS_THEME: Record<Theme, TeamsTheme> = {
  light: 'default',
  dark: 'dark',
  contrast: 'contrast',
};

describe('accessibility: no serious or critical axe violations on any screen, in every theme', () => {
  const e2e = browserSuite({
    teamsHost: true,
    seed: async (stack) => {
      await seedBoard(stack, contoso.employee, contoso.manager);
      // One booked ahead, one held with notes still to write and an action carried over.
      await seedConversations(stack, contoso.employee, contoso.manager, [
        {
          id: randomUUID(),
          text: 'Book the cloud architecture course',
          owner: 'manager',
          dueDate: '2027-01-15',
          done: false,
        },
        {
          id: randomUUID(),
          text: 'Write the migration RFC',
          owner: 'employee',
          dueDate: null,
          done: true,
        },
      ]);
    },
  });

  test.each(THEMES)(
    '"Sign in as" (outside Teams, following the OS) in the %s theme',
    async (theme) => {
      // Outside Teams the tab follows the OS: dark mode, and forced colours for contrast.
      const { page, context } = await openPage(e2e.browser, {
        colorScheme: theme === 'dark' ? 'dark' : 'light',
        forcedColors: theme === 'contrast' ? 'active' : 'none',
      });
      await page.goto(e2e.stack.urls.tab);
      await page.getByRole('heading', { name: 'Sign in as' }).waitFor();
      await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      await settled(page);
      const found = await seriousViolations(page, 'sign-in-as');
      await screenshot(page, `a11y-${theme}-sign-in-as`);
      await context.close();
      expect(found).toEqual([]);
    },
  );

  test.each(THEMES)('every screen in Teams in the %s theme', async (theme) => {
    const found: string[] = [];
    const { page, context } = await openPage(e2e.browser);
    const people = {
      nia: { id: contoso.employee, upn: `nia@${contoso.domain}` },
      elif: { id: DEMO.contoso.partTimer, upn: `elif@${contoso.domain}` },
      tobias: { id: contoso.manager, upn: `tobias@${contoso.domain}` },
      mateo: { id: contoso.peer, upn: `mateo@${contoso.domain}` },
      yuki: { id: contoso.admin, upn: `yuki@${contoso.domain}` },
    };
    const open = async (
      who: keyof typeof people,
      hash: string,
      extra: Partial<HostScenario> = {},
    ) => {
      const person = people[who];
      return e2e.host.open(page, {
        tabUrl: `${e2e.stack.urls.tab}${hash}`,
        frameContext: 'content',
        token: await tokenFor(e2e.stack, person.id),
        user: { id: person.id, userPrincipalName: person.upn, tenantId: contoso.tenantId },
        chatId: null,
        theme: TEAMS_THEME[theme],
        ...extra,
      });
    };
    const check = async (frame: Frame, screen: string) => {
      await frame.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      await settled(frame);
      found.push(...(await seriousViolations(page, screen)));
      await screenshot(page, `a11y-${theme}-${screen}`);
    };

    let frame = await open('nia', '#/board');
    await frame.getByRole('heading', { name: 'Staff engineer on the platform team' }).waitFor();
    await frame.getByRole('button', { name: 'What I did (1)' }).click();
    await frame.getByText('Ran the incident review for the March outage').waitFor();
    await check(frame, 'employee-board');

    // The quarterly conversation: the prompt opens the held one, notes and actions in view.
    const conversations = frame.getByRole('region', { name: 'Conversations', exact: true });
    await frame.getByRole('button', { name: /^Write notes/ }).click();
    await conversations.getByRole('textbox', { name: 'Shared notes' }).waitFor();
    await conversations.getByRole('checkbox', { name: 'Write the migration RFC' }).waitFor();
    await check(frame, 'conversation-employee');

    await conversations.getByRole('button', { name: 'Add an action' }).click();
    await conversations.getByRole('button', { name: 'Add action' }).click();
    await conversations.getByText('An action needs a description.').waitFor();
    await check(frame, 'conversation-action-with-error');
    await conversations.getByRole('button', { name: 'Cancel' }).click();

    await frame.getByRole('button', { name: 'Add aspiration' }).click();
    const dialog = frame.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add aspiration' }).click();
    await dialog.getByText('The title cannot be empty.').waitFor();
    await check(frame, 'add-dialog-with-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Deleting asks first, in an alert dialog.
    const speaking = 'Public speaking at a regional conference';
    await frame.getByRole('button', { name: `Actions for “${speaking}”` }).click();
    await frame.getByRole('menuitem', { name: 'Delete…' }).click();
    const confirm = frame.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Keep it' }).waitFor();
    await check(frame, 'delete-dialog');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'detached' });

    // Changed elsewhere (412): the edit dialog keeps what was typed and offers the latest.
    await frame.getByRole('button', { name: `Actions for “${speaking}”` }).click();
    await frame.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = frame.getByRole('dialog', { name: 'Edit aspiration' });
    await edit.getByRole('textbox', { name: /Details/ }).fill(`Keynote, ${theme} edition`);
    const board = await callApi<BoardView>(
      e2e.stack,
      contoso.employee,
      'GET',
      `/boards/${contoso.employee}`,
    );
    const current = board.aspirations.find((a) => a.title === speaking)!;
    const meanwhile = await fetch(
      `${e2e.stack.urls.api}/boards/${contoso.employee}/aspirations/${current.id}`,
      {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${await tokenFor(e2e.stack, contoso.employee)}`,
          'Content-Type': 'application/json',
          'If-Match': current.etag,
        },
        body: JSON.stringify({ details: `Changed elsewhere (${theme})` }),
      },
    );
    expect(meanwhile.status).toBe(200);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('Changed elsewhere').waitFor();
    await check(frame, 'changed-elsewhere');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'detached' });

    // Consent missing: what to do, and who has to do it.
    frame = await open('nia', '#/board', { authError: 'resourceRequiresConsent' });
    await frame.getByRole('heading', { name: 'Career Board needs your permission' }).waitFor();
    await check(frame, 'consent-needed');

    // Settings, for admins.
    frame = await open('yuki', '#/settings');
    await frame.getByRole('spinbutton', { name: /Meeting length/ }).waitFor();
    await check(frame, 'settings');
    await frame.getByRole('spinbutton', { name: /Meeting length/ }).fill('5');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame.getByText('At least 15 minutes.').waitFor();
    await check(frame, 'settings-with-error');

    frame = await open('elif', '#/board');
    await frame.getByRole('heading', { name: 'Say what you want next' }).waitFor();
    await check(frame, 'empty-board');

    frame = await open('tobias', '#/team');
    await frame.getByRole('link', { name: 'Nia Adeyemi', exact: true }).waitFor();
    await check(frame, 'my-team');

    await frame.getByRole('link', { name: 'Nia Adeyemi', exact: true }).click();
    await frame.getByRole('heading', { name: 'Nia Adeyemi’s board' }).waitFor();
    await check(frame, 'manager-view');
    await frame
      .getByRole('region', { name: 'Conversations', exact: true })
      .getByRole('button', { name: /· Held/ })
      .click();
    await frame
      .getByRole('region', { name: 'Conversations', exact: true })
      .getByText('Not Nia, not anyone else.')
      .waitFor();
    await check(frame, 'conversation-manager');
    await frame
      .getByRole('button', { name: 'Acknowledge “Public speaking at a regional conference”' })
      .click();
    await frame
      .getByRole('dialog')
      .getByRole('textbox', { name: /Support note/ })
      .waitFor();
    await check(frame, 'acknowledge-dialog');

    frame = await open('mateo', `#/board/${contoso.employee}`);
    await frame.getByRole('heading', { name: 'This board isn’t yours to see' }).waitFor();
    await check(frame, 'no-access');

    frame = await open('nia', '#/config', {
      frameContext: 'settings',
      chatId: oneOnOneChatId(contoso.employee, contoso.manager),
    });
    await frame.getByRole('heading', { name: 'Pin the career board to this chat' }).waitFor();
    await check(frame, 'chat-config');

    frame = await open('nia', '#/config', {
      frameContext: 'settings',
      chatId: oneOnOneChatId(contoso.employee, contoso.peer),
    });
    await frame
      .getByRole('heading', { name: /works in a chat between an employee and their manager/ })
      .waitFor();
    await check(frame, 'chat-config-not-a-pair');

    frame = await open('tobias', `#/chat/${contoso.employee}`, {
      chatId: oneOnOneChatId(contoso.employee, contoso.manager),
    });
    await frame.getByRole('heading', { name: 'Staff engineer on the platform team' }).waitFor();
    await check(frame, 'chat-content');

    await context.close();
    expect(found).toEqual([]);
  });
});
