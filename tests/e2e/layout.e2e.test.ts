import type { Page } from 'playwright-core';

import { openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { seedBoard } from './support/seed';
import { signInAs } from './support/signIn';
import { DEMO } from './support/stack';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

const { contoso } = DEMO;

/** Cumulative layout shift, as Chromium measures it (Core Web Vitals: good is under 0.1). */
const recordLayoutShift = () => {
  const w = window as unknown as { layoutShift: number };
  w.layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
    }[]) {
      if (!entry.hadRecentInput) w.layoutShift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

const layoutShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe('layout: from 320 px phones to wide screens, and nothing jumps when data arrives', () => {
  const e2e = browserSuite({
    seed: async (stack) => {
      await seedBoard(stack, contoso.employee, contoso.manager);
    },
  });

  test.each([320, 768, 1920])(
    'at %i px wide every screen fits without sideways scrolling',
    async (width) => {
      const { page, context } = await openPage(e2e.browser, { viewport: { width, height: 800 } });
      await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
      await page.getByRole('heading', { name: 'Staff engineer on the platform team' }).waitFor();
      expect(await overflowsSideways(page)).toBe(false);
      await screenshot(page, `layout-${width}-employee-board`);

      await page.getByRole('button', { name: 'Add aspiration' }).click();
      await page
        .getByRole('dialog')
        .getByRole('textbox', { name: /What do you want/ })
        .waitFor();
      expect(await overflowsSideways(page)).toBe(false);
      await screenshot(page, `layout-${width}-add-dialog`);
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Switch user' }).click();
      await signInAs(page, e2e.stack.urls.tab, 'Tobias Becker', '#/team');
      await page.getByRole('link', { name: 'Nia Adeyemi' }).waitFor();
      expect(await overflowsSideways(page)).toBe(false);
      await screenshot(page, `layout-${width}-my-team`);
      await context.close();
    },
  );

  test('the board and the team view replace their skeletons without shifting the page', async () => {
    const { page, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    await context.addInitScript(recordLayoutShift);
    await page.reload();
    await page.getByRole('heading', { name: 'Staff engineer on the platform team' }).waitFor();
    await page.waitForTimeout(500);
    expect(await layoutShift(page)).toBeLessThan(0.1);

    await page.getByRole('button', { name: 'Switch user' }).click();
    await signInAs(page, e2e.stack.urls.tab, 'Tobias Becker', '#/team');
    await page.reload();
    await page.getByRole('link', { name: 'Nia Adeyemi' }).waitFor();
    await page.waitForTimeout(500);
    expect(await layoutShift(page)).toBeLessThan(0.1);
    await context.close();
  });
});
