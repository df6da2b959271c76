import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startTestStack as startApiTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

export { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
export { oneOnOneChatId } from '../../../api/src/local/graph-simulator/chatRoutes';
/** The local stack, plus the helpers the API tests use (so shared fixtures seed it too). */
export type Stack = TestStack;

const ROOT = join(__dirname, '..', '..', '..');
const TABS = join(ROOT, 'tabs');
const TAB_INPUTS = ['src', 'build', 'public', 'index.html', 'vite.config.ts'].map((p) =>
  join(TABS, p),
);
const CONTRACT = join(ROOT, 'api', 'src', 'contract');

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** Changes whenever anything that goes into the tab's build changes. */
function tabSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...TAB_INPUTS, CONTRACT].flatMap(filesUnder)) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The tab, built for production from the current sources, in a directory of its own: parallel
 * test files share one build per source version and never rewrite tabs/dist under `npm start`.
 */
export function builtTabDir(): string {
  const dir = join(tmpdir(), `career-board-tab-${tabSourceHash()}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  const staging = `${dir}.${process.pid}.${Date.now()}`;
  // Jest sets NODE_ENV=test; the tab under test must be the production build.
  execFileSync('npx', ['vite', 'build', '--outDir', staging, '--emptyOutDir'], {
    cwd: TABS,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'pipe',
  });
  try {
    renameSync(staging, dir);
  } catch {
    // Another test file finished the same build first: use theirs.
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/** The whole product on ephemeral ports: Cosmos, dev services, API and tab server. */
export async function startTestStack(extraHostOrigins: string[] = []): Promise<Stack> {
  return startApiTestStack({
    extraHostOrigins,
    tabDistDir: builtTabDir(),
    log: () => undefined,
    // The org chart is cached as in production, not switched off as in the API tests.
    orgChartCacheSeconds: undefined,
  });
}

/** A token for a demo person, minted by the local issuer exactly as the tab's sign-in gets one. */
export async function tokenFor(stack: Stack, userId: string): Promise<string> {
  const response = await fetch(`${stack.urls.dev}/identity/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok)
    throw new Error(`The local issuer refused a token for ${userId}: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
