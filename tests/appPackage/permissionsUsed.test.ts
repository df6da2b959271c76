import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every permission Career Board asks for is needed by a Microsoft Graph call in api/src/graph/,
 * and every such call is covered by a permission it asks for: nothing granted for no one, nothing
 * called without a grant. The table maps each permission to the calls it authorises, as listed
 * in the permissions section of each call's Microsoft Graph reference page.
 */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** `entra-opt-in`: granted by the admin only to turn on a setting that is off by default. */
type Grant = 'entra' | 'teams-rsc' | 'exchange-rbac' | 'entra-opt-in';

interface Permission {
  grant: Grant;
  /** Graph paths (with {id} for a segment) this permission authorises. */
  calls: string[];
}

const PERMISSIONS: Record<string, Permission> = {
  // The org chart, and the sharing people picker's name search (`/users` with a filter).
  'User.Read.All': {
    grant: 'entra',
    calls: [
      '/users',
      '/users/{id}',
      '/users/{id}/manager',
      '/users/{id}/directReports',
      '/users/delta',
    ],
  },
  // The pilot: its members during the org sync, and the settings screen's search for it.
  'GroupMember.Read.All': {
    grant: 'entra',
    calls: ['/groups', '/groups/{id}/transitiveMembers/microsoft.graph.user'],
  },
  // Granted in Exchange Online as the role "Application Calendars.ReadWrite", scoped to the pilot
  // group (docs/deploy.md), not as an Entra application permission.
  'Calendars.ReadWrite': {
    grant: 'exchange-rbac',
    calls: [
      '/users/{id}/calendar/getSchedule',
      '/users/{id}/calendarView',
      '/users/{id}/events',
      '/users/{id}/events/{id}',
    ],
  },
  'ChatMember.Read.Chat': { grant: 'teams-rsc', calls: ['/chats/{id}/members'] },
  // Auto-pinning (tenant setting, off by default): docs/deploy.md says when and how to grant them.
  'Chat.Create': { grant: 'entra-opt-in', calls: ['/chats'] },
  'TeamsAppInstallation.ReadWriteSelfForChat.All': {
    grant: 'entra-opt-in',
    calls: ['/chats/{id}/installedApps'],
  },
  'TeamsTab.ReadWriteSelfForChat.All': {
    grant: 'entra-opt-in',
    calls: ['/chats/{id}/tabs', '/chats/{id}/tabs/{id}'],
  },
  'TeamsActivity.Send.User': {
    grant: 'teams-rsc',
    calls: ['/users/{id}/teamwork/sendActivityNotification'],
  },
};

/** Graph paths the API calls: `.api('…')` arguments and `url:` of $batch requests, ids as {id}. */
function graphCalls(source: string): string[] {
  const literals = [
    ...source.matchAll(/\.api\(\s*(['`])([^'`]+)\1/g),
    ...source.matchAll(/url:\s*(['`])([^'`]+)\1/g),
  ].map((m) => m[2] as string);
  return literals
    .filter((path) => path !== '/$batch')
    .map(
      (path) =>
        path
          .replace(/\$\{user\([^)]*\)\}/g, '/users/{id}')
          .replace(/\$\{[^}]+\}/g, '{id}')
          .split('?')[0] as string,
    );
}

const graphDir = join(ROOT, 'api', 'src', 'graph');
const calls = [
  ...new Set(
    readdirSync(graphDir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => graphCalls(readFileSync(join(graphDir, f), 'utf8'))),
  ),
].sort();

const aad = JSON.parse(read('aad.manifest.json')) as {
  requiredResourceAccess: { resourceAccess: { id: string }[] }[];
};
const teams = JSON.parse(read('appPackage/manifest.json')) as {
  authorization: { permissions: { resourceSpecific: { name: string }[] } };
};
const entraPermissions = aad.requiredResourceAccess.flatMap((r) =>
  r.resourceAccess.map((a) => a.id),
);
const rscPermissions = teams.authorization.permissions.resourceSpecific.map((p) => p.name);
const guide = read('docs/deploy.md');
/** The guide's auto-pinning section: where an opt-in permission must be named to count as granted. */
const optInSection = /### Auto-pinning[\s\S]*?(?=\n### )/.exec(guide)?.[0] ?? '';

describe('permissions and the Graph calls that need them', () => {
  it('finds the API’s Graph calls', () => {
    expect(calls).toEqual(
      expect.arrayContaining(['/users/delta', '/users/{id}/teamwork/sendActivityNotification']),
    );
  });

  it('asks for no Entra or resource-specific permission that no call needs', () => {
    const requested = [
      ...entraPermissions.map((name) => ({ name, grant: 'entra' })),
      ...rscPermissions.map((name) => ({ name, grant: 'teams-rsc' })),
    ];
    for (const { name, grant } of requested) {
      expect({ name, grant: PERMISSIONS[name]?.grant }).toEqual({ name, grant });
      const used = PERMISSIONS[name]?.calls.filter((call) => calls.includes(call)) ?? [];
      expect({ name, used: used.length > 0 }).toEqual({ name, used: true });
    }
  });

  it('covers every call with a permission that is requested or granted in Exchange', () => {
    const granted = Object.entries(PERMISSIONS).filter(([name, p]) =>
      p.grant === 'entra'
        ? entraPermissions.includes(name)
        : p.grant === 'teams-rsc'
          ? rscPermissions.includes(name)
          : p.grant === 'entra-opt-in'
            ? optInSection.includes(`| \`${name}\``)
            : guide.includes(`-Role "Application ${name}"`),
    );
    const uncovered = calls.filter((call) => !granted.some(([, p]) => p.calls.includes(call)));
    expect(uncovered).toEqual([]);
  });

  it('asks for no opt-in permission up front: the admin grants those to turn the setting on', () => {
    const optIn = Object.entries(PERMISSIONS)
      .filter(([, p]) => p.grant === 'entra-opt-in')
      .map(([name]) => name);
    expect(optIn.length).toBeGreaterThan(0);
    expect(optIn.filter((name) => entraPermissions.includes(name))).toEqual([]);
    expect(optInSection).toContain('off by default');
  });

  it('justifies each permission in the guide, next to the call that needs it', () => {
    for (const [name, { calls: needed }] of Object.entries(PERMISSIONS)) {
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${name}\``));
      expect({ name, row: row !== undefined }).toEqual({ name, row: true });
      const named = needed.filter((call) => calls.includes(call));
      expect(named.some((call) => row?.includes(call.replace(/\{id\}/g, '{id}')))).toBe(true);
    }
  });
});
