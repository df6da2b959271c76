import type { HttpResponseInit } from '@azure/functions';

import { MINIMUM_GROUP_SIZE, adoptionFigures } from '../../domain/adoption/adoptionFigures';
import { sharingFigures } from '../../domain/adoption/sharingFigures';
import { quarterOf } from '../../domain/scheduling';
import { inPilotScope } from '../../domain/settings/pilotScope';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { requireAdmin } from './requireAdmin';

/**
 * GET adoption: how far the tenant has taken Career Board up, for its admins. Counts only, from
 * the org chart the scheduler last synced; never a name, a title or a note.
 */
export async function readAdoption(input: CallerRouteInput): Promise<HttpResponseInit> {
  requireAdmin(input);
  const { services, caller } = input;
  const now = services.now();
  const quarter = quarterOf(now);
  const [
    { settings },
    directory,
    pilotMembers,
    syncedAt,
    rows,
    conversations,
    roundingKey,
    sharingRows,
  ] = await Promise.all([
    services.settings.read(caller.tenantId),
    services.orgChart.readAll(caller.tenantId),
    services.orgChart.readPilotMembers(caller.tenantId),
    services.orgChart.readLastSyncAt(caller.tenantId),
    services.boardQueries.readTenantAdoptionRows(caller.tenantId),
    services.conversations.listForTenant(caller.tenantId, [quarter]),
    services.disclosureKeys.keyFor(caller.tenantId, now.toISOString()),
    services.sharing.tenantSharingRows(caller.tenantId),
  ]);
  const eligible = new Map(directory.filter((p) => p.eligible).map((p) => [p.id, p]));
  // The people who should have a board and a conversation: the scheduler's own population.
  const people = [...eligible.values()].filter(
    (p) =>
      p.managerId !== null &&
      eligible.has(p.managerId) &&
      inPilotScope(settings.pilot, pilotMembers, p.id),
  );
  const policy = { minimumGroupSize: MINIMUM_GROUP_SIZE, roundingKey };
  const figures = adoptionFigures(
    people.map((p) => ({ id: p.id, department: p.department })),
    rows,
    conversations.map((c) => ({ employeeId: c.employeeId, status: c.status })),
    { quarter, asOf: now.toISOString(), orgChartSyncedAt: syncedAt },
    policy,
  );
  const sharing = sharingFigures(
    people.map((p) => p.id),
    sharingRows,
    quarter,
    policy,
  );
  return ok({ ...figures, sharing: figures.withheld ? null : sharing });
}
