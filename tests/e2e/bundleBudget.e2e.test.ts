import { describeFirstVisit, firstVisitBytes } from './bundleBudgetMeasure';
import { openPage } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { seedBoard } from './support/seed';
import { DEMO, tokenFor } from './support/stack';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

/** Issue 14: the first visit inside Teams, teams-js included, at most 200 KB gzip. */
const BUDGET_BYTES = 200 * 1024;
const { contoso } = DEMO;

/**
 * What opening Career Board really costs: every script and style sheet the tab's origin serves
 * from the first request until My board (the personal app's default tab) shows its cards, inside
 * the Teams test host, so teams-js counts as it does in Teams (tests/e2e/bundleBudgetMeasure.ts).
 */
describe('the first visit stays small', () => {
  const e2e = browserSuite({
    teamsHost: true,
    seed: async (stack) => {
      await seedBoard(stack, contoso.employee, contoso.manager);
    },
  });

  test('JS and CSS loaded until My board shows its cards, gzipped, are under 200 KB; the rest follows', async () => {
    const { page, context } = await openPage(e2e.browser);
    const frame = await e2e.host.open(page, {
      tabUrl: `${e2e.stack.urls.tab}#/board`,
      frameContext: 'content',
      token: await tokenFor(e2e.stack, contoso.employee),
      user: {
        id: contoso.employee,
        userPrincipalName: `nia@${contoso.domain}`,
        tenantId: contoso.tenantId,
      },
      chatId: null,
      theme: 'default',
    });
    await frame.getByRole('heading', { name: 'Staff engineer on the platform team' }).waitFor();
    // What waited for the cards arrives: the side column and the header's tabs.
    await frame.getByRole('heading', { name: 'Private notes' }).waitFor();
    await frame.getByRole('tab', { name: 'My board' }).waitFor();

    const bytes = await firstVisitBytes(frame);
    console.log(describeFirstVisit(bytes));
    const files = bytes.beforeMark.map((f) => f.file);
    // teams-js and the board screen are among them: this is the real first visit, not index.html.
    expect(files.some((f) => /teamsSdk/.test(f))).toBe(true);
    expect(files.some((f) => /BoardPage/.test(f))).toBe(true);
    // The line is real: the side column's code was asked for after the cards, not before.
    expect(bytes.afterMark.some((f) => /BoardSideColumn/.test(f))).toBe(true);
    expect(files.some((f) => /BoardSideColumn/.test(f))).toBe(false);
    expect(bytes.totalGzipBytes).toBeLessThan(BUDGET_BYTES);
    await context.close();
  });
});
