import type { Page } from 'playwright-core';

import { answerTo, openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { signInAs, switchUserTo } from './support/signIn';
import type { BoardView } from '../../api/src/contract/boardContract';
import { callApi } from './support/seed';
import { DEMO, tokenFor } from './support/stack';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

/** Polls until `read` returns `expected` (the screen catches up with an optimistic change or a reload). */
async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) expect(last).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
}

/** Omar Haddad, another of Tobias's reports, found through the org chart the stack serves. */
let omarIdValue = '';
const omarId = () => omarIdValue;

const card = (page: Page, title: string) =>
  page.locator('article', { has: page.getByRole('heading', { name: title, level: 3 }) });

describe('say it, be heard: the board between an employee and their manager', () => {
  const e2e = browserSuite({
    seed: async (stack) => {
      const tobiasTeam = await callApi<{ directReports: { id: string; displayName: string }[] }>(
        stack,
        DEMO.contoso.manager,
        'GET',
        '/me',
      );
      omarIdValue = tobiasTeam.directReports.find((p) => p.displayName === 'Omar Haddad')?.id ?? '';
    },
  });

  test('the employee writes an aspiration with steps and evidence; the manager sees it flagged, acknowledges it with a note; the employee sees "Seen by …" and the note', async () => {
    const { page, context, errors } = await openPage(e2e.browser);

    // --- Nia says it.
    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    await page.getByRole('heading', { name: 'Say what you want next' }).waitFor();
    await screenshot(page, '03-empty-board');

    await page.getByRole('button', { name: /Your next opportunity, position or title/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an aspiration' });
    await dialog.getByRole('button', { name: 'Add aspiration' }).click();
    await dialog.getByText('The title cannot be empty.').waitFor();
    await dialog
      .getByRole('textbox', { name: /What do you want/ })
      .fill('Staff engineer on the platform team');
    await dialog
      .getByRole('textbox', { name: /Details/ })
      .fill('Own the reliability roadmap and mentor two engineers.');
    await dialog.getByRole('textbox', { name: 'Step 1' }).fill('Lead the Q3 incident review');
    await dialog.getByRole('button', { name: 'Add a step' }).click();
    await dialog.getByRole('textbox', { name: 'Step 2' }).fill('Write the on-call handbook');
    await screenshot(page, '04-add-aspiration-dialog');
    await dialog.getByRole('button', { name: 'Add aspiration' }).click();
    await dialog.waitFor({ state: 'detached' });

    const aspiration = card(page, 'Staff engineer on the platform team');
    await aspiration.getByText('Not seen by your manager yet').waitFor();
    await aspiration.getByRole('checkbox', { name: 'Lead the Q3 incident review' }).check();
    await aspiration.getByText('1 of 2 done').waitFor();
    await aspiration
      .getByRole('textbox', { name: /New step for/ })
      .fill('Pair with the SRE lead for a sprint');
    await aspiration.getByRole('button', { name: /Add step to/ }).click();
    await aspiration
      .getByRole('checkbox', { name: 'Pair with the SRE lead for a sprint' })
      .waitFor();

    await aspiration.getByRole('button', { name: 'What I did (0)' }).click();
    await aspiration.getByRole('button', { name: 'Log what I did' }).click();
    await aspiration
      .getByRole('textbox', { name: /What did you do/ })
      .fill('Ran the incident review for the March outage');
    await aspiration
      .getByRole('textbox', { name: /Link/ })
      .fill('https://wiki.contoso.example/incidents/march');
    await aspiration.getByRole('button', { name: 'Add to log' }).click();
    await aspiration.getByRole('button', { name: 'What I did (1)' }).waitFor();
    await aspiration.getByText('Ran the incident review for the March outage').waitFor();
    await screenshot(page, '05-employee-board');

    // A reload shows what the API kept, not just what the screen showed.
    await page.reload();
    await card(page, 'Staff engineer on the platform team').getByText('1 of 3 done').waitFor();

    // --- Tobias sees it on My team, flagged.
    await switchUserTo(page, 'Tobias Becker', '#/team');
    await page.getByRole('heading', { name: 'My team' }).waitFor();
    const niaRow = page.getByTestId('team-member').filter({ hasText: 'Nia Adeyemi' });
    await niaRow.getByText('Needs acknowledgement').waitFor();
    await niaRow.getByText('Staff engineer on the platform team').waitFor();
    await page.getByRole('button', { name: /^Needs acknowledgement \(/ }).click();
    await expect(
      page.getByTestId('team-member').filter({ hasText: 'Nia Adeyemi' }).count(),
    ).resolves.toBe(1);
    await screenshot(page, '06-my-team');

    // --- and acknowledges it with a support note.
    await niaRow.getByRole('link', { name: 'Nia Adeyemi' }).click();
    await page.getByRole('heading', { name: 'Nia Adeyemi’s board' }).waitFor();
    expect(await page.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add aspiration' }).count()).toBe(0);
    await page
      .getByRole('button', { name: 'Acknowledge “Staff engineer on the platform team”' })
      .click();
    const ack = page.getByRole('dialog');
    await ack
      .getByRole('textbox', { name: /Support note/ })
      .fill('I’ll put you forward to lead the reliability working group.');
    await screenshot(page, '07-acknowledge-dialog');
    await ack.getByRole('button', { name: 'Acknowledge' }).click();
    await ack.waitFor({ state: 'detached' });
    await card(page, 'Staff engineer on the platform team')
      .getByText(/^Seen by you on /)
      .waitFor();
    await screenshot(page, '08-manager-view');

    // --- Nia sees she was heard.
    await switchUserTo(page, 'Nia Adeyemi');
    const heard = card(page, 'Staff engineer on the platform team');
    await heard.getByText(/^Seen by Tobias on /).waitFor();
    await heard.getByText('I’ll put you forward to lead the reliability working group.').waitFor();
    await screenshot(page, '09-employee-heard');

    expect(errors).toEqual([]);
    await context.close();
  });

  test('reorder, delete, private notes and history work against the API', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Hannah Schulz');
    await page.getByRole('heading', { name: 'Say what you want next' }).waitFor();
    for (const title of ['Lead the SRE guild', 'Speak at SREcon']) {
      await page.getByRole('button', { name: 'Add aspiration' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /What do you want/ }).fill(title);
      await dialog.getByRole('button', { name: 'Add aspiration' }).click();
      await dialog.waitFor({ state: 'detached' });
      await card(page, title).waitFor();
    }
    const order = () =>
      page
        .getByRole('region', { name: 'Next' })
        .getByRole('heading', { level: 3 })
        .allTextContents();
    expect(await order()).toEqual(['Lead the SRE guild', 'Speak at SREcon']);

    await page.getByRole('button', { name: 'Actions for “Speak at SREcon”' }).click();
    // The new order shows at once; the reload needs the PATCH that keeps it answered.
    const moved = await answerTo(page, 'PATCH', /\/aspirations\/[^/]+$/, () =>
      page.getByRole('menuitem', { name: 'Move up' }).click(),
    );
    expect(moved.status()).toBe(200);
    await eventually(order, ['Speak at SREcon', 'Lead the SRE guild']);
    await page.reload();
    await eventually(order, ['Speak at SREcon', 'Lead the SRE guild']);

    await page.getByRole('button', { name: 'Actions for “Lead the SRE guild”' }).click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await eventually(order, ['Speak at SREcon']);

    const notes = page.getByTestId('private-notes');
    await notes
      .getByRole('textbox', { name: 'Your notes' })
      .fill('Ask Tobias about the guild budget.');
    await notes.getByRole('button', { name: 'Save notes' }).click();
    await notes.getByText(/^Saved /).waitFor();
    await page.reload();
    await expect(notes.getByRole('textbox', { name: 'Your notes' }).inputValue()).resolves.toBe(
      'Ask Tobias about the guild budget.',
    );

    await page.getByRole('button', { name: 'History' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Hannah Schulz ·' }).first().waitFor();
    await screenshot(page, '17-history-and-notes');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a change saved elsewhere meanwhile gets 412: what was typed is kept, reloaded, and saved on top', async () => {
    const { page, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Omar Haddad');
    await page.getByRole('heading', { name: 'Say what you want next' }).waitFor();
    await page.getByRole('button', { name: 'Add aspiration' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /What do you want/ }).fill('Tech lead');
    await dialog.getByRole('button', { name: 'Add aspiration' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Actions for “Tech lead”' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit aspiration' });
    await dialog.getByRole('textbox', { name: /What do you want/ }).fill('Tech lead for payments');

    // Meanwhile, in another window, Omar changes the details.
    const board = await callApi<BoardView>(e2e.stack, omarId(), 'GET', `/boards/${omarId()}`);
    const saved = board.aspirations[0];
    await fetch(`${e2e.stack.urls.api}/boards/${omarId()}/aspirations/${saved.id}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${await tokenFor(e2e.stack, omarId())}`,
        'Content-Type': 'application/json',
        'If-Match': saved.etag,
      },
      body: JSON.stringify({ title: 'Tech lead (from my phone)' }),
    });

    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Changed elsewhere').waitFor();
    await expect(
      dialog.getByRole('textbox', { name: /What do you want/ }).inputValue(),
    ).resolves.toBe('Tech lead for payments');
    await dialog.getByRole('button', { name: 'Load latest version' }).click();
    await dialog.getByText('Saved now: Tech lead (from my phone)').waitFor();
    await screenshot(page, '18-changed-elsewhere');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card(page, 'Tech lead for payments').waitFor();
    await context.close();
  });

  test('everything can be done from the keyboard: aspiration, steps, evidence, comments, delete, team filters', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Elif Yılmaz');
    await page.getByRole('heading', { name: 'Say what you want next' }).waitFor();
    const focusedName = () =>
      page.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-label') ??
          document.activeElement?.textContent ??
          '',
      );
    await page.getByRole('button', { name: 'Add aspiration' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /What do you want/ }).focus();
    await page.keyboard.type('Principal engineer');
    await page.keyboard.press('Enter'); // submits the form
    await dialog.waitFor({ state: 'detached' });
    const aspiration = card(page, 'Principal engineer');

    // Steps: the first one is opened on purpose, and the cursor lands in the box.
    await aspiration
      .getByRole('button', { name: 'Add a first step to “Principal engineer”' })
      .focus();
    await page.keyboard.press('Enter');
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('placeholder')),
    ).resolves.toBe('Add a step');
    await page.keyboard.type('Write the platform RFC');
    await page.keyboard.press('Enter');
    const step = aspiration.getByRole('checkbox', { name: 'Write the platform RFC' });
    await step.waitFor();
    await step.focus();
    await page.keyboard.press('Space');
    await aspiration.getByText('1 of 1 done').waitFor();

    // Evidence: open the log, write, save.
    await aspiration.getByRole('button', { name: 'What I did (0)' }).focus();
    await page.keyboard.press('Enter');
    await aspiration.getByRole('button', { name: 'Log what I did' }).focus();
    await page.keyboard.press('Enter');
    await aspiration.getByRole('textbox', { name: /What did you do/ }).focus();
    await page.keyboard.type('Drafted the RFC outline');
    await aspiration.getByRole('button', { name: 'Add to log' }).focus();
    await page.keyboard.press('Enter');
    await aspiration.getByRole('button', { name: 'What I did (1)' }).waitFor();
    await aspiration.getByText('Drafted the RFC outline').waitFor();

    // Comments: open the thread, write, post.
    await aspiration.getByRole('button', { name: 'Comments (0)' }).focus();
    await page.keyboard.press('Enter');
    await aspiration.getByRole('textbox', { name: /Comment on/ }).focus();
    await page.keyboard.type('Tobias, can we talk about this on Thursday?');
    await page.keyboard.press('Tab');
    await expect(focusedName()).resolves.toBe('Post comment');
    await page.keyboard.press('Enter');
    await aspiration.getByRole('button', { name: 'Comments (1)' }).waitFor();

    // The menu opens and closes from the keyboard, and hands focus back.
    const actions = page.getByRole('button', { name: 'Actions for “Principal engineer”' });
    await actions.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Edit' }).waitFor();
    await page.keyboard.press('Escape');
    await expect(focusedName()).resolves.toBe('Actions for “Principal engineer”');

    // Delete: menu, arrow to "Delete…", confirm in the alert dialog.
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Edit' }).waitFor();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
    await expect(focusedName()).resolves.toBe('Delete…');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Principal engineer”?' });
    await confirm.waitFor();
    await expect(focusedName()).resolves.toBe('Keep it');
    await page.keyboard.press('Tab');
    await expect(focusedName()).resolves.toBe('Delete');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Say what you want next' }).waitFor();

    // Team filters: a manager narrows and widens the list with Tab and Space.
    await switchUserTo(page, 'Tobias Becker', '#/team');
    await page.getByRole('link', { name: 'Nia Adeyemi' }).waitFor();
    const everyone = await page.getByTestId('team-member').count();
    const filter = page.getByRole('button', { name: /^No aspirations \(\d+\)$/ });
    const expected = Number(/\((\d+)\)/.exec((await filter.textContent()) ?? '')?.[1]);
    await page.getByRole('button', { name: /^Everyone \(/ }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(focusedName()).resolves.toMatch(/^No aspirations \(/);
    await page.keyboard.press('Space');
    await eventually(() => page.getByTestId('team-member').count(), expected);
    await expect(filter.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('button', { name: /^Everyone \(/ }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.getByTestId('team-member').count(), everyone);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a peer who crafts a link to someone else’s board gets a clear no-access page', async () => {
    const { page, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Mateo Rossi');
    await page.evaluate((id) => (window.location.hash = `#/board/${id}`), DEMO.contoso.employee);
    await page.getByRole('heading', { name: 'This board isn’t yours to see' }).waitFor();
    await page
      .getByText(/visible only to the person it belongs to and their current manager/)
      .waitFor();
    await screenshot(page, '10-no-access');
    await page.getByRole('button', { name: 'Go to my board' }).click();
    await page.getByRole('heading', { name: 'My board' }).waitFor();
    await context.close();
  });
});
