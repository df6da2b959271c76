import type { DevUser } from '../auth/localIdentity';

/** The "Sign in as" picker's shape: tenants, then teams (people grouped by their manager). */

export interface PickerTeam {
  managerId: string | null;
  label: string;
  people: DevUser[];
}

export interface PickerTenant {
  tenantId: string;
  label: string;
  teams: PickerTeam[];
}

/** Only enabled members can sign in; guests and disabled accounts are left out. */
export function canSignIn(user: DevUser): boolean {
  return user.accountEnabled && user.userType === 'Member';
}

export function groupForPicker(users: readonly DevUser[], search = ''): PickerTenant[] {
  const byId = new Map(users.map((u) => [u.id, u]));
  const needle = search.trim().toLowerCase();
  const eligible = users
    .filter(canSignIn)
    .filter(
      (u) =>
        !needle ||
        [u.displayName, u.jobTitle ?? '', u.department ?? '', u.userPrincipalName].some((v) =>
          v.toLowerCase().includes(needle),
        ),
    );

  const tenants = new Map<string, DevUser[]>();
  for (const user of eligible)
    tenants.set(user.tenantId, [...(tenants.get(user.tenantId) ?? []), user]);

  return [...tenants.entries()]
    .map(([tenantId, people]) => ({
      tenantId,
      label: tenantLabel(people),
      teams: teamsOf(people, byId),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function teamsOf(people: DevUser[], byId: Map<string, DevUser>): PickerTeam[] {
  const teams = new Map<string | null, DevUser[]>();
  for (const person of people) {
    const key = person.managerId && byId.has(person.managerId) ? person.managerId : null;
    teams.set(key, [...(teams.get(key) ?? []), person]);
  }
  return [...teams.entries()]
    .map(([managerId, members]) => ({
      managerId,
      label: managerId
        ? `Reports to ${byId.get(managerId)?.displayName ?? 'someone'}`
        : 'Top of the organisation',
      people: members.sort((a, b) => a.displayName.localeCompare(b.displayName)),
    }))
    .sort((a, b) =>
      a.managerId === null
        ? -1
        : b.managerId === null
          ? 1
          : depth(a.managerId, byId) - depth(b.managerId, byId) || a.label.localeCompare(b.label),
    );
}

/** How far below the top a manager sits, so teams read top-down. */
function depth(id: string, byId: Map<string, DevUser>): number {
  let level = 0;
  let current = byId.get(id);
  const seen = new Set<string>();
  while (current?.managerId && !seen.has(current.id) && level < 50) {
    seen.add(current.id);
    current = byId.get(current.managerId);
    level += 1;
  }
  return level;
}

function tenantLabel(people: DevUser[]): string {
  const domain = people[0]?.userPrincipalName.split('@')[1];
  return domain ?? people[0]?.tenantId ?? 'Tenant';
}
