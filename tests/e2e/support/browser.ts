import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

import { WHAT_TO_RUN } from '../../../scripts/browser/ensureBrowser';
import { findSystemBrowser } from '../../../scripts/browser/systemBrowser';

/**
 * Headless Chromium for the browser tests. Each launch gets a fresh, throw-away profile
 * (Playwright's own temporary user-data-dir, removed on close), so no test sees another's state.
 * No browser means a failed test with the fix, never a skipped one.
 */

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = join(__dirname, '..', 'screenshots');

export function chromiumPath(): string {
  // Discovery and the install `npm test` runs first live in scripts/browser/ (one set of rules).
  const browser = findSystemBrowser();
  if (!browser.found) throw new Error(browser.problem ?? WHAT_TO_RUN);
  return browser.path;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** teams-js fetches its list of valid Teams domains from a CDN at import time: no network here. */
export async function blockTeamsCdn(context: BrowserContext): Promise<void> {
  await context.route(/https:\/\/res\.cdn\.office\.net\/.*/, (route) => route.abort());
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors in any frame: a clean run has none. */
  errors: string[];
}

export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<TestPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await blockTeamsCdn(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}
