/**
 * Makes sure the browser tests have a browser before `npm test` runs them: finds one
 * (findBrowser.ts) or installs one where this machine allows it, in this order: Debian's chromium
 * package when running as root with apt-get, then Playwright's own Chromium download. Only when
 * both are impossible does it stop, saying exactly what to run. Run by `npm test` (pretest) and
 * `npm run test:e2e`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { BrowserFound } from './findBrowser';
import { findSystemBrowser } from './systemBrowser';

export interface Machine {
  find: () => BrowserFound;
  /** Runs a command with inherited output; returns its exit status. */
  run: (command: string, args: string[], env?: Record<string, string>) => number;
  platform: NodeJS.Platform;
  isRoot: boolean;
  hasAptGet: boolean;
  /** Node and playwright-core's CLI, for Playwright's installer. */
  playwrightCli: string;
  nodePath: string;
  log: (line: string) => void;
}

interface Installer {
  name: string;
  applies: (m: Machine) => boolean;
  install: (m: Machine) => void;
}

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

const INSTALLERS: Installer[] = [
  {
    name: "Debian's chromium package (apt-get, as root)",
    applies: (m) => m.platform === 'linux' && m.isRoot && m.hasAptGet,
    install: (m) => {
      m.run('apt-get', ['update', '-qq'], APT_ENV);
      m.run('apt-get', ['install', '-y', '-qq', 'chromium'], APT_ENV);
      // A package registered as installed whose binary is gone needs a reinstall to come back.
      if (!m.find().found)
        m.run('apt-get', ['install', '-y', '-qq', '--reinstall', 'chromium'], APT_ENV);
    },
  },
  {
    name: "Playwright's Chromium download",
    applies: () => true,
    install: (m) => {
      m.run(m.nodePath, [m.playwrightCli, 'install', 'chromium']);
    },
  },
];

export const WHAT_TO_RUN = [
  'No browser for the browser tests, and none could be installed from here. Run one of these, then npm test again:',
  '  sudo apt-get install -y chromium          (Debian, Ubuntu)',
  '  npx playwright-core install chromium      (any platform that can reach Playwright’s download server)',
  'or set CHROME_PATH to a Chromium, Chrome or Edge executable.',
].join('\n');

export function ensureBrowser(m: Machine): number {
  const first = m.find();
  if (first.found) {
    m.log(`Browser tests use ${first.path} (${first.source}).`);
    return 0;
  }
  if (first.problem) {
    // A CHROME_PATH that is wrong is the person's choice: say so rather than install around it.
    m.log(first.problem);
    return 1;
  }
  for (const installer of INSTALLERS.filter((i) => i.applies(m))) {
    m.log(`No browser found for the browser tests; installing ${installer.name}...`);
    const started = Date.now();
    installer.install(m);
    const after = m.find();
    if (after.found) {
      m.log(
        `Installed in ${((Date.now() - started) / 1000).toFixed(1)} s: browser tests use ${after.path} (${after.source}).`,
      );
      return 0;
    }
  }
  m.log(WHAT_TO_RUN);
  return 1;
}

function main(): void {
  const machine: Machine = {
    find: findSystemBrowser,
    run: (command, args, env = {}) =>
      spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1,
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    hasAptGet: existsSync('/usr/bin/apt-get'),
    // cli.js is the package's bin, not an export: find it beside the package's entry point.
    playwrightCli: join(dirname(require.resolve('playwright-core')), 'cli.js'),
    nodePath: process.execPath,
    log: (line) => console.log(line),
  };
  console.log(`Tests run on Node ${process.version}.`);
  process.exitCode = ensureBrowser(machine);
}

if (require.main === module) main();
