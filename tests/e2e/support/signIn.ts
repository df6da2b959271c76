import type { Page } from 'playwright-core';

/** Opens the tab outside Teams and uses "Sign in as" to become a demo person. */
export async function signInAs(
  page: Page,
  tabUrl: string,
  displayName: string,
  hash = '#/board',
): Promise<void> {
  await page.goto(`${tabUrl}${hash}`);
  await page.getByRole('heading', { name: 'Sign in as' }).waitFor();
  await page.getByRole('searchbox', { name: 'Find a person' }).fill(displayName);
  await page
    .getByRole('button', { name: new RegExp(`^Sign in as ${escape(displayName)}`) })
    .click();
  await page.getByText(`Signed in as ${displayName}`).waitFor();
}

/** "Switch user", then sign in as someone else in the same browser tab. */
export async function switchUserTo(
  page: Page,
  displayName: string,
  hash = '#/board',
): Promise<void> {
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByRole('heading', { name: 'Sign in as' }).waitFor();
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('searchbox', { name: 'Find a person' }).fill(displayName);
  await page
    .getByRole('button', { name: new RegExp(`^Sign in as ${escape(displayName)}`) })
    .click();
  await page.getByText(`Signed in as ${displayName}`).waitFor();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
