/** findBrowser over this machine: its environment, platform and files. */
import { accessSync, constants, statSync } from 'node:fs';

import { chromium } from 'playwright-core';

import { findBrowser } from './findBrowser';
import type { BrowserFound, BrowserSearch } from './findBrowser';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function systemSearch(env: BrowserSearch['env'] = process.env): BrowserSearch {
  return {
    env,
    platform: process.platform,
    isExecutable,
    playwrightChromium: () => {
      try {
        return chromium.executablePath();
      } catch {
        // playwright-core throws on platforms it has no browser build for.
        return undefined;
      }
    },
  };
}

export const findSystemBrowser = (): BrowserFound => findBrowser(systemSearch());
