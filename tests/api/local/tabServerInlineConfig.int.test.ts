import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TabRuntimeConfig } from '../../../api/src/contract/tabRuntimeContract';
import { close, listen } from '../../../api/src/local/listen';
import { INLINE_CONFIG_META, createTabListener } from '../../../api/src/local/tabServer';
import {
  BOARD_CHUNKS_META,
  INLINE_CONFIG_META as TAB_READS_META,
} from '../../../tabs/src/config/pageMeta';

/**
 * The local tab server writes the runtime configuration into the app shell, so the page's early
 * script (tabs/public/early-config.js) has it without asking /config.json. Real HTTP against a
 * dist folder of its own.
 */

const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <script async src="/early-config.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;
const SCRIPT = 'console.log("<head>");\n';
// Characters that would end the attribute or open a tag if they were not escaped.
const CONFIG: TabRuntimeConfig = {
  mode: 'local',
  apiBaseUrl: 'http://localhost:7071/api?a="b"&c=<d>',
  devServicesUrl: 'http://localhost:7073',
  extraHostOrigins: [],
};

let dist: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'tab-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), SHELL);
  await writeFile(join(dist, 'assets', 'index-abc.js'), SCRIPT);
  server = createServer(createTabListener({ distDir: dist, runtimeConfig: CONFIG }));
  base = `http://localhost:${await listen(server, 0, 'tab', 'TAB_PORT')}`;
});

afterAll(async () => {
  await close(server);
  await rm(dist, { recursive: true, force: true });
});

/** The configuration in the shell's meta tag, read back as a browser would (entities decoded). */
function inlineConfig(html: string): unknown {
  const match = new RegExp(`<meta name="${INLINE_CONFIG_META}" content="([^"]*)" />`).exec(html);
  if (!match) return null;
  const decoded = match[1].replace(/&#(\d+);/g, (_, code: string) =>
    String.fromCharCode(Number(code)),
  );
  return JSON.parse(decoded);
}

describe('the app shell carries the runtime configuration', () => {
  it.each(['/', '/index.html', '/some/client/route'])(
    '%s: the configuration of /config.json, before the early script, with a matching length',
    async (path) => {
      const response = await fetch(`${base}${path}`);
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(html));
      expect(inlineConfig(html)).toEqual(CONFIG);
      expect(inlineConfig(html)).toEqual(await (await fetch(`${base}/config.json`)).json());
      expect(html.indexOf(INLINE_CONFIG_META)).toBeLessThan(html.indexOf('early-config.js'));
      // The value is escaped: the attribute holds no raw quote or angle bracket.
      expect(html).not.toContain('a="b"');
    },
  );

  it('other files are sent as they are', async () => {
    const response = await fetch(`${base}/assets/index-abc.js`);
    expect(await response.text()).toBe(SCRIPT);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('HEAD on the shell gives the length a GET sends', async () => {
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    const get = await fetch(`${base}/`);
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
  });
});

describe('the page reads the tags by the names they are written under', () => {
  // The early script is a public file and cannot import the names: were one to drift, the page
  // would quietly fetch /config.json again or skip the board's preload.
  it('the app and its early script look for the server’s and the build’s meta tags', async () => {
    const early = await readFile(join(__dirname, '../../../tabs/public/early-config.js'), 'utf8');
    expect(TAB_READS_META).toBe(INLINE_CONFIG_META);
    expect(early).toContain(`meta[name="${INLINE_CONFIG_META}"]`);
    expect(early).toContain(`meta[name="${BOARD_CHUNKS_META}"]`);
  });
});
