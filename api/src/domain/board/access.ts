import type { Caller } from '../caller';
import type { ViewerRole } from '../../contract/boardContract';

/**
 * The access rule: a board is visible to its employee and to the employee's current manager per
 * the org chart; nobody else. What each of the two may do differs.
 */

export type BoardAction = 'read' | 'edit' | 'acknowledge' | 'comment' | 'private-notes';

const ALLOWED: Record<ViewerRole, ReadonlySet<BoardAction>> = {
  employee: new Set<BoardAction>(['read', 'edit', 'comment', 'private-notes']),
  manager: new Set<BoardAction>(['read', 'acknowledge', 'comment', 'private-notes']),
};

export function roleOnBoard(
  caller: Caller,
  employeeId: string,
  currentManagerId: string | null,
): ViewerRole | null {
  if (caller.userId === employeeId) return 'employee';
  if (currentManagerId !== null && caller.userId === currentManagerId) return 'manager';
  return null;
}

export function may(role: ViewerRole, action: BoardAction): boolean {
  return ALLOWED[role].has(action);
}

export const ACTION_REFUSALS: Record<BoardAction, string> = {
  read: 'Only this person and their current manager can see this board.',
  edit: 'Only the employee can change their aspirations, steps and evidence.',
  acknowledge: "Only the employee's current manager can acknowledge an aspiration.",
  comment: 'Only this person and their current manager can comment on this board.',
  'private-notes': 'Private notes belong to the person who writes them.',
};
