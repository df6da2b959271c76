import type { ReactNode } from 'react';

import type { BoardView, ViewerRole } from '@contract/boardContract';

/** The people on a board, as the sections shown with it name them. */
export interface BoardPeople {
  employee: BoardView['employee'];
  manager: BoardView['manager'];
  viewer: ViewerRole;
}

/**
 * What another feature shows with the board (the conversations: prompts above the aspirations, a
 * section first in the side column). The app shell wires it in, so the board imports no other
 * feature. It is fetched beside the board and shown with it, so the page does not move.
 */
export interface BoardCompanion {
  loading: boolean;
  /** In the side panel of the board's skeleton. */
  skeleton: ReactNode;
  /** Above the aspirations. */
  lead(people: BoardPeople): ReactNode;
  /** First in the side column. */
  aside(people: BoardPeople): ReactNode;
}

/** A hook, called once per board page, that loads and shows the companion. */
export type UseBoardCompanion = (employeeId: string) => BoardCompanion;

/** A board shown alone. */
export const useNoCompanion: UseBoardCompanion = () => ({
  loading: false,
  skeleton: null,
  lead: () => null,
  aside: () => null,
});
