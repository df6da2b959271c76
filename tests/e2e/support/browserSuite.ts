import type { Browser } from 'playwright-core';

import { launchBrowser } from './browser';
import { startTestStack } from './stack';
import type { Stack } from './stack';
import { startTeamsTestHost } from './teamsTestHost';
import type { TeamsTestHost } from './teamsTestHost';

export interface BrowserSuiteOptions {
  /** Start a Teams test host first and let the stack accept its origin (chat tab, themes). */
  teamsHost?: boolean;
  /** The suite's own data, written through the API once the stack is up. */
  seed?(stack: Stack): Promise<void>;
}

/** What a browser suite's tests use; each is there from the first test on. */
export interface BrowserSuite {
  readonly stack: Stack;
  readonly browser: Browser;
  readonly host: TeamsTestHost;
}

/**
 * The setup every browser suite shares, written once: beforeAll starts the Teams test host (when
 * asked), the whole stack and a browser, then seeds; afterAll closes them in reverse. Call it in a
 * describe block; the returned object's fields are read in the tests.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let host: TeamsTestHost | undefined;

  beforeAll(async () => {
    if (options.teamsHost) host = await startTeamsTestHost();
    stack = await startTestStack(host ? [host.origin] : []);
    browser = await launchBrowser();
    await options.seed?.(stack);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await host?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is read before beforeAll started it.`);
    return value;
  };
  return {
    get stack() {
      return started(stack, 'The stack');
    },
    get browser() {
      return started(browser, 'The browser');
    },
    get host() {
      return started(host, 'The Teams test host (browserSuite({ teamsHost: true }))');
    },
  };
}
