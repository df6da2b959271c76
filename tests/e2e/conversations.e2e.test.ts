import type { Locator, Page } from 'playwright-core';

import type { ConversationView } from '../../api/src/contract/conversationContract';
import { answerTo, openPage, recordFetches, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { callApi, seedBoard, seedConversations } from './support/seed';
import { signInAs, switchUserTo } from './support/signIn';
import { DEMO, oneOnOneChatId, tokenFor } from './support/stack';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(180_000);

const { contoso } = DEMO;
const employee = contoso.employee;
const manager = contoso.manager;

const SHARED = 'Agreed: Nia leads the Q1 platform migration; Tobias finds budget for the course.';
const TOBIAS_PRIVATE = 'TOBIAS-PRIVATE: ready for a senior title by Q3, do not promise yet.';
const NIA_PRIVATE = 'NIA-PRIVATE: ask about the Berlin team next time.';

/** Everything a person could read on the page, including what is inside text boxes. */
const readableText = (page: Page) =>
  page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll('textarea, input')].map(
        (e) => (e as HTMLInputElement).value,
      ),
    ].join('\n'),
  );

const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/** The held conversation's header button: "<day> · Held". */
const heldConversation = (section: Locator) => section.getByRole('button', { name: /· Held/ });

describe('the quarterly conversation on the board, as the two people see it', () => {
  let next: { start: string | null; end: string | null };
  let heldId = '';

  /** Does `action` and waits for the answer to the held conversation's PATCH it sends. */
  const patched = (page: Page, action: () => Promise<unknown>) =>
    answerTo(
      page,
      'PATCH',
      `/boards/${employee}/conversations/${encodeURIComponent(heldId)}`,
      action,
    );

  const e2e = browserSuite({
    teamsHost: true,
    seed: async (stack) => {
      await seedBoard(stack, employee, manager);
      const seeded = await seedConversations(stack, employee, manager);
      next = seeded.next;
      heldId = seeded.held.id;
    },
  });

  test('the manager writes shared notes and actions; the employee sees them; each keeps private notes the other never sees', async () => {
    // Tobias reads times in Berlin, in British English.
    const { page, context, errors } = await openPage(e2e.browser, {
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
    });
    await signInAs(page, e2e.stack.urls.tab, 'Tobias Becker', `#/board/${employee}`);
    await page.getByRole('heading', { name: 'Nia Adeyemi’s board' }).waitFor();
    const conversations = page.getByRole('region', { name: 'Conversations', exact: true });

    // The next conversation, in his time zone, with the way in.
    const nextCard = page.getByTestId('next-conversation');
    await nextCard.getByRole('link', { name: 'Join in Teams' }).waitFor();
    const berlin = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', ...options })
        .formatToParts(new Date(next.start!))
        .filter((p) => p.type !== 'literal')
        .map((p) => p.value);
    const nextText = (await nextCard.textContent()) ?? '';
    const [weekday] = berlin({ weekday: 'long' });
    const [hour, minute] = berlin({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const zone = berlin({ timeZoneName: 'short' }).at(-1) ?? '';
    expect(nextText).toContain(weekday);
    expect(nextText).toContain(`${hour}:${minute}`);
    expect(nextText).toContain(zone);
    expect(nextText).toContain('Booked — the invite is in both your calendars.');
    expect(await nextCard.getByRole('link', { name: 'Join in Teams' }).getAttribute('href')).toBe(
      'https://teams.microsoft.com/l/meetup-join/test',
    );

    // The conversation last quarter has happened: both are asked to write down what they agreed.
    const prompt = page.getByTestId('notes-prompt');
    await prompt
      .getByText(/^Your conversation on .+ has happened — write down what you agreed$/)
      .waitFor();
    await screenshot(page, '19-conversation-notes-prompt');

    await prompt.getByRole('button', { name: /^Write notes/ }).click();
    const sharedNotes = conversations.getByRole('textbox', { name: 'Shared notes' });
    await sharedNotes.waitFor();
    await expect(sharedNotes.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await sharedNotes.fill(SHARED);
    // If this save fails, say how: the API's status and problem body, not just a timeout below.
    const saved = await patched(page, () =>
      conversations.getByRole('button', { name: 'Save shared notes' }).click(),
    );
    expect({ status: saved.status(), body: saved.ok() ? '' : await saved.text() }).toEqual({
      status: 200,
      body: '',
    });
    await prompt.waitFor({ state: 'detached' });

    for (const [text, owner, due] of [
      ['Book the cloud architecture course', 'manager', '2027-01-15'],
      ['Write the migration RFC', 'employee', ''],
    ] as const) {
      await conversations.getByRole('button', { name: 'Add an action' }).click();
      const form = conversations.getByRole('form', { name: 'New action' });
      await form.getByRole('textbox', { name: /^Action/ }).fill(text);
      await form.getByRole('combobox', { name: 'Who does it' }).selectOption(owner);
      if (due) await form.getByLabel('Due (optional)').fill(due);
      await form.getByRole('button', { name: 'Add action' }).click();
      await conversations.getByRole('checkbox', { name: text }).waitFor();
    }
    await conversations
      .getByText('Owner: Tobias Becker · Due 15 Jan 2027', { exact: true })
      .waitFor();
    await conversations.getByText('Owner: Nia Adeyemi', { exact: true }).waitFor();

    const tobiasNotes = conversations.getByTestId('conversation-private-notes');
    await tobiasNotes.getByText('Not Nia, not anyone else.').waitFor();
    await tobiasNotes.getByRole('textbox', { name: 'My private notes' }).fill(TOBIAS_PRIVATE);
    await tobiasNotes.getByRole('button', { name: 'Save private notes' }).click();
    await tobiasNotes.getByText('Saved', { exact: true }).waitFor();
    // The board's own private notes speak to him as the manager, too.
    await page
      .getByTestId('private-notes')
      .getByText(/^Not Nia, not anyone else\./)
      .waitFor();
    await screenshot(page, '20-manager-conversation-notes');

    // --- Nia sees what they agreed, and the open actions waiting for the next conversation.
    await switchUserTo(page, 'Nia Adeyemi');
    await page.getByRole('heading', { name: 'My board' }).waitFor();
    const carried = page.getByRole('region', { name: 'Open actions from earlier conversations' });
    await carried.getByText('Book the cloud architecture course').waitFor();
    await carried.getByText(/They carry into the next conversation’s agenda/).waitFor();
    expect(await page.getByTestId('notes-prompt').count()).toBe(0);

    await heldConversation(conversations).click();
    await expect(
      conversations.getByRole('textbox', { name: 'Shared notes' }).inputValue(),
    ).resolves.toBe(SHARED);
    await conversations
      .getByText('Owner: Tobias Becker · Due 15 Jan 2027', { exact: true })
      .waitFor();
    const niaNotes = conversations.getByTestId('conversation-private-notes');
    await niaNotes.getByText('Not your manager, not anyone else.').waitFor();
    await expect(
      niaNotes.getByRole('textbox', { name: 'My private notes' }).inputValue(),
    ).resolves.toBe('');
    expect(await readableText(page)).not.toContain('TOBIAS-PRIVATE');

    await niaNotes.getByRole('textbox', { name: 'My private notes' }).fill(NIA_PRIVATE);
    await niaNotes.getByRole('button', { name: 'Save private notes' }).click();
    await niaNotes.getByText('Saved', { exact: true }).waitFor();
    // The tick shows at once; the reload below needs the PATCH that keeps it answered.
    const ticked = await patched(page, () =>
      conversations.getByRole('checkbox', { name: 'Write the migration RFC' }).check(),
    );
    expect(ticked.status()).toBe(200);
    await carried.getByText('Write the migration RFC').waitFor({ state: 'detached' });
    await screenshot(page, '21-employee-sees-conversation');

    // A reload shows what the API kept.
    await page.reload();
    await heldConversation(conversations).click();
    await expect(
      conversations.getByRole('checkbox', { name: 'Write the migration RFC' }).isChecked(),
    ).resolves.toBe(true);
    await expect(
      niaNotes.getByRole('textbox', { name: 'My private notes' }).inputValue(),
    ).resolves.toBe(NIA_PRIVATE);

    // --- Tobias still has his own notes, and never sees hers.
    await switchUserTo(page, 'Tobias Becker', `#/board/${employee}`);
    await heldConversation(conversations).click();
    await expect(
      tobiasNotes.getByRole('textbox', { name: 'My private notes' }).inputValue(),
    ).resolves.toBe(TOBIAS_PRIVATE);
    expect(await readableText(page)).not.toContain('NIA-PRIVATE');
    await expect(
      conversations.getByRole('checkbox', { name: 'Write the migration RFC' }).isChecked(),
    ).resolves.toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });

  test('shared notes saved elsewhere meanwhile: what was typed is kept, the latest loaded, and saved on top', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    const fetches = recordFetches(page);
    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    const conversations = page.getByRole('region', { name: 'Conversations', exact: true });
    await heldConversation(conversations).click();
    const notes = conversations.getByRole('textbox', { name: 'Shared notes' });
    await notes.fill('Nia: I lead the migration, Tobias books the course.');
    await conversations.getByText('Unsaved changes').waitFor();

    // Meanwhile Tobias, in his own window, changes the shared notes.
    const list = await callApi<{ conversations: ConversationView[] }>(
      e2e.stack,
      manager,
      'GET',
      `/boards/${employee}/conversations`,
    );
    const held = list.conversations.find((c) => c.id === heldId)!;
    const changed = await fetch(
      `${e2e.stack.urls.api}/boards/${employee}/conversations/${heldId}`,
      {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${await tokenFor(e2e.stack, manager)}`,
          'Content-Type': 'application/json',
          'If-Match': held.etag,
        },
        body: JSON.stringify({ sharedNotes: 'Tobias: course booked for January.' }),
      },
    );
    expect(changed.status).toBe(200);

    // The API's 412, or the page's own check of the version it holds, shows the bar. If it never
    // shows, say what the page showed instead and every request it made.
    await conversations.getByRole('button', { name: 'Save shared notes' }).click();
    const barShown = await conversations
      .getByText('Changed elsewhere')
      .waitFor({ timeout: 20_000 })
      .then(
        () => true,
        () => false,
      );
    if (!barShown) {
      throw new Error(
        `No “Changed elsewhere” after the stale save.\nAlerts: ${JSON.stringify(
          await conversations.getByRole('alert').allTextContents(),
        )}\nPage errors: ${JSON.stringify(errors)}\nFetches:\n${fetches.join('\n')}`,
      );
    }
    await expect(notes.inputValue()).resolves.toBe(
      'Nia: I lead the migration, Tobias books the course.',
    );
    await conversations.getByRole('button', { name: 'Load latest version' }).click();
    await conversations.getByText('Saved now: Tobias: course booked for January.').waitFor();
    await expect(notes.inputValue()).resolves.toBe(
      'Nia: I lead the migration, Tobias books the course.',
    );
    await screenshot(page, '22-conversation-changed-elsewhere');
    await conversations.getByRole('button', { name: 'Save shared notes' }).click();
    await conversations.getByText('Latest version loaded').waitFor({ state: 'detached' });

    const after = await callApi<{ conversations: ConversationView[] }>(
      e2e.stack,
      manager,
      'GET',
      `/boards/${employee}/conversations`,
    );
    expect(after.conversations.find((c) => c.id === heldId)?.sharedNotes).toBe(
      'Nia: I lead the migration, Tobias books the course.',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  test('in the 1:1 chat tab the manager sees the same conversations, ready for notes', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    const frame = await e2e.host.open(page, {
      tabUrl: `${e2e.stack.urls.tab}#/chat/${employee}`,
      frameContext: 'content',
      token: await tokenFor(e2e.stack, manager),
      user: {
        id: manager,
        userPrincipalName: `tobias@${contoso.domain}`,
        tenantId: contoso.tenantId,
      },
      chatId: oneOnOneChatId(employee, manager),
      theme: 'default',
    });
    await frame.getByRole('heading', { name: 'Nia Adeyemi’s career board' }).waitFor();
    const conversations = frame.getByRole('region', { name: 'Conversations', exact: true });
    await conversations.getByRole('link', { name: 'Join in Teams' }).waitFor();
    await heldConversation(conversations).click();
    await conversations.getByRole('textbox', { name: 'Shared notes' }).waitFor();
    // The tab scrolls inside its frame: bring the conversations into the frame's view.
    await conversations.evaluate((e) => e.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await screenshot(page, '23-conversation-chat-tab');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a save the server fails (5xx) says so, keeps the typed notes, and saves them on “Try again”', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    const conversations = page.getByRole('region', { name: 'Conversations', exact: true });
    await heldConversation(conversations).click();
    const notes = conversations.getByRole('textbox', { name: 'Shared notes' });
    const typed = 'Nia: the migration starts in January; Tobias books the course.';
    await notes.fill(typed);

    // The first save meets a server error, as an embedded Cosmos hiccup would give.
    const patch = `**/boards/${employee}/conversations/${encodeURIComponent(heldId)}`;
    await page.route(patch, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 500,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Internal Server Error',
              status: 500,
              detail: '',
              instance: 'req-e2e-500',
            }),
          })
        : route.fallback(),
    );
    await conversations.getByRole('button', { name: 'Save shared notes' }).click();
    const failed = conversations.getByRole('alert').filter({ hasText: 'Your notes weren’t saved' });
    await failed.waitFor();
    await failed.getByText(/quote “req-e2e-500”/).waitFor();
    await expect(notes.inputValue()).resolves.toBe(typed);
    await screenshot(page, '24-conversation-save-failed');

    await page.unroute(patch);
    const retried = await patched(page, () =>
      failed.getByRole('button', { name: 'Try again' }).click(),
    );
    expect(retried.status()).toBe(200);
    await failed.waitFor({ state: 'detached' });
    await conversations.getByText('Saved', { exact: true }).first().waitFor();
    const after = await callApi<{ conversations: ConversationView[] }>(
      e2e.stack,
      manager,
      'GET',
      `/boards/${employee}/conversations`,
    );
    expect(after.conversations.find((c) => c.id === heldId)?.sharedNotes).toBe(typed);
    // The failed request is the page's own 500, logged by the browser: no uncaught error.
    expect(errors).toEqual([]);
    await context.close();
  });

  test('at 320 px wide the conversations fit without sideways scrolling, and work from the keyboard', async () => {
    const { page, context } = await openPage(e2e.browser, {
      viewport: { width: 320, height: 800 },
    });
    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    const conversations = page.getByRole('region', { name: 'Conversations', exact: true });
    await heldConversation(conversations).focus();
    await page.keyboard.press('Enter');
    const add = conversations.getByRole('button', { name: 'Add an action' });
    await add.focus();
    await page.keyboard.press('Enter');
    const form = conversations.getByRole('form', { name: 'New action' });
    await form.getByRole('textbox', { name: /^Action/ }).focus();
    await page.keyboard.type('Shadow the SRE lead for a week');
    await page.keyboard.press('Enter'); // submits the form
    await conversations.getByRole('checkbox', { name: 'Shadow the SRE lead for a week' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Add an action',
    );
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'layout-320-conversations');
    await context.close();
  });
});
