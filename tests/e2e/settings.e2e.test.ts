import AxeBuilder from '@axe-core/playwright';

import type { AdoptionView } from '../../api/src/contract/adoptionContract';
import { share } from '../../tabs/src/settings/adoptionText';
import type { TenantSettingsView } from '../../api/src/contract/settingsContract';
import { openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { callApi } from './support/seed';
import { signInAs, switchUserTo } from './support/signIn';
import { DEMO, tokenFor } from './support/stack';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

const { contoso } = DEMO;

describe('settings: a Career Board admin sets how conversations are booked', () => {
  const e2e = browserSuite();

  test('an admin checks and saves the settings; another admin’s save meanwhile is a 412 that keeps the edits', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Yuki Tanaka');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const length = page.getByRole('spinbutton', { name: /Meeting length/ });
    await expect(length.inputValue()).resolves.toBe('30');
    // The local stack chose the demo's pilot group for Contoso, as its admin would have.
    await page.getByText(/^Last saved by Local demo data, /).waitFor();
    await screenshot(page, '25-settings');

    // Checked on this side with the API's own schema: nothing is sent.
    let puts = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith('/settings')) puts += 1;
    });
    await length.fill('200');
    await page.getByRole('checkbox', { name: 'Monday' }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('At most 120 minutes.').waitFor();
    expect(puts).toBe(0);
    await screenshot(page, '25b-settings-with-errors');

    await length.fill('45');
    // The pilot group is chosen by searching Entra's groups by name (the Graph simulator's here).
    await page
      .getByRole('searchbox', { name: 'Find a group by the start of its name' })
      .fill('Career');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Choose Career Board pilot' }).click();
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/settings')),
      page.getByRole('button', { name: 'Save settings' }).click(),
    ]);
    expect({ status: saved.status(), body: saved.ok() ? '' : await saved.text() }).toEqual({
      status: 200,
      body: '',
    });
    await page.getByText('Saved', { exact: true }).waitFor();
    const stored = await callApi<TenantSettingsView>(e2e.stack, contoso.admin, 'GET', '/settings');
    expect(stored).toMatchObject({
      durationMinutes: 45,
      pilot: { group: { displayName: 'Career Board pilot' } },
      workingHoursFallback: { daysOfWeek: ['tuesday', 'wednesday', 'thursday', 'friday'] },
      updatedBy: { displayName: 'Yuki Tanaka' },
    });

    // Meanwhile Fatima, the other admin, raises the daily cap from her own window.
    const fatima = await fetch(`${e2e.stack.urls.api}/settings`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${await tokenFor(e2e.stack, contoso.secondAdmin)}`,
        'Content-Type': 'application/json',
        'If-Match': stored.etag ?? '',
      },
      body: JSON.stringify({ ...strip(stored), dailyCap: 5 }),
    });
    expect(fatima.status).toBe(200);

    const cap = page.getByRole('spinbutton', { name: /Most conversations/ });
    await cap.fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Changed elsewhere' });
    await conflict.waitFor();
    await expect(cap.inputValue()).resolves.toBe('2');
    await conflict.getByRole('button', { name: 'Load latest version' }).click();
    await page.getByText('Saved now: 5').waitFor();
    await expect(cap.inputValue()).resolves.toBe('2');
    await screenshot(page, '26-settings-changed-elsewhere');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Latest version loaded').waitFor({ state: 'detached' });
    await page.getByText('Saved', { exact: true }).waitFor();
    const after = await callApi<TenantSettingsView>(e2e.stack, contoso.admin, 'GET', '/settings');
    expect(after).toMatchObject({ dailyCap: 2, durationMinutes: 45 });

    // A reload shows what the API kept, and who saved it.
    await page.reload();
    await expect(
      page.getByRole('spinbutton', { name: /Most conversations/ }).inputValue(),
    ).resolves.toBe('2');
    await page.getByText(/^Last saved by Yuki Tanaka, /).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('on a 320 px phone an admin sets the stretch limits and the days off; a bad date is named before anything is sent', async () => {
    const { page, context, errors } = await openPage(e2e.browser, {
      viewport: { width: 320, height: 800 },
    });
    await signInAs(page, e2e.stack.urls.tab, 'Yuki Tanaka', '#/settings');
    const stretch = page.getByRole('checkbox', {
      name: 'Book outside working hours, within these limits',
    });
    await expect(stretch.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Not before').inputValue()).resolves.toBe('07:30');
    await expect(page.getByLabel('Not after').inputValue()).resolves.toBe('20:00');
    const everyone = page.getByRole('textbox', { name: 'Days off for everyone' });
    await expect(everyone.inputValue()).resolves.toContain('12-25');

    let puts = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith('/settings')) puts += 1;
    });
    await everyone.fill('12-25, 12-26, 2027-02-30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByText('Use a date like 2027-04-02, or 12-25 for the same day every year.')
      .waitFor();
    expect(puts).toBe(0);
    await screenshot(page, '25c-settings-days-off-error-320');

    await everyone.fill('12-25, 12-26, 2027-04-02');
    await page
      .getByRole('textbox', { name: 'Days off per office' })
      .fill('Berlin: 2027-10-03\nBengaluru: 01-26');
    await page.getByLabel('Not after').fill('19:00');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/settings')),
      page.getByRole('button', { name: 'Save settings' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    await page.getByText('Saved', { exact: true }).waitFor();
    const stored = await callApi<TenantSettingsView>(e2e.stack, contoso.admin, 'GET', '/settings');
    expect(stored).toMatchObject({
      stretch: { enabled: true, earliest: '07:30', latest: '19:00' },
      nonWorkingDates: {
        everyone: ['12-25', '12-26', '2027-04-02'],
        byOffice: [
          { office: 'Berlin', dates: ['2027-10-03'] },
          { office: 'Bengaluru', dates: ['01-26'] },
        ],
      },
    });
    await page.getByRole('textbox', { name: 'Days off per office' }).scrollIntoViewIfNeeded();
    await screenshot(page, '25d-settings-days-off-saved-320');
    // Nothing in the new section reaches past the 320 px viewport. (The tab bar and the pilot
    // group search row of an admin's page do, already before this section: reported, not ours.)
    const section = page.getByRole('region', {
      name: 'When working hours never meet, and days off',
    });
    const widest = await section.evaluate((root) =>
      Math.max(
        ...[root, ...root.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right),
      ),
    );
    expect(widest).toBeLessThanOrEqual(320);
    // No serious or critical axe finding in the section (the full-page sweep is accessibility.e2e).
    const sectionId = await section.evaluate((root) => {
      root.setAttribute('data-axe-scope', 'stretch-and-days-off');
      return root.getAttribute('data-axe-scope');
    });
    const { violations } = await new AxeBuilder({ page })
      .include(`[data-axe-scope="${sectionId}"]`)
      .exclude('[data-tabster-dummy]')
      .analyze();
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('someone who is not an admin has no Settings tab, and a typed link says settings are for admins', async () => {
    const { page, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    await page.getByRole('tab', { name: 'My board' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Settings' }).count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.getByRole('heading', { name: 'Settings are for Career Board admins' }).waitFor();

    // The second admin sees the tab too.
    await switchUserTo(page, 'Fatima Al-Sayed', '#/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('spinbutton', { name: /Meeting length/ }).waitFor();
    await context.close();
  });
});

describe('adoption: what an admin sees of how far Career Board has been taken up', () => {
  const e2e = browserSuite();

  test('no figures before the first scheduling run; counts, never names, after it', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Yuki Tanaka', '#/settings');
    const panel = page.getByRole('region', { name: 'Adoption' });
    await panel.getByText(/^No figures yet/).waitFor();

    await callApi(e2e.stack, contoso.employee, 'POST', `/boards/${contoso.employee}/aspirations`, {
      kind: 'title',
      horizon: 'next',
      title: 'Staff engineer on the platform team',
    });
    const run = await fetch(
      `${e2e.stack.urls.api.replace(/\/api$/, '')}/admin/functions/scheduleConversations`,
      { method: 'POST' },
    );
    expect(run.status).toBe(200);
    const figures = await callApi<AdoptionView>(e2e.stack, contoso.admin, 'GET', '/adoption');
    // One aspiration is published rounded to a multiple of 5: 0 ("fewer than 5") or 5, never 1.
    const total = figures.total!;
    expect([0, 5]).toContain(total.withAspirations);

    await page.reload();
    // The "Said what they want" tile: with 0 published, "Heard" may read the same words.
    const said = panel
      .locator('dl > div')
      .filter({ hasText: 'Said what they want' })
      .getByRole('definition')
      .filter({ hasText: share(total.withAspirations, total.people, figures.roundingBase) });
    await said.waitFor();
    await panel.getByRole('table', { name: 'Adoption by department' }).waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).not.toContain('Nia');
    expect(text).not.toContain('Staff engineer');
    await screenshot(page, '27-settings-adoption');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The settings as PUT takes them: without the read-only fields the GET adds. */
function strip(view: TenantSettingsView) {
  const { etag: _etag, updatedAt: _at, updatedBy: _by, ...settings } = view;
  return settings;
}
