import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Hosts Teams documents for `frame-ancestors` (Teams, Microsoft 365 app, Outlook, *.cloud.microsoft). */
const MICROSOFT_HOSTS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

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

describe('tab hosting headers (infra/tab-hosting/staticwebapp.config.json)', () => {
  it('lets only Teams and Microsoft 365 hosts frame the tab', () => {
    const ancestors = frameAncestors(config.globalHeaders?.['Content-Security-Policy']);
    expect(ancestors).toEqual(
      expect.arrayContaining(['https://teams.microsoft.com', 'https://*.cloud.microsoft']),
    );
    expect(ancestors.filter((host) => !MICROSOFT_HOSTS.includes(host))).toEqual([]);
  });

  it('would notice a policy that lets any site frame the tab', () => {
    const ancestors = frameAncestors("frame-ancestors 'self' https://teams.microsoft.com https:");
    expect(ancestors.filter((host) => !MICROSOFT_HOSTS.includes(host))).toEqual(['https:']);
  });

  it('sets no X-Frame-Options, which would stop Teams from framing the tab', () => {
    expect(Object.keys(config.globalHeaders ?? {}).map((h) => h.toLowerCase())).not.toContain(
      'x-frame-options',
    );
  });
});
