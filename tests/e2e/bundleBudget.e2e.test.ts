import { gzipSync } from 'node:zlib';

import type { Response } from 'playwright-core';

import { openPage } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { seedBoard } from './support/seed';
import { DEMO, tokenFor } from './support/stack';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

const BUDGET_BYTES = 250 * 1024;
const { contoso } = DEMO;

/**
 * What opening Career Board really costs: every script and style sheet the tab's origin serves
 * from the first request until My board (the personal app's default tab) shows a card, inside
 * the Teams test host, so teams-js counts as it does in Teams. Each is gzipped at level 9, as a
 * static host would send it.
 */
describe('the first visit stays small', () => {
  const e2e = browserSuite({
    teamsHost: true,
    seed: async (stack) => {
      await seedBoard(stack, contoso.employee, contoso.manager);
    },
  });

  test('JS and CSS loaded until My board is visible, gzipped, are under 250 KB', async () => {
    const { page, context } = await openPage(e2e.browser);
    const tabOrigin = new URL(e2e.stack.urls.tab).origin;
    const loaded: Promise<{ file: string; gzipped: number }>[] = [];
    const collect = (response: Response) => {
      const url = response.url();
      const type = response.request().resourceType();
      if (new URL(url).origin !== tabOrigin || (type !== 'script' && type !== 'stylesheet')) return;
      loaded.push(
        response.body().then((body) => ({
          file: new URL(url).pathname,
          gzipped: gzipSync(body, { level: 9 }).length,
        })),
      );
    };
    page.on('response', collect);
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
    page.off('response', collect);
    const sizes = await Promise.all(loaded);
    const files = [...new Map(sizes.map((s) => [s.file, s])).values()];
    const total = files.reduce((sum, s) => sum + s.gzipped, 0);
    console.log(
      [
        ...files
          .sort((a, b) => b.gzipped - a.gzipped)
          .map((s) => `${(s.gzipped / 1024).toFixed(1).padStart(6)} KB  ${s.file}`),
        `${(total / 1024).toFixed(1).padStart(6)} KB  total until My board is visible (gzip -9)`,
      ].join('\n'),
    );
    // teams-js and the board screen are among them: this is the real first visit, not index.html.
    expect(files.some((s) => /teamsSdk/.test(s.file))).toBe(true);
    expect(files.some((s) => /BoardPage/.test(s.file))).toBe(true);
    expect(total).toBeLessThan(BUDGET_BYTES);
    await context.close();
  });
});
