/**
 * Finds a Chromium-family browser for the browser tests the way people have one: CHROME_PATH,
 * Debian's chromium, an installed Chrome or Edge, one on PATH, or a Playwright-managed Chromium.
 * Pure over what it is given (environment, platform, a file check), so every rule is testable.
 */
import { delimiter, join } from 'node:path';

export interface BrowserSearch {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  isExecutable: (path: string) => boolean;
  /** Where Playwright would keep its Chromium (playwright-core's chromium.executablePath()). */
  playwrightChromium?: () => string | undefined;
}

export type BrowserFound =
  { found: true; path: string; source: string } | { found: false; problem?: string };

/** Names a Chromium-family browser goes by on PATH. */
const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
  'chrome',
  'msedge',
];

function installedLocations(platform: NodeJS.Platform, env: BrowserSearch['env']): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
  ];
}

function onPath(search: BrowserSearch): string | undefined {
  const dirs = (search.env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffix = search.platform === 'win32' ? '.exe' : '';
  for (const dir of dirs)
    for (const name of PATH_NAMES) {
      const candidate = join(dir, name + suffix);
      if (search.isExecutable(candidate)) return candidate;
    }
  return undefined;
}

export function findBrowser(search: BrowserSearch): BrowserFound {
  const chosen = search.env.CHROME_PATH;
  if (chosen) {
    return search.isExecutable(chosen)
      ? { found: true, path: chosen, source: 'CHROME_PATH' }
      : {
          found: false,
          problem: `CHROME_PATH is ${chosen}, which is not an executable browser. Point it at Chromium, Chrome or Edge, or unset it to let the tests find or install one.`,
        };
  }
  const installed = installedLocations(search.platform, search.env).find(search.isExecutable);
  if (installed) return { found: true, path: installed, source: 'installed browser' };
  const path = onPath(search);
  if (path) return { found: true, path, source: 'PATH' };
  const managed = search.playwrightChromium?.();
  if (managed && search.isExecutable(managed))
    return { found: true, path: managed, source: 'Playwright-managed Chromium' };
  return { found: false };
}
