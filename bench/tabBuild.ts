import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The tab's production build, into bench/out/tab-dist (not tabs/dist, which tests and `npm start`
 * use while this runs), with Vite's manifest so the initial download can be read off the import
 * graph instead of guessed from file names.
 */

export const REPO = join(__dirname, '..');
export const TAB_DIST = join(__dirname, 'out', 'tab-dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface BundleFigures {
  /** JS and CSS a first visit must download before anything renders: entry plus static imports. */
  initialGzipBytes: number;
  initialFiles: string[];
  /** Every JS and CSS file of the build: what one bundle without code splitting would weigh. */
  totalGzipBytes: number;
  buildMs: number;
}

export async function buildTab(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
    const child = spawn(
      process.execPath,
      [vite, 'build', '--outDir', TAB_DIST, '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
      { cwd: join(REPO, 'tabs'), stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code})`)),
    );
  });
  return performance.now() - started;
}

/** gzip at zlib's default level (6), what static hosts and CDNs typically serve. */
export function gzipBytes(file: string): number {
  return gzipSync(readFileSync(join(TAB_DIST, file))).length;
}

export function bundleFigures(buildMs: number): BundleFigures {
  const manifest = JSON.parse(
    readFileSync(join(TAB_DIST, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const all = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    all.add(chunk.file);
    for (const css of chunk.css ?? []) all.add(css);
  }
  const scripts = (files: Set<string>) => [...files].filter((f) => /\.(js|css)$/.test(f));
  const sum = (files: string[]) => files.reduce((total, f) => total + gzipBytes(f), 0);
  return {
    initialGzipBytes: sum(scripts(initial)),
    initialFiles: scripts(initial).sort(),
    totalGzipBytes: sum(scripts(all)),
    buildMs: Math.round(buildMs),
  };
}
