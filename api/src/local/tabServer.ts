import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

import type { TabRuntimeConfig } from '../contract/tabRuntimeContract';
import { contentSecurityPolicy } from '../hosting/tabSecurity';
import { sendJson } from './http-utils';

/**
 * Serves the built tab (tabs/dist) the way static hosting does in Azure, plus `/config.json`, the
 * runtime configuration the tab reads at start so one build works on any ports. The app shell
 * (index.html) carries the same configuration in a `<meta>` tag, so the page's early script
 * (tabs/public/early-config.js) starts the sign-in requests without a round trip for it.
 */

export interface TabServerOptions {
  distDir: string;
  runtimeConfig: TabRuntimeConfig;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function createTabListener(options: TabServerOptions): RequestListener {
  const root = resolve(options.distDir);
  const csp = contentSecurityPolicy(options.runtimeConfig);
  const index = join(root, 'index.html');
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/config.json') {
      sendJson(res, 200, options.runtimeConfig, { 'Cache-Control': 'no-store' });
      return;
    }
    void serveFile(url.pathname).then(
      (file) => {
        const isAsset = file.path.includes(`${join(root, 'assets')}`);
        const { shell } = file;
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file.path)] ?? 'application/octet-stream',
          'Content-Length': file.size,
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'strict-origin-when-cross-origin',
          'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        if (req.method === 'HEAD') res.end();
        else if (shell) res.end(shell);
        else createReadStream(file.path).pipe(res);
      },
      () => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Not found. Has the tab been built? Run "npm run build" (looked in ${root}).`);
      },
    );
  };

  /** The file to send; the app shell read and given the configuration (`shell`). */
  async function serveFile(
    pathname: string,
  ): Promise<{ path: string; size: number; shell: Buffer | null }> {
    const candidate = normalize(join(root, decodeURIComponent(pathname)));
    if (!candidate.startsWith(root)) throw new Error('outside root');
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile() && candidate !== index)
      return { path: candidate, size: info.size, shell: null };
    // Client-side routes (hash routing mostly, but be forgiving) fall back to the app shell.
    const shell = Buffer.from(
      withInlineConfig(await readFile(index, 'utf8'), options.runtimeConfig),
    );
    return { path: index, size: shell.length, shell };
  }
}

/** The name of the `<meta>` tag that carries the runtime configuration in the app shell. */
export const INLINE_CONFIG_META = 'career-board-config';

/**
 * The shell with the runtime configuration as the first thing in its `<head>`, before the early
 * script that reads it. A `<meta>` tag, not an inline script: the tab's CSP allows scripts from
 * 'self' only. A shell without a `<head>` is sent as it is (the page then asks /config.json).
 */
export function withInlineConfig(html: string, config: TabRuntimeConfig): string {
  const content = JSON.stringify(config).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return html.replace(
    /<head>/i,
    (head) => `${head}\n    <meta name="${INLINE_CONFIG_META}" content="${content}" />`,
  );
}
