import type { BoardPerson } from '../../contract/boardContract';
import type { AdviceThreadRecord } from '../../domain/sharing/records';
import { sharedAccess } from '../../domain/sharing/shareRule';
import type { SharedAccess } from '../../domain/sharing/shareRule';
import type { Stored } from '../../domain/stored';
import { forbidden, notFound } from '../../errors/problem';
import { readShareTarget } from '../../graph/peopleSearch';
import { guidParam } from '../../http/requestParsing';
import type { CallerRouteInput } from '../../http/route';
import { validation } from '../../errors/problem';
import { targetRefusal } from '../../domain/sharing/shareRule';
import { openBoard } from '../board/openBoard';
import type { OpenBoard } from '../board/openBoard';

/** The employee's own board: only they share it, ask about it, and see who can see what. */
export async function openOwnBoard(input: CallerRouteInput): Promise<OpenBoard> {
  const board = await openBoard(input, 'read');
  if (board.role !== 'employee')
    throw forbidden('Only the employee chooses who else sees their board and whom to ask.');
  return board;
}

/** A board seen through a share or a question: what the viewer may read of it, fresh per request. */
export interface SharedBoard {
  tenantId: string;
  employee: BoardPerson;
  viewerId: string;
  access: SharedAccess;
  threads: Stored<AdviceThreadRecord>[];
}

const NOT_SHARED =
  'This board is not shared with you. Only its employee can share it; ask them if you need to see it.';

/**
 * Applies the extended access rule for one request. Share and threads are read from the store on
 * every call (nothing cached), so a revoked share refuses the very next request.
 */
export async function openSharedBoard(input: CallerRouteInput): Promise<SharedBoard> {
  const { caller, services, request } = input;
  const employeeId = guidParam(request, 'employeeId');
  const employee = await services.directory.getPerson(caller.tenantId, employeeId);
  if (!employee) throw notFound('There is no board for this person in your organisation.');
  const [share, threads] = await Promise.all([
    services.sharing.readShare(caller.tenantId, employeeId, caller.userId),
    services.sharing.listThreads(caller.tenantId, employeeId),
  ]);
  const access = sharedAccess(caller.userId, share, threads);
  if (!access) throw forbidden(NOT_SHARED);
  return {
    tenantId: caller.tenantId,
    employee: { id: employee.id, displayName: employee.displayName, jobTitle: employee.jobTitle },
    viewerId: caller.userId,
    access,
    threads: threads.filter((t) => t.person.id === caller.userId),
  };
}

/** The person a share or question goes to, checked against the caller's own org chart. */
export async function requireTarget(
  input: CallerRouteInput,
  employeeId: string,
  personId: string,
): Promise<BoardPerson> {
  const { target, person } = await readShareTarget(
    input.services.graphFor(input.caller.tenantId),
    personId,
  );
  const refusal = targetRefusal(employeeId, target);
  if (refusal || !person)
    throw validation(refusal ?? 'Choose someone else.', [
      { path: 'personId', message: refusal ?? '' },
    ]);
  return person;
}
