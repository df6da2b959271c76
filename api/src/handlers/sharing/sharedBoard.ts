import type { HttpResponseInit } from '@azure/functions';

import type {
  SharedAspirationView,
  SharedBoardView,
  SharedWithMeEntry,
  SharedWithMeView,
  SponsorshipView,
} from '../../contract/sharingContract';
import { sortAspirations } from '../../domain/board/boardView';
import { mayRead, sharedAccess } from '../../domain/sharing/shareRule';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { openSharedBoard } from './sharingAccess';
import { threadView } from '../../domain/sharing/sharingViews';

/**
 * GET boards/{employeeId}/shared: what a sponsor, mentor or asked person sees of a board. Built
 * from aspirations alone (title, details, steps, evidence), never from comments, private notes or
 * conversations, and filtered by the share read in this request: an aspiration deleted or a share
 * revoked a moment ago is not in it.
 */
export async function readSharedBoard(input: CallerRouteInput): Promise<HttpResponseInit> {
  const shared = await openSharedBoard(input);
  const { boards, sharing } = input.services;
  const [{ records }, sponsorships] = await Promise.all([
    boards.readBoard(shared.tenantId, shared.employee.id),
    sharing.listSponsorships(shared.tenantId, shared.employee.id),
  ]);
  const sponsorshipOf = new Map(
    sponsorships.map((s): [string, SponsorshipView] => [s.aspirationId, { by: s.by, at: s.at }]),
  );
  const threadOf = new Map(shared.threads.map((t) => [t.aspirationId, t]));
  const aspirations = sortAspirations(
    records.aspirations.filter((a) => mayRead(shared.access, a.id)),
  ).map((a): SharedAspirationView => {
    const thread = threadOf.get(a.id);
    return {
      id: a.id,
      kind: a.kind,
      horizon: a.horizon,
      title: a.title,
      details: a.details,
      targetDate: a.targetDate,
      steps: a.steps,
      evidence: a.evidence,
      sponsorship: sponsorshipOf.get(a.id) ?? null,
      thread: thread ? threadView(thread) : null,
    };
  });
  const view: SharedBoardView = {
    employee: shared.employee,
    access: shared.access.access,
    aspirations,
  };
  return ok(view);
}

/**
 * GET shared-with-me: the boards shared with the caller and the questions asked of them. The list
 * is the caller's own partition; each entry is checked against the board's share and threads in
 * this request, so a revoked share or an erased board drops out at once.
 */
export async function readSharedWithMe(input: CallerRouteInput): Promise<HttpResponseInit> {
  const { caller, services } = input;
  const inbound = await services.sharing.listInbound(caller.tenantId, caller.userId);
  const entries = await Promise.all(
    inbound.map(async (entry): Promise<SharedWithMeEntry | null> => {
      const [share, threads, employee] = await Promise.all([
        services.sharing.readShare(caller.tenantId, entry.employeeId, caller.userId),
        services.sharing.listThreads(caller.tenantId, entry.employeeId),
        services.directory.getPerson(caller.tenantId, entry.employeeId),
      ]);
      const access = sharedAccess(caller.userId, share, threads);
      if (!access || !employee) return null;
      const mine = threads.filter((t) => t.person.id === caller.userId && t.question !== null);
      return {
        employee: {
          id: employee.id,
          displayName: employee.displayName,
          jobTitle: employee.jobTitle,
        },
        access: access.access,
        sharedAt: share?.createdAt ?? mine.map((t) => t.askedAt).sort()[0] ?? entry.at,
        openQuestions: mine.filter((t) => t.firstAnsweredAt === null).length,
      };
    }),
  );
  const view: SharedWithMeView = {
    boards: entries
      .filter((e): e is SharedWithMeEntry => e !== null)
      .sort((a, b) => a.employee.displayName.localeCompare(b.employee.displayName)),
  };
  return ok(view);
}
