import type { TenantSettings } from '../../contract/settingsContract';

/**
 * The pilot group's members as last read from Graph during the org sync (transitive, users only),
 * kept next to the org chart. `groupId` says which group they belong to: after an admin switches
 * groups, the old list counts for nobody until the next sync reads the new one.
 */
export interface PilotMembers {
  groupId: string;
  memberIds: ReadonlySet<string>;
}

/** Why a pass books nobody in a tenant, or null when a pilot group is chosen. */
export function pilotGap(pilot: TenantSettings['pilot']): string | null {
  return pilot.group === null
    ? 'no pilot group chosen: an admin picks it in Settings, and until then nobody is booked'
    : null;
}

/** Whether a person is inside the tenant's pilot: a member of the chosen group, as last synced. */
export function inPilotScope(
  pilot: TenantSettings['pilot'],
  members: PilotMembers | null,
  personId: string,
): boolean {
  if (pilot.group === null || members === null) return false;
  return members.groupId === pilot.group.id && members.memberIds.has(personId.toLowerCase());
}
