import { useSyncExternalStore } from 'react';

/**
 * The performance mark set when the first screen has settled (the board's cards, or what it says
 * instead) on screen. The bundle budget test and the bench count the scripts and styles the page
 * asked for before it: the first visit's real cost, whatever then loads after it.
 */
export const FIRST_SCREEN_MARK = 'careerBoard:board-visible';

let painted = false;
const listeners = new Set<() => void>();

/** Called by the board once it shows its content: what waited for it (header tabs) now loads. */
export function markFirstScreenPainted(): void {
  if (painted) return;
  painted = true;
  if (typeof performance.mark === 'function') performance.mark(FIRST_SCREEN_MARK);
  for (const listener of listeners) listener();
}

/**
 * Whether the first screen is on screen. Chrome around it (the header's tabs, the avatar) waits for
 * it, so that code is fetched after the cards instead of before them.
 */
export function useFirstScreenPainted(): boolean {
  return useSyncExternalStore(subscribe, isPainted);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isPainted(): boolean {
  return painted;
}
