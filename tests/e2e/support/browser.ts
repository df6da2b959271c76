import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
  Request,
  Response,
} from 'playwright-core';

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

/**
 * Does `action` and returns the answer to the request it causes (`method`, a URL path ending
 * `path`, or matching it). A change the page shows before its request is answered (optimistic)
 * is only kept once that answer is in: wait for it before a reload or a read through the API.
 */
export async function answerTo(
  page: Page,
  method: string,
  path: string | RegExp,
  action: () => Promise<unknown>,
): Promise<Response> {
  const matches = (pathname: string) =>
    typeof path === 'string' ? pathname.endsWith(path) : path.test(pathname);
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === method && matches(new URL(r.url()).pathname),
    ),
    action(),
  ]);
  return response;
}

/** Every fetch the page makes from now on, as "METHOD /path → status" (or the failure). */
export function recordFetches(page: Page): string[] {
  const log: string[] = [];
  const line = (request: Request) => `${request.method()} ${new URL(request.url()).pathname}`;
  page.on('response', (r) => {
    if (r.request().resourceType() === 'fetch') log.push(`${line(r.request())} → ${r.status()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.resourceType() === 'fetch')
      log.push(`${line(request)} failed: ${request.failure()?.errorText ?? 'unknown'}`);
  });
  return log;
}
