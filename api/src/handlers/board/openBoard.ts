import type { Caller } from '../../domain/caller';
import type { BoardPerson, ViewerRole } from '../../contract/boardContract';
import { ACTION_REFUSALS, may, roleOnBoard } from '../../domain/board/access';
import type { BoardAction } from '../../domain/board/access';
import { forbidden, notFound } from '../../errors/problem';
import { guidParam } from '../../http/requestParsing';
import type { CallerRouteInput } from '../../http/route';

/** A board the caller has been allowed to act on, with the two people it belongs to. */
export interface OpenBoard {
  tenantId: string;
  employeeId: string;
  role: ViewerRole;
  caller: Caller;
  employee: BoardPerson;
  manager: BoardPerson | null;
}

/**
 * Applies the access rule for one request. The org chart (Graph, briefly cached) says who the
 * employee's current manager is; the caller's own tenant is the only one ever looked in, so a
 * board in another tenant is simply not found.
 */
export async function openBoard(input: CallerRouteInput, action: BoardAction): Promise<OpenBoard> {
  return openBoardOf(input, guidParam(input.request, 'employeeId'), action);
}

/** The same rule for a board the server found itself (a meeting's stored record), not a URL. */
export async function openBoardOf(
  input: CallerRouteInput,
  employeeId: string,
  action: BoardAction,
): Promise<OpenBoard> {
  const { caller, services } = input;
  const [employee, manager] = await Promise.all([
    services.directory.getPerson(caller.tenantId, employeeId),
    services.directory.getManager(caller.tenantId, employeeId),
  ]);
  if (!employee) throw notFound('There is no board for this person in your organisation.');
  const role = roleOnBoard(caller, employeeId, manager?.id ?? null);
  if (!role) throw forbidden(ACTION_REFUSALS.read);
  if (!may(role, action)) throw forbidden(ACTION_REFUSALS[action]);
  const person = (p: typeof employee): BoardPerson => ({
    id: p.id,
    displayName: p.displayName,
    jobTitle: p.jobTitle,
  });
  return {
    tenantId: caller.tenantId,
    employeeId,
    role,
    caller,
    employee: person(employee),
    manager: manager ? person(manager) : null,
  };
}

export const actorOf = (board: OpenBoard) => ({
  id: board.caller.userId,
  displayName:
    board.role === 'employee'
      ? board.employee.displayName
      : (board.manager?.displayName ?? board.caller.displayName),
});
