import type { TabRuntimeConfig } from '../contract/tabRuntimeContract';

/**
 * Teams and Microsoft 365 hosts that may frame the tab; nobody else can. Exactly the hosts
 * Microsoft documents for a tab's `frame-ancestors` ("Prerequisites" in Teams' tab requirements,
 * learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements): all hosts on
 * *.cloud.microsoft (teams., outlook., m365.), Teams, the Microsoft 365 app and Outlook.
 * The one list for both hostings: infra/tab-hosting/staticwebapp.config.json must name the same
 * hosts (tests/infra/tabHosting.test.ts fails on any drift).
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

export function contentSecurityPolicy(config: TabRuntimeConfig): string {
  const connect = [
    "'self'",
    config.apiBaseUrl,
    ...(config.devServicesUrl ? [config.devServicesUrl] : []),
  ];
  return [
    "default-src 'self'",
    `connect-src ${connect.map((u) => originOf(u)).join(' ')} https://res.cdn.office.net`,
    "script-src 'self'",
    // Fluent UI (Griffel) inserts style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `frame-ancestors 'self' ${[...TEAMS_FRAME_ANCESTORS, ...config.extraHostOrigins].join(' ')}`,
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

function originOf(url: string): string {
  return url.startsWith("'") ? url : new URL(url).origin;
}
