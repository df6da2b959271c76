import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

import type { TabRuntimeConfig } from '../contract/tabRuntimeContract';
import { contentSecurityPolicy } from '../hosting/tabSecurity';
import { sendJson } from './http-utils';

/**
 * Serves the built tab (tabs/dist) the way static hosting does in Azure, plus `/config.json`, the
 * runtime configuration the tab reads at start so one build works on any ports.
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
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file.path)] ?? 'application/octet-stream',
          'Content-Length': file.size,
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'strict-origin-when-cross-origin',
          'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file.path).pipe(res);
      },
      () => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Not found. Has the tab been built? Run "npm run build" (looked in ${root}).`);
      },
    );
  };

  async function serveFile(pathname: string): Promise<{ path: string; size: number }> {
    const candidate = normalize(join(root, decodeURIComponent(pathname)));
    if (!candidate.startsWith(root)) throw new Error('outside root');
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return { path: candidate, size: info.size };
    // Client-side routes (hash routing mostly, but be forgiving) fall back to the app shell.
    const index = join(root, 'index.html');
    return { path: index, size: (await stat(index)).size };
  }
}
