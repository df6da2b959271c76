import type { HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { TeamMemberView, TeamView } from '../../contract/boardContract';
import { teamMemberView } from '../../domain/board/boardView';
import { summariseConversations } from '../../domain/conversations/teamSummary';
import type { AcknowledgementRecord, AspirationRecord } from '../../domain/board/records';
import { boardPartitionKey } from '../../domain/board/records';
import { inPilotScope } from '../../domain/settings/pilotScope';
import { decodeCursor, encodeCursor } from '../../http/cursors';
import { notFound } from '../../errors/problem';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';

export const TEAM_PAGE_SIZE = 100;

/** Exactly what this handler issues: a whole number of pages into the sorted team. */
const teamCursorSchema = z.strictObject({
  offset: z
    .number()
    .int()
    .min(TEAM_PAGE_SIZE)
    .max(1_000_000)
    .refine((n) => n % TEAM_PAGE_SIZE === 0),
});

/**
 * GET team: the caller's direct reports, each with counts, top aspirations and flags, in one
 * response (paged with `?cursor=` past 100 reports). One cross-partition query covers the page.
 */
export async function readTeam({
  caller,
  services,
  request,
}: CallerRouteInput): Promise<HttpResponseInit> {
  const offset = decodeCursor(request.query.get('cursor'), teamCursorSchema)?.offset ?? 0;
  const [me, reports] = await Promise.all([
    services.directory.getPerson(caller.tenantId, caller.userId),
    services.directory.getDirectReports(caller.tenantId, caller.userId),
  ]);
  if (!me) throw notFound("Your account was not found in your organisation's directory.");
  const sorted = [...reports].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const page = sorted.slice(offset, offset + TEAM_PAGE_SIZE);
  const [{ rows }, conversations, { settings }, lastPassAt, pilotMembers] = await Promise.all([
    services.boardQueries.readTeamBoards(
      caller.tenantId,
      page.map((p) => p.id),
    ),
    services.conversations.listForEmployees(
      caller.tenantId,
      page.map((p) => p.id),
    ),
    // "Overdue" is measured against the tenant's own booking weeks, not the default ones.
    services.settings.read(caller.tenantId),
    // Nothing is overdue before a pass has had its chance: the org chart sync marks each pass.
    services.orgChart.readLastSyncAt(caller.tenantId),
    services.orgChart.readPilotMembers(caller.tenantId),
  ]);
  const now = services.now();
  const members: TeamMemberView[] = page.map((person) => {
    const pk = boardPartitionKey(caller.tenantId, person.id);
    const mine = rows.filter((r) => r.pk === pk);
    return teamMemberView(
      { id: person.id, displayName: person.displayName, jobTitle: person.jobTitle },
      mine.filter((r) => r.type === 'aspiration') as unknown as AspirationRecord[],
      mine.filter((r) => r.type === 'acknowledgement') as unknown as AcknowledgementRecord[],
      summariseConversations(
        conversations.filter((c) => c.employeeId === person.id),
        now,
        { windowStartWeek: settings.window.startWeek, windowEndWeek: settings.window.endWeek },
        // Someone outside the pilot is never booked: no pass ever has its chance with them.
        { lastPassAt: inPilotScope(settings.pilot, pilotMembers, person.id) ? lastPassAt : null },
      ),
      now.toISOString().slice(0, 10),
    );
  });
  const nextOffset = offset + TEAM_PAGE_SIZE;
  const view: TeamView = {
    manager: { id: me.id, displayName: me.displayName, jobTitle: me.jobTitle },
    members,
    nextCursor: nextOffset < sorted.length ? encodeCursor({ offset: nextOffset }) : null,
  };
  return ok(view);
}
