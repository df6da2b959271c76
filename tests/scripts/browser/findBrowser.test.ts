import { delimiter, join } from 'node:path';

import { findBrowser } from '../../../scripts/browser/findBrowser';
import type { BrowserSearch } from '../../../scripts/browser/findBrowser';

const on = (
  files: string[],
  env: BrowserSearch['env'] = {},
  platform: NodeJS.Platform = 'linux',
  managed?: string,
): BrowserSearch => ({
  env,
  platform,
  isExecutable: (path) => files.includes(path),
  playwrightChromium: () => managed,
});

describe('findBrowser: a browser the way people have one', () => {
  it('takes CHROME_PATH first', () => {
    expect(
      findBrowser(
        on(['/opt/mine/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/opt/mine/chrome' }),
      ),
    ).toEqual({
      found: true,
      path: '/opt/mine/chrome',
      source: 'CHROME_PATH',
    });
  });

  it('says CHROME_PATH is wrong rather than silently using another browser', () => {
    const result = findBrowser(on(['/usr/bin/chromium'], { CHROME_PATH: '/nowhere/chrome' }));
    expect(result).toEqual({
      found: false,
      problem: expect.stringMatching(/CHROME_PATH is \/nowhere\/chrome/),
    });
  });

  it("finds Debian's chromium, then an installed Chrome or Edge", () => {
    expect(findBrowser(on(['/usr/bin/chromium', '/usr/bin/google-chrome']))).toMatchObject({
      path: '/usr/bin/chromium',
    });
    expect(findBrowser(on(['/opt/microsoft/msedge/msedge']))).toMatchObject({
      path: '/opt/microsoft/msedge/msedge',
    });
  });

  it('finds Chrome on macOS and Edge on Windows in their install folders', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(on([mac], {}, 'darwin'))).toMatchObject({ path: mac });
    const edge = join('C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe');
    expect(
      findBrowser(on([edge], { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'win32')),
    ).toMatchObject({ path: edge });
  });

  it('finds a browser on PATH', () => {
    const path = ['/home/me/bin', '/home/me/.local/bin'].join(delimiter);
    expect(findBrowser(on(['/home/me/.local/bin/google-chrome-stable'], { PATH: path }))).toEqual({
      found: true,
      path: '/home/me/.local/bin/google-chrome-stable',
      source: 'PATH',
    });
  });

  it('falls back to a Playwright-managed Chromium once it is downloaded', () => {
    const managed = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    expect(findBrowser(on([], {}, 'linux', managed))).toEqual({ found: false });
    expect(findBrowser(on([managed], {}, 'linux', managed))).toMatchObject({
      path: managed,
      source: 'Playwright-managed Chromium',
    });
  });
});
