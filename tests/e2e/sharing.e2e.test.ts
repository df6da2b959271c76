import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

import type { AspirationView } from '../../api/src/contract/boardContract';
import type { DirectoryPerson } from '../../api/src/domain/orgChart/directoryPerson';
import { agendaForPair } from '../../api/src/scheduler/agendaForPair';
import { openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { callApi } from './support/seed';
import { signInAs, switchUserTo } from './support/signIn';
import { DEMO } from './support/stack';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(180_000);

const { contoso } = DEMO;

/** Serious and critical axe violations, described for a person. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe('sharing: Nia chooses who else sees what, asks for advice, and takes it back', () => {
  let lead: AspirationView;
  let lisbon: AspirationView;
  const e2e = browserSuite({
    seed: async (stack) => {
      const board = `/boards/${contoso.employee}/aspirations`;
      lead = await callApi<AspirationView>(stack, contoso.employee, 'POST', board, {
        kind: 'title',
        horizon: 'next',
        title: 'Team lead for Payments',
        details: 'Lead the payments squad through the 2027 migration.',
        steps: [{ text: 'Run the Q1 planning' }],
      });
      lisbon = await callApi<AspirationView>(stack, contoso.employee, 'POST', board, {
        kind: 'other',
        horizon: '1y',
        title: 'Move to the Lisbon office',
      });
    },
  });

  test('share with a sponsor, ask for advice, answer it, revoke, and the manager sponsors in the agenda', async () => {
    const { page, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    // The Sharing panel opens on request: its code is not in what paints My board.
    await page.getByRole('button', { name: 'Manage sharing' }).click();
    const panel = page.getByTestId('sharing-panel');
    await panel.getByText('Only you and your manager see your board.').waitFor();

    // Share one aspiration with Kavya as a sponsor.
    await panel.getByRole('searchbox', { name: 'Colleague' }).fill('Kav');
    await panel.getByRole('button', { name: 'Find', exact: true }).click();
    await panel.getByRole('button', { name: /^Kavya Nair/ }).click();
    await panel.getByRole('radio', { name: 'Chosen aspirations' }).check();
    await panel.getByRole('checkbox', { name: 'Team lead for Payments' }).check();
    await panel.getByRole('button', { name: 'Share', exact: true }).click();
    await panel.getByText('Shared with Kavya Nair.').waitFor();
    await panel.getByText('Sees: Team lead for Payments').waitFor();
    await screenshot(page, '60-sharing-panel');
    expect(await seriousViolations(page)).toEqual([]);

    // Ask Hannah a specific question about the same aspiration.
    await page.getByRole('button', { name: 'Ask for advice on “Team lead for Payments”' }).click();
    const card = page.getByTestId('aspiration-card').filter({ hasText: 'Team lead for Payments' });
    await card.getByRole('searchbox', { name: 'Whom to ask' }).fill('Hann');
    await card.getByRole('button', { name: 'Find', exact: true }).click();
    await card.getByRole('button', { name: /^Hannah Schulz/ }).click();
    await card
      .getByRole('textbox', { name: 'Your question' })
      .fill('What would you need to see from me to be considered for team lead?');
    await screenshot(page, '61-ask-for-advice');
    await card.getByRole('button', { name: 'Send question' }).click();
    await card.getByText('Asked Hannah Schulz.', { exact: false }).waitFor();

    // Kavya, the sponsor: "Shared with me" lists Nia; her board shows only what was shared.
    await switchUserTo(page, 'Kavya Nair', '#/shared');
    await page.getByRole('heading', { name: 'Shared with me', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Nia Adeyemi’s board' }).waitFor();
    await screenshot(page, '62a-shared-with-me-list');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Nia Adeyemi’s board' }).click();
    await page.getByRole('heading', { name: 'Team lead for Payments' }).waitFor();
    await expect(page.getByText('Move to the Lisbon office').count()).resolves.toBe(0);
    await page
      .getByRole('textbox', { name: 'Advice for Nia Adeyemi' })
      .fill('Ask to run the next incident review.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page
      .getByRole('list', { name: 'Answers' })
      .getByText('Ask to run the next incident review.', { exact: true })
      .waitFor();
    await screenshot(page, '62-shared-with-me-sponsor');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, '62b-shared-with-me-320');
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName}.${e.className}`.slice(0, 80))
        .slice(0, 8),
    );
    expect(wide).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Hannah, asked: just that aspiration and the question; she answers.
    await switchUserTo(page, 'Hannah Schulz', `#/shared/${contoso.employee}`);
    await page.getByText(/Question: “What would you need to see from me/).waitFor();
    await page
      .getByRole('textbox', { name: 'Your answer' })
      .fill('Lead two incident reviews end to end.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page
      .getByRole('list', { name: 'Answers' })
      .getByText('Lead two incident reviews end to end.', { exact: true })
      .waitFor();
    await expect(page.getByText('Move to the Lisbon office').count()).resolves.toBe(0);
    await screenshot(page, '63-advice-answered');

    // Nia sees the answer with the aspiration, and revokes Kavya in one action.
    await switchUserTo(page, 'Nia Adeyemi');
    await page.getByRole('button', { name: 'Manage sharing' }).click();
    await panel.getByText('Lead two incident reviews end to end.', { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Revoke Kavya Nair’s access' }).click();
    await panel.getByText('Kavya Nair can no longer see your board.').waitFor();
    await screenshot(page, '64-revoked');

    // Revoked means at once: Kavya's very next visit finds nothing.
    await switchUserTo(page, 'Kavya Nair', `#/shared/${contoso.employee}`);
    await page.getByText('This board is no longer shared with you').waitFor();
    await screenshot(page, '65-revoked-sponsor-view');

    // Tobias, the manager: "I will sponsor this" shows on the card and in the invite's agenda.
    await switchUserTo(page, 'Tobias Becker', `#/board/${contoso.employee}`);
    await page.getByRole('button', { name: 'I will sponsor “Team lead for Payments”' }).click();
    await page.getByText('Tobias Becker will sponsor this').waitFor();
    await screenshot(page, '66-manager-sponsors');
    expect(await seriousViolations(page)).toEqual([]);

    // The invite's body as the scheduler renders it for this pair.
    const person = (id: string, displayName: string): DirectoryPerson => ({
      type: 'person',
      id,
      pk: contoso.tenantId,
      tenantId: contoso.tenantId,
      displayName,
      mail: null,
      jobTitle: null,
      department: null,
      managerId: null,
      accountEnabled: true,
      userType: 'Member',
      eligible: true,
      managerChangedAt: null,
      previousManagerId: null,
      removed: false,
    });
    const agenda = await agendaForPair(
      e2e.stack.services,
      contoso.tenantId,
      person(contoso.employee, 'Nia Adeyemi'),
      person(contoso.manager, 'Tobias Becker'),
      { newManager: false },
    );
    expect(agenda).toContain('Tobias Becker will sponsor this.');
    expect(agenda).toContain(lisbon.title);
    const invite = await e2e.browser.newPage();
    await invite.setContent(
      `<!doctype html><html lang="en"><title>Invite</title><body>${agenda}</body></html>`,
    );
    await invite.getByText('Tobias Becker will sponsor this.').waitFor();
    await screenshot(invite, '67-agenda-with-sponsor');
    await invite.close();
    expect(agenda).not.toContain(lead.id);
    expect(errors).toEqual([]);
  });
});
