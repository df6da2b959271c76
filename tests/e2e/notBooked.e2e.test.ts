import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

import type { AspirationView } from '../../api/src/contract/boardContract';
import { demoUserId } from '../../api/src/local/demo-org/prng';
import { calendarEvents, careerConversations } from '../support/calendarChecks';
import { addUnbookedConversation, CROSS_ZONE } from '../support/pickFixtures';
import { openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { callApi } from './support/seed';
import { signInAs, switchUserTo } from './support/signIn';
import { DEMO } from './support/stack';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(180_000);

/**
 * Day one of the quarter's catch-up, before any scheduling pass: Kavya Nair (Bengaluru) and Jamal
 * Carter (Seattle) share no working hour, so the scheduler left their pair waiting for Kavya's
 * pick; Rajesh Iyer and Amara Okafor are not booked yet either. Everyone sees the truth in words.
 */
const rajesh = demoUserId(DEMO.contoso.tenantId, 'vp-support');
const amara = DEMO.contoso.ceo;
const PASSED_GOAL = 'Lead the Seattle support pod';

const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('conversations that could not be booked: visible, honest, and the manager picks a time', () => {
  const e2e = browserSuite({
    seed: async (stack) => {
      await addUnbookedConversation(stack, CROSS_ZONE.employee, CROSS_ZONE.manager);
      await addUnbookedConversation(stack, rajesh, amara, {
        status: 'unbooked',
        reason: 'no-free-slot',
      });
      await callApi<AspirationView>(
        stack,
        CROSS_ZONE.employee,
        'POST',
        `/boards/${CROSS_ZONE.employee}/aspirations`,
        { kind: 'title', horizon: 'next', title: PASSED_GOAL, targetDate: '2026-10-31' },
      );
      // The latest pass: 12 managers' work items, Kavya's failed on every delivery (poison queue).
      const runs = stack.services.schedulingRuns;
      const tenantId = DEMO.contoso.tenantId;
      const at = new Date().toISOString();
      await runs.writeLatest(tenantId, {
        runId: 'r1',
        startedAt: at,
        enqueued: 12,
        finishedAt: at,
      });
      for (let i = 0; i < 11; i++)
        await runs.recordResult(tenantId, 'r1', {
          itemId: `m${i}`,
          managerId: `m${i}`,
          pairs: 3,
          outcome: 'done',
          deliveries: 1,
          finishedAt: at,
          summary: {},
        });
      await runs.recordResult(tenantId, 'r1', {
        itemId: CROSS_ZONE.manager,
        managerId: CROSS_ZONE.manager,
        pairs: 4,
        outcome: 'poisoned',
        finishedAt: at,
        summary: {},
      });
    },
  });

  test('My team on day one: nobody is overdue; the pair waiting for a time says why and offers the pick; a passed target date is flagged', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Kavya Nair', '#/team');
    await page.getByRole('heading', { name: 'My team' }).waitFor();
    const rows = page.getByTestId('team-member');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(22);
    // No pass has run yet: the quarter's booking weeks are over, but nothing is "overdue".
    expect(await page.getByText('Conversation overdue').count()).toBe(0);

    const jamal = rows.filter({ hasText: 'Jamal Carter' });
    await jamal
      .getByTestId('not-booked-reason')
      .getByText(
        'Waiting for a time to be picked: the two working days never overlap (different time zones).',
      )
      .waitFor();
    await jamal.getByText('Pick a conversation time').waitFor();
    await jamal.getByText('Target date passed').waitFor();
    await jamal.getByRole('button', { name: 'Pick a time to talk with Jamal Carter' }).waitFor();
    await screenshot(page, '40-my-team-not-booked');
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    await jamal.getByText('Pick a conversation time').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, '41-my-team-not-booked-320');
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the employee's board tells the truth: waiting for the manager's pick, and why; a passed target date is flagged and the form warns", async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Jamal Carter');
    await page.getByRole('heading', { name: 'My board' }).waitFor();
    const next = page.getByTestId('next-conversation');
    await next.getByText('Waiting for Kavya to pick a time').waitFor();
    await next.getByTestId('waiting-for-time').waitFor();
    const said = (await next.textContent()) ?? '';
    expect(said).toContain(
      'Why: the two working days never overlap (different time zones). Kavya picks a time from the ones Career Board offers; the invite follows.',
    );
    expect(said).not.toMatch(/Career Board books one/);
    // Only the manager picks: no button for the employee.
    expect(await next.getByRole('button', { name: /Pick a time/ }).count()).toBe(0);

    const card = page.getByTestId('aspiration-card').filter({ hasText: PASSED_GOAL });
    await card
      .getByTestId('target-date-passed')
      .getByText(/^Target date passed: /)
      .waitFor();
    await screenshot(page, '42-employee-waiting-for-pick');

    // Editing it: a passed date is a warning, not a refusal.
    await card.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: /^Edit/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('This date has passed. Keep it if you mean it, or choose a new one.')
      .waitFor();
    await screenshot(page, '43-target-date-warning');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the admin's list names the pairs not booked, the reason and what happens next, and nothing of any board", async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Yuki Tanaka', '#/settings');
    const section = page.getByRole('region', { name: 'Conversations not booked' });
    const pairs = section.getByTestId('unbooked-pair');
    await pairs.first().waitFor();
    expect(await pairs.count()).toBe(2);
    const jamal = pairs.filter({ hasText: 'Jamal Carter with Kavya Nair' });
    await jamal.getByText('the two working days never overlap (different time zones).').waitFor();
    await jamal.getByText('The manager picks a time from the ones Career Board offers.').waitFor();
    const rajeshRow = pairs.filter({ hasText: 'Rajesh Iyer with Amara Okafor' });
    await rajeshRow.getByText('no time is free on both calendars in the booking weeks.').waitFor();
    await rajeshRow.getByText('Career Board tries again on its next daily run.').waitFor();
    expect(await section.textContent()).not.toContain(PASSED_GOAL);
    const pass = section.getByRole('region', { name: 'Latest scheduling pass' });
    await pass.getByText(/11 of 12 managers' conversations handled/).waitFor();
    const failed = pass.getByTestId('failed-work');
    expect(await failed.count()).toBe(1);
    await failed.getByText('Kavya Nair: 4 pairs not booked').waitFor();
    await failed.getByText(/The next daily pass tries again/).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, '44-admin-not-booked');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the manager picks a time from My team: one invite, the row shows it booked, the employee sees it', async () => {
    const { page, context, errors } = await openPage(e2e.browser, {
      locale: 'en-GB',
      timezoneId: 'Asia/Kolkata',
    });
    // On Jamal's board, Kavya is told why and offered the pick too.
    await signInAs(page, e2e.stack.urls.tab, 'Kavya Nair', `#/board/${CROSS_ZONE.employee}`);
    const onBoard = page.getByTestId('next-conversation');
    // The state's label; the pick button (loaded lazily) has the same words inside it.
    await onBoard.getByText('Pick a time', { exact: true }).first().waitFor();
    await onBoard
      .getByText(
        'Why: the two working days never overlap (different time zones). Pick a time from the ones Career Board offers.',
      )
      .waitFor();
    await onBoard.getByRole('button', { name: 'Pick a time to talk with Jamal Carter' }).waitFor();
    await screenshot(page, '47-manager-board-pick');

    await page.getByRole('tab', { name: 'My team' }).click();
    const jamal = page.getByTestId('team-member').filter({ hasText: 'Jamal Carter' });
    await jamal.getByRole('button', { name: 'Pick a time to talk with Jamal Carter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pick a time to talk with Jamal' });
    const times = dialog.getByRole('radio');
    await times.first().waitFor();
    expect(await times.count()).toBeGreaterThan(1);
    // Each time in Kavya's own time and Jamal's, said to be outside someone's working hours.
    await dialog
      .getByText(/your time · \d{2}:\d{2} for Jamal \(outside working hours\)/)
      .first()
      .waitFor();
    await screenshot(page, '45-pick-a-time-dialog');
    expect(await seriousViolations(page)).toEqual([]);

    await times.first().check();
    await dialog.getByRole('button', { name: 'Book this time' }).click();
    await dialog.waitFor({ state: 'detached' });
    await jamal.getByText(/^Next: \w{3} \d+ \w{3}/).waitFor();
    expect(await jamal.getByText('Pick a conversation time').count()).toBe(0);
    await screenshot(page, '46-my-team-after-pick');

    const invites = careerConversations(await calendarEvents(e2e.stack)).filter(
      (e) => e.organizer.id === CROSS_ZONE.manager,
    );
    expect(invites).toHaveLength(1);

    await switchUserTo(page, 'Jamal Carter');
    const next = page.getByTestId('next-conversation');
    await next.getByText(/^Booked/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
