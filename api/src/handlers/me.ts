import type { HttpResponseInit } from '@azure/functions';

import { isAdmin } from '../domain/caller';
import { notFound } from '../errors/problem';
import { ok } from '../http/responses';
import type { CallerRouteInput } from '../http/route';

/** The signed-in person as the org chart sees them: who they report to and who reports to them. */
export async function getMe({ caller, services }: CallerRouteInput): Promise<HttpResponseInit> {
  const { directory } = services;
  const [me, manager, reports] = await Promise.all([
    directory.getPerson(caller.tenantId, caller.userId),
    directory.getManager(caller.tenantId, caller.userId),
    directory.getDirectReports(caller.tenantId, caller.userId),
  ]);
  if (!me) throw notFound("Your account was not found in your organisation's directory.");
  return ok({
    id: me.id,
    displayName: me.displayName,
    jobTitle: me.jobTitle,
    mail: me.mail,
    tenantId: caller.tenantId,
    isAdmin: isAdmin(caller),
    manager: manager
      ? { id: manager.id, displayName: manager.displayName, jobTitle: manager.jobTitle }
      : null,
    directReports: reports.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      jobTitle: r.jobTitle,
    })),
  });
}
