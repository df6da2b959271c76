import { mergeDeltaUser } from '../domain/orgChart/deltaMerge';
import { readOrgChartDelta } from '../graph/orgChartDelta';
import { readPilotMemberIds } from '../graph/pilotGroup';
import type { Services } from '../services';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import type { TenantSettings } from '../contract/settingsContract';
import type { PilotMembers } from '../domain/settings/pilotScope';

/**
 * Brings the stored org chart up to date from Graph: a full read the first time, then only what
 * changed. Returns everyone known and who has a new manager since the last sync.
 */

export interface OrgSyncResult {
  people: Map<string, DirectoryPerson>;
  managerChanges: DirectoryPerson[];
  /** The chosen pilot group's members, read fresh; null when no group is chosen. */
  pilotMembers: PilotMembers | null;
  requests: number;
  full: boolean;
  changes: number;
}

export async function syncOrgChart(
  services: Services,
  tenantId: string,
  now: Date,
  pilot: TenantSettings['pilot'],
): Promise<OrgSyncResult> {
  const [stored, deltaLink] = await Promise.all([
    services.orgChart.readAll(tenantId),
    services.orgChart.readDeltaLink(tenantId),
  ]);
  const people = new Map(stored.map((p) => [p.id, p]));
  const round = await readOrgChartDelta(services.graphFor(tenantId), deltaLink);
  const firstSync = deltaLink === null;
  const changed: DirectoryPerson[] = [];
  const managerChanges: DirectoryPerson[] = [];
  for (const user of round.users) {
    const { person, managerChanged } = mergeDeltaUser(
      tenantId,
      people.get(user.id.toLowerCase()),
      user,
      now.toISOString(),
      firstSync,
    );
    people.set(person.id, person);
    changed.push(person);
    if (managerChanged) managerChanges.push(person);
  }
  // Store the people before the link: a crash in between replays the same changes, harmlessly.
  await services.orgChart.upsertMany(changed);
  await services.orgChart.writeDeltaLink(tenantId, round.deltaLink, now.toISOString());
  const group = await syncPilotMembers(services, tenantId, now, pilot);
  return {
    people,
    managerChanges,
    pilotMembers: group.members,
    requests: round.requests + group.requests,
    full: round.full,
    changes: changed.length,
  };
}

/**
 * Reads the pilot group's members (nested groups included) with the org chart and stores them
 * beside it, so the API's acknowledgement and adoption views see the same pilot as the pass.
 */
async function syncPilotMembers(
  services: Services,
  tenantId: string,
  now: Date,
  pilot: TenantSettings['pilot'],
): Promise<{ members: PilotMembers | null; requests: number }> {
  if (pilot.group === null) return { members: null, requests: 0 };
  const groupId = pilot.group.id;
  const read = await readPilotMemberIds(services.graphFor(tenantId), groupId);
  await services.orgChart.writePilotMembers(tenantId, groupId, read.memberIds, now.toISOString());
  return { members: { groupId, memberIds: new Set(read.memberIds) }, requests: read.requests };
}
