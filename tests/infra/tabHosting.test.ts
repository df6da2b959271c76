import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { contentSecurityPolicy, TEAMS_FRAME_ANCESTORS } from '../../api/src/hosting/tabSecurity';

/**
 * The deployed tab's headers (infra/tab-hosting/staticwebapp.config.json) against the one list of
 * hosts that may frame the tab, TEAMS_FRAME_ANCESTORS, which the local tab server uses too.
 */

interface StaticWebAppConfig {
  globalHeaders?: Record<string, string>;
}

const config = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', 'infra', 'tab-hosting', 'staticwebapp.config.json'),
    'utf8',
  ),
) as StaticWebAppConfig;

function frameAncestors(csp: string | undefined): string[] {
  const directive = (csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-ancestors '));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

/** Microsoft-owned host suffixes: a wildcard or typo outside these would let another site frame the tab. */
const MICROSOFT_SUFFIXES = [
  '.cloud.microsoft',
  '.microsoft.com',
  '.microsoft365.com',
  '.office.com',
  '.office365.com',
];

function unsafeSources(sources: readonly string[]): string[] {
  return sources.filter((source) => {
    if (source === "'self'") return false;
    const match = /^https:\/\/(\*\.)?([a-z0-9-]+(\.[a-z0-9-]+)+)$/.exec(source);
    if (!match) return true;
    const host = `.${match[2]}`;
    return !MICROSOFT_SUFFIXES.some((suffix) => host.endsWith(suffix));
  });
}

describe('tab hosting headers (infra/tab-hosting/staticwebapp.config.json)', () => {
  const production = frameAncestors(config.globalHeaders?.['Content-Security-Policy']);

  it('lets exactly the hosts the local tab server allows frame the deployed tab', () => {
    expect(production).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
  });

  it('agrees with the policy the local tab server sends when no test host is added', () => {
    const local = contentSecurityPolicy({
      mode: 'azure',
      apiBaseUrl: 'https://api.example/api',
      devServicesUrl: null,
      extraHostOrigins: [],
    });
    expect(frameAncestors(local)).toEqual(production);
  });

  it('names only https Microsoft hosts, with Teams and *.cloud.microsoft among them', () => {
    expect(TEAMS_FRAME_ANCESTORS).toEqual(
      expect.arrayContaining(['https://teams.microsoft.com', 'https://*.cloud.microsoft']),
    );
    expect(unsafeSources(production)).toEqual([]);
  });

  it('would notice a source that lets any site, or a look-alike, frame the tab', () => {
    expect(
      unsafeSources([
        "'self'",
        'https://teams.microsoft.com',
        'https:',
        'https://*.microsoft.com.evil.example',
        'http://teams.microsoft.com',
        '*',
      ]),
    ).toEqual([
      'https:',
      'https://*.microsoft.com.evil.example',
      'http://teams.microsoft.com',
      '*',
    ]);
  });

  it('sets no X-Frame-Options, which would stop Teams from framing the tab', () => {
    expect(Object.keys(config.globalHeaders ?? {}).map((h) => h.toLowerCase())).not.toContain(
      'x-frame-options',
    );
  });
});
