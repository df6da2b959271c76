import { randomUUID } from 'node:crypto';

import { createCalendarGateway } from '../graph/calendarGateway';
import { failureReason } from '../logging/logSafety';
import type { Services } from '../services';
import type { InviteRefreshTotals } from './agendaRefresh';
import { refreshFlagged } from './agendaRefresh';
import { rethrowIfAborted } from './passAborted';

/**
 * The `refreshInvites` timer: every few minutes, the invites of boards changed since get their
 * new agenda (within the limits of `inviteRefreshDecision`), so a deletion leaves the invites
 * within minutes rather than at the next daily pass. Cheap when nothing changed: one query per
 * tenant for the flags. It takes the tenant's pass lock, so it never runs beside a daily pass
 * (which refreshes the same invites itself) or another refresh; it reads the org chart as the
 * last pass synced it.
 */

/** A refresh is short; its lock lasts this long at most if it dies. */
const LOCK_MS = 5 * 60_000;
const BUDGET_MS = 4 * 60_000;

export interface InviteRefreshSummary extends InviteRefreshTotals {
  tenants: number;
  tenantsSkipped: number;
}

export async function runInviteRefresh(
  services: Services,
  options: { progress?: (message: string) => void; clock?: () => number } = {},
): Promise<InviteRefreshSummary> {
  const progress = options.progress ?? (() => undefined);
  const clock = options.clock ?? Date.now;
  const deadline = clock() + BUDGET_MS;
  const owner = `invite-refresh-${randomUUID()}`;
  const tenants = [
    ...new Set([
      ...services.config.scheduler.tenants,
      ...(await services.settings.tenantsWithSettings()),
    ]),
  ];
  const summary: InviteRefreshSummary = {
    tenants: tenants.length,
    tenantsSkipped: 0,
    boards: 0,
    replaced: 0,
    waiting: 0,
    failed: 0,
  };
  for (const tenantId of tenants) {
    if (clock() > deadline) break;
    const flags = await services.boards.listAgendaRefreshes(tenantId);
    if (flags.length === 0) continue;
    const lock = await services.passLock.take(tenantId, owner, clock(), LOCK_MS);
    if (!lock.taken) {
      summary.tenantsSkipped++;
      continue;
    }
    try {
      const people = new Map(
        (await services.orgChart.readAll(tenantId)).filter((p) => !p.removed).map((p) => [p.id, p]),
      );
      const totals = await refreshFlagged(
        {
          services,
          calendar: createCalendarGateway(services.graphFor(tenantId), services.mailboxLimiter),
          tenantId,
          now: services.now(),
          people,
          progress,
          outOfTime: () => clock() > deadline,
        },
        flags,
      );
      summary.boards += totals.boards;
      summary.replaced += totals.replaced;
      summary.waiting += totals.waiting;
      summary.failed += totals.failed;
    } catch (error) {
      rethrowIfAborted(error);
      summary.failed++;
      progress(
        `Tenant ${tenantId}: invite refresh failed (${failureReason(error)}); the next run retries.`,
      );
    } finally {
      await services.passLock.release(tenantId, owner);
    }
  }
  return summary;
}
