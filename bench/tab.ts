import { existsSync } from 'node:fs';

import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';

import { DEMO, buildDemoDirectory } from '../api/src/local/demo-org/demoDirectory';
import type { Stack } from '../api/src/local/stack';
import { BENCH_NOW } from './org';
import { progress } from './progress';
import { withStack } from './stacks';
import { median, ratio, round } from './stats';
import { TAB_DIST, buildTab, bundleFigures, gzipBytes } from './tabBuild';
import type { BundleFigures } from './tabBuild';

/**
 * Section 4: the tab. The production build's initial JS+CSS (gzipped), and the time from
 * navigation to the board being visible in headless Chromium, each visit in a fresh browser
 * context (empty cache and storage, as a first visit). Baseline: navigating to the tab server's
 * static `/config.json` in the same browser, the floor of a round trip to that server.
 */

const RUNS = 10;
/** The `LocalSignIn` key in tabs/src/auth/localSession.ts: pre-seeding it skips the picker. */
const SIGN_IN_KEY = 'careerBoard.signedInAs';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const BUNDLE_TARGET_BYTES = 250 * 1024;

export interface TabSection {
  bundle: BundleFigures & {
    /** JS and CSS the browser fetched until the board was visible (gzipped sizes of the files). */
    boardRouteGzipBytes: number;
    ratios: { initialVsTotal: number | null };
    targets: { initialAtMost250KB: boolean };
  };
  boardVisible: {
    runs: number;
    medianMs: number;
    samplesMs: number[];
    /** Median time at which each request on the critical path finished (see MILESTONES). */
    milestonesMedianMs: Record<string, number>;
    baseline: { what: string; medianMs: number; samplesMs: number[] };
    ratios: { medianVsBaseline: number | null };
  };
}

export async function benchTab(): Promise<TabSection> {
  progress('tab: production build (vite) into bench/out/tab-dist');
  const buildMs = await buildTab();
  const bundle = bundleFigures(buildMs);
  progress(
    `tab: initial JS+CSS ${(bundle.initialGzipBytes / 1024).toFixed(1)} KB gzipped (all chunks ${(bundle.totalGzipBytes / 1024).toFixed(1)} KB)`,
  );

  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium`);

  return withStack(
    { directory: buildDemoDirectory(BENCH_NOW), tabDistDir: TAB_DIST },
    async (stack) => {
      await seedBoard(stack);
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      try {
        // One unmeasured visit of each kind: the browser's own first-use costs are not the tab's.
        await visitBoard(browser, stack);
        await visitStatic(browser, stack);
        const board: number[] = [];
        const baseline: number[] = [];
        const milestones: Record<string, number[]> = {};
        let fetched: string[] = [];
        for (let i = 0; i < RUNS; i++) {
          baseline.push(await visitStatic(browser, stack));
          const visit = await visitBoard(browser, stack);
          board.push(visit.ms);
          fetched = visit.assets;
          for (const [name, ms] of Object.entries(visit.milestones))
            (milestones[name] ??= []).push(ms);
          progress(`tab: visit ${i + 1}/${RUNS}: board visible in ${visit.ms.toFixed(0)} ms`);
        }
        const boardRouteGzipBytes = fetched.reduce((total, f) => total + gzipBytes(f), 0);
        return {
          bundle: {
            ...bundle,
            boardRouteGzipBytes,
            ratios: { initialVsTotal: ratio(bundle.initialGzipBytes, bundle.totalGzipBytes) },
            targets: { initialAtMost250KB: bundle.initialGzipBytes <= BUNDLE_TARGET_BYTES },
          },
          boardVisible: {
            runs: RUNS,
            medianMs: round(median(board), 0),
            samplesMs: board.map((ms) => round(ms, 0)),
            milestonesMedianMs: Object.fromEntries(
              MILESTONES.map(([name]) => [name, round(median(milestones[name] ?? []), 0)]),
            ),
            baseline: {
              what: 'navigation to /config.json on the same tab server (load event)',
              medianMs: round(median(baseline), 0),
              samplesMs: baseline.map((ms) => round(ms, 0)),
            },
            ratios: { medianVsBaseline: ratio(median(board), median(baseline)) },
          },
        };
      } finally {
        await browser.close();
      }
    },
  );
}

/** A board worth looking at: four aspirations across the horizons, written through the API. */
async function seedBoard(stack: Stack): Promise<void> {
  const employee = stack.orgStore.findUser(DEMO.contoso.employee)!;
  const token = await stack.issuer.mintUserToken(employee);
  const horizons = ['next', 'next', '1y', '3y'];
  for (const [i, horizon] of horizons.entries()) {
    const response = await fetch(`${stack.urls.api}/boards/${employee.id}/aspirations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'title',
        horizon,
        title: `Aspiration ${i + 1}`,
        details: 'Why this matters to me and what I am doing about it.',
        steps: [{ text: 'First step' }, { text: 'Second step' }],
      }),
    });
    if (response.status !== 201) throw new Error(`Seeding the tab's board: ${response.status}`);
  }
}

async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // teams-js fetches its valid-domains list from a CDN at import time: no network here.
  await context.route(/https:\/\/res\.cdn\.office\.net\/.*/, (route) => route.abort());
  return context;
}

/** Requests on the way to a visible board, in the order the tab makes them (see README). */
const MILESTONES: [string, RegExp][] = [
  ['entryScript', /\/assets\/index-[^/]+\.js$/],
  ['runtimeConfig', /\/config\.json$/],
  ['localToken', /\/identity\/token$/],
  ['me', /\/api\/me$/],
  ['boardChunk', /\/assets\/BoardPage-[^/]+\.js$/],
  ['boardData', /\/api\/boards\/[^/]+$/],
];

interface BoardVisit {
  ms: number;
  assets: string[];
  /** When each milestone request finished, ms after navigation started. */
  milestones: Record<string, number>;
}

/** Navigation start to the board's heading and its first aspiration rendered. */
async function visitBoard(browser: Browser, stack: Stack): Promise<BoardVisit> {
  const context = await freshContext(browser);
  try {
    const employee = stack.orgStore.findUser(DEMO.contoso.employee)!;
    await context.addInitScript(
      ([key, value]) => window.sessionStorage.setItem(key, value),
      [SIGN_IN_KEY, JSON.stringify({ userId: employee.id, displayName: employee.displayName })],
    );
    const page = await context.newPage();
    const assets: string[] = [];
    const milestones: Record<string, number> = {};
    let started = 0;
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/assets\/.+\.(js|css)$/.test(path)) assets.push(path.slice(1));
    });
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      for (const [name, pattern] of MILESTONES)
        if (pattern.test(path) && !(name in milestones))
          milestones[name] = round(performance.now() - started, 0);
    });
    started = performance.now();
    await page.goto(`${stack.urls.tab}#/board`, { waitUntil: 'commit' });
    await page.getByRole('heading', { name: 'My board', level: 1 }).waitFor({ timeout: 30_000 });
    await page
      .getByRole('heading', { name: 'Aspiration 1', level: 3 })
      .waitFor({ timeout: 30_000 });
    return { ms: performance.now() - started, assets, milestones };
  } finally {
    await context.close();
  }
}

async function visitStatic(browser: Browser, stack: Stack): Promise<number> {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${stack.urls.tab}config.json`, { waitUntil: 'load' });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}
