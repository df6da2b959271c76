import type { BoardPerson, Horizon, ViewerRole } from '@contract/boardContract';
import { HORIZON_LABELS } from '@contract/boardLabels';
import { firstName } from './format';

/**
 * Words for the board's shared vocabulary, read by every feature that shows a board's parts
 * (the board, the team view, the conversations section): one home, so no feature imports another.
 */

export const HORIZON_TEXT: Record<Horizon, { title: string; hint: string }> = {
  next: { title: HORIZON_LABELS.next, hint: 'Your next opportunity, position or title.' },
  '1y': { title: HORIZON_LABELS['1y'], hint: 'Where you want to be a year from now.' },
  '3y': { title: HORIZON_LABELS['3y'], hint: 'The role, expertise and name you want.' },
};

/**
 * The horizons in board order, read from the table above: it is typed against the contract's
 * `Horizon`, so it cannot miss one, and the contract module (with its zod schemas) stays out of
 * the first download. A test holds it to the contract's own HORIZONS.
 */
export const HORIZON_ORDER = Object.keys(HORIZON_TEXT) as readonly Horizon[];

/**
 * Who else cannot read the viewer's private notes, said to the viewer: the employee is told their
 * manager cannot, the manager is told the employee (by name) cannot.
 */
export function notSeenByText(viewer: ViewerRole, employee: Pick<BoardPerson, 'displayName'>) {
  return viewer === 'manager'
    ? `Not ${firstName(employee.displayName)}, not anyone else.`
    : 'Not your manager, not anyone else.';
}
