import { WHAT_TO_RUN, ensureBrowser } from '../../../scripts/browser/ensureBrowser';
import type { Machine } from '../../../scripts/browser/ensureBrowser';
import type { BrowserFound } from '../../../scripts/browser/findBrowser';

const CHROMIUM: BrowserFound = {
  found: true,
  path: '/usr/bin/chromium',
  source: 'installed browser',
};
const NONE: BrowserFound = { found: false };

/** A machine with no browser until `installs` (a command line) has run. */
function machine(overrides: Partial<Machine> & { installs?: string } = {}) {
  const ran: string[] = [];
  const lines: string[] = [];
  let installed = false;
  const m: Machine = {
    find: () => (installed ? CHROMIUM : NONE),
    run: (command, args) => {
      const line = [command, ...args].join(' ');
      ran.push(line);
      if (line === overrides.installs) installed = true;
      return 0;
    },
    platform: 'linux',
    isRoot: true,
    hasAptGet: true,
    playwrightCli: '/repo/node_modules/playwright-core/cli.js',
    nodePath: '/usr/bin/node',
    log: (line) => lines.push(line),
    ...overrides,
  };
  return { m, ran, lines };
}

describe('ensureBrowser: npm test gets a browser before the browser tests', () => {
  it('installs nothing when a browser is there', () => {
    const { m, ran, lines } = machine({ find: () => CHROMIUM });
    expect(ensureBrowser(m)).toBe(0);
    expect(ran).toEqual([]);
    expect(lines).toEqual(['Browser tests use /usr/bin/chromium (installed browser).']);
  });

  it("installs Debian's chromium as root", () => {
    const { m, ran, lines } = machine({ installs: 'apt-get install -y -qq chromium' });
    expect(ensureBrowser(m)).toBe(0);
    expect(ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
    expect(lines.at(-1)).toMatch(/^Installed in \d+\.\d s: browser tests use \/usr\/bin\/chromium/);
  });

  it('reinstalls the package when it is registered but its binary is gone', () => {
    const { m, ran } = machine({ installs: 'apt-get install -y -qq --reinstall chromium' });
    expect(ensureBrowser(m)).toBe(0);
    expect(ran.at(-1)).toBe('apt-get install -y -qq --reinstall chromium');
  });

  it("uses Playwright's download where apt-get cannot run (not root, not Debian)", () => {
    const download = '/usr/bin/node /repo/node_modules/playwright-core/cli.js install chromium';
    for (const where of [
      { isRoot: false },
      { hasAptGet: false },
      { platform: 'darwin' as const },
    ]) {
      const { m, ran } = machine({ ...where, installs: download });
      expect(ensureBrowser(m)).toBe(0);
      expect(ran).toEqual([download]);
    }
  });

  it('says exactly what to run, and fails, when nothing could be installed', () => {
    const { m, ran, lines } = machine();
    expect(ensureBrowser(m)).toBe(1);
    expect(ran).toHaveLength(4);
    expect(lines.at(-1)).toBe(WHAT_TO_RUN);
    expect(WHAT_TO_RUN).toContain('sudo apt-get install -y chromium');
    expect(WHAT_TO_RUN).toContain('npx playwright-core install chromium');
  });

  it('does not install around a wrong CHROME_PATH', () => {
    const { m, ran } = machine({ find: () => ({ found: false, problem: 'CHROME_PATH is /x' }) });
    expect(ensureBrowser(m)).toBe(1);
    expect(ran).toEqual([]);
  });
});
