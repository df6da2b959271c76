import type { CareerBoardApi } from './careerBoardApi';

/**
 * The first reads of a screen, started as soon as the session knows who is asking instead of after
 * the screen's chunk has loaded and rendered: on a first visit that wait was about half a second
 * of the way to a visible board (bench/README.md, finding 7). The screen then asks the API as it
 * always does and is handed the request already in flight, once; every later read (a reload, a
 * retry, after a write) goes to the API, so nothing is served stale.
 */
export function withFirstReads(api: CareerBoardApi, employeeId: string): CareerBoardApi {
  const board = takeOnce(employeeId, api.board(employeeId));
  const conversations = takeOnce(employeeId, api.conversations(employeeId));
  return {
    ...api,
    board: (id) => board(id) ?? api.board(id),
    conversations: (id) => conversations(id) ?? api.conversations(id),
  };
}

function takeOnce<T>(forId: string, pending: Promise<T>): (id: string) => Promise<T> | undefined {
  // Failures surface when the screen takes the request; until then they are not unhandled.
  pending.catch(() => undefined);
  let taken = false;
  return (id) => {
    if (taken || id !== forId) return undefined;
    taken = true;
    return pending;
  };
}
