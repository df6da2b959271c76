import { gzipSync } from 'node:zlib';

import type { Frame } from 'playwright-core';

import { FIRST_SCREEN_MARK } from '../../tabs/src/common/firstPaint';

/**
 * What a first visit downloads before the tab's first screen is on screen: every script and style
 * sheet the tab's page asked its own origin for before it set its first-paint mark
 * (tabs/src/common/firstPaint.ts), each gzipped at level 9 as a static host would send it. Read
 * from the page's Resource Timing entries, so the line is drawn by the page's own clock (what the
 * board loads after its cards, it asks for after the mark) rather than by when a test noticed.
 * Shared by the bundle budget test and the bench (bench/tab.ts).
 */

export interface LoadedFile {
  /** Path on the tab's origin, e.g. `/assets/index-abc.js`. */
  file: string;
  gzipBytes: number;
}

export interface FirstVisitBytes {
  /** Asked for before the mark, largest first. */
  beforeMark: LoadedFile[];
  totalGzipBytes: number;
  /** Asked for after it (what follows the first paint), by path. */
  afterMark: string[];
}

interface Requested {
  url: string;
  startTime: number;
}

export async function firstVisitBytes(frame: Frame): Promise<FirstVisitBytes> {
  await frame.waitForFunction(
    (mark) => performance.getEntriesByName(mark, 'mark').length > 0,
    FIRST_SCREEN_MARK,
  );
  const { requested, markTime, origin } = await frame.evaluate((mark) => {
    const resources = performance.getEntriesByType('resource').map((entry) => ({
      url: entry.name,
      startTime: entry.startTime,
    }));
    return {
      requested: resources,
      markTime: performance.getEntriesByName(mark, 'mark')[0].startTime,
      origin: window.location.origin,
    };
  }, FIRST_SCREEN_MARK);
  const code = requested.filter(
    (r: Requested) =>
      new URL(r.url).origin === origin && /\.(js|css)$/.test(new URL(r.url).pathname),
  );
  const before = code.filter((r) => r.startTime < markTime);
  const beforeMark = await Promise.all(
    [...new Set(before.map((r) => r.url))].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { file: new URL(url).pathname, gzipBytes: gzipSync(body, { level: 9 }).length };
    }),
  );
  beforeMark.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    beforeMark,
    totalGzipBytes: beforeMark.reduce((sum, f) => sum + f.gzipBytes, 0),
    afterMark: code.filter((r) => r.startTime >= markTime).map((r) => new URL(r.url).pathname),
  };
}

/** One line per file and the total, for the test's log and the bench's progress. */
export function describeFirstVisit(bytes: FirstVisitBytes): string {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
  return [
    ...bytes.beforeMark.map((f) => `${kb(f.gzipBytes)} KB  ${f.file}`),
    `${kb(bytes.totalGzipBytes)} KB  total before the first screen was painted (gzip -9)`,
    `then ${bytes.afterMark.length} more: ${bytes.afterMark.join(', ')}`,
  ].join('\n');
}
