import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { builtTabDir } from './support/stack';

const BUDGET_BYTES = 250 * 1024;

/** What the first visit downloads: the files index.html itself loads (script, preloads, styles). */
export function initialFiles(indexHtml: string): string[] {
  const refs = [
    ...indexHtml.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/?([^"]+\.(?:js|css))"/g),
  ].map((m) => m[1]);
  return [...new Set(refs)];
}

describe('the first download stays small', () => {
  test('initial JS and CSS, gzipped, are under 250 KB', () => {
    const DIST = builtTabDir();
    const files = initialFiles(readFileSync(join(DIST, 'index.html'), 'utf8'));
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((file) => ({
      file,
      gzipped: gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
    console.log(
      [
        ...sizes.map((s) => `${(s.gzipped / 1024).toFixed(1)} KB  ${s.file}`),
        `${(total / 1024).toFixed(1)} KB  total (gzip -9)`,
      ].join('\n'),
    );
    expect(total).toBeLessThan(BUDGET_BYTES);
  });
});
