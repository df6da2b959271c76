import { openPage, screenshot } from './support/browser';
import { browserSuite } from './support/browserSuite';
import { signInAs } from './support/signIn';

// Starting the stack and a browser takes seconds; project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

describe('foundation: the tab opens outside Teams and signs in as a demo person', () => {
  const e2e = browserSuite();

  test('pick a demo person in "Sign in as", then see their name and manager', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await page.goto(e2e.stack.urls.tab);
    await page.getByRole('heading', { name: 'Sign in as' }).waitFor();
    // Grouped by tenant, then by manager; only enabled members.
    await page.getByRole('heading', { name: 'contoso.example' }).waitFor();
    await page.getByRole('heading', { name: 'Reports to Tobias Becker' }).waitFor();
    expect(await page.getByRole('button', { name: /^Sign in as Diego Fernández/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Sign in as Noah Williams/ }).count()).toBe(0);
    await screenshot(page, '01-sign-in-as');

    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    const header = page.getByTestId('signed-in-user');
    await header.getByText('Signed in as Nia Adeyemi').waitFor();
    await header.getByText('Reports to Tobias Becker').waitFor();
    await screenshot(page, '02-signed-in');

    // The choice lasts for this browser tab: a reload keeps you signed in.
    await page.reload();
    await header.getByText('Signed in as Nia Adeyemi').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('signed in, a reload of the own board asks for each of its first reads once, however they arrive', async () => {
    const { page, context, errors } = await openPage(e2e.browser);
    await signInAs(page, e2e.stack.urls.tab, 'Nia Adeyemi');
    await page.getByRole('heading', { name: 'My board', level: 1 }).waitFor();

    // The page's early script sends these before the app runs; the app takes each answer, as a
    // response or as a body already read in full (tabs/src/api/earlyRequests.ts), and never
    // sends its own.
    const reads: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'GET' && /\/api\/(me|boards\/[^/]+(\/conversations)?)$/.test(path))
        reads.push(path.replace(/\/boards\/[^/]+/, '/boards/{id}'));
    });
    await page.reload();
    await page.getByRole('heading', { name: 'My board', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Conversations', exact: true }).waitFor();
    await page.waitForFunction(
      () => performance.getEntriesByName('careerBoard:board-visible').length > 0,
    );
    expect(reads.sort()).toEqual(['/api/boards/{id}', '/api/boards/{id}/conversations', '/api/me']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
