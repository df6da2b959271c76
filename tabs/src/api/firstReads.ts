import type { CareerBoardApi } from './careerBoardApi';
import { settledWithin } from '../common/settledWithin';

/**
 * The first reads of a screen, started as soon as the session knows who is asking instead of after
 * the screen's chunk has loaded and rendered: on a first visit that wait was about half a second
 * of the way to a visible board (bench/README.md, finding 7). The screen then asks the API as it
 * always does and is handed the request already in flight, once; every later read (a reload, a
 * retry, after a write) goes to the API, so nothing is served stale. A screen that mounts after
 * the answer arrived (its chunk came later than the data, as on a first visit inside Teams) opens
 * with it (`answered`), instead of a skeleton that is painted and replaced a frame later.
 */
export function withFirstReads(
  api: CareerBoardApi,
  employeeId: string,
): { api: CareerBoardApi; settled(withinMs: number): Promise<void> } {
  // Already in hand (the page's early reads), a read is not sent again: it has answered.
  const board = takeOnce(employeeId, api.inHand?.board(employeeId), () => api.board(employeeId));
  const conversations = takeOnce(employeeId, api.inHand?.conversations(employeeId), () =>
    api.conversations(employeeId),
  );
  const reads = Promise.allSettled([board.request, conversations.request]);
  return {
    api: {
      ...api,
      board: (id) => board.pending(id) ?? api.board(id),
      conversations: (id) => conversations.pending(id) ?? api.conversations(id),
      answered: { board: board.answered, conversations: conversations.answered },
    },
    /**
     * Resolves once both reads have answered (or failed), or after `withinMs`, whichever is first.
     * The session waits this long before opening the app, so that when the board's data is
     * moments away the board screen mounts with it, instead of mounting a skeleton, painting it
     * and rendering again.
     */
    settled: (withinMs) => settledWithin(reads, withinMs),
  };
}

interface Once<T> {
  request: Promise<T>;
  /** The request in flight (or settled), the first time the screen asks for `id`'s. */
  pending(id: string): Promise<T> | undefined;
  /** Its answer, if it has already arrived: taken in place of the request, so also once. */
  answered(id: string): T | undefined;
}

function takeOnce<T>(forId: string, inHand: T | undefined, ask: () => Promise<T>): Once<T> {
  let answer: { value: T } | null = inHand === undefined ? null : { value: inHand };
  const request = answer ? Promise.resolve(answer.value) : ask();
  // Failures surface when the screen takes the request; until then they are not unhandled.
  request.then(
    (value) => (answer = { value }),
    () => undefined,
  );
  let taken = false;
  const take = (id: string) => {
    if (taken || id !== forId) return false;
    taken = true;
    return true;
  };
  return {
    request,
    pending: (id) => (take(id) ? request : undefined),
    answered: (id) => (answer && take(id) ? answer.value : undefined),
  };
}
