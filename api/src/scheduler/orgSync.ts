import { mergeDeltaUser } from '../domain/orgChart/deltaMerge';
import { readOrgChartDelta } from '../graph/orgChartDelta';
import type { Services } from '../services';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';

/**
 * Brings the stored org chart up to date from Graph: a full read the first time, then only what
 * changed. Returns everyone known and who has a new manager since the last sync.
 */

export interface OrgSyncResult {
  people: Map<string, DirectoryPerson>;
  managerChanges: DirectoryPerson[];
  requests: number;
  full: boolean;
  changes: number;
}

export async function syncOrgChart(
  services: Services,
  tenantId: string,
  now: Date,
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
  return {
    people,
    managerChanges,
    requests: round.requests,
    full: round.full,
    changes: changed.length,
  };
}
