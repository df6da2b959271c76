import { takeEarlyLocalRequests } from '../api/earlyRequests';
import type { EarlyLocalRequests } from '../api/earlyRequests';
import { settledWithin } from '../common/settledWithin';

/** How long the app's first render waits, at most, for what would let it be the screen itself. */
export const FIRST_SCREEN_WAIT_MS = 100;

/**
 * Resolves once the app's first render can be its first screen rather than a skeleton: the
 * screen's code is in and so are the page's early reads (local mode, in a browser, someone signed
 * in: public/early-config.js). Each skeleton stage that is rendered, painted and thrown away costs
 * the board tens of milliseconds of the page's main thread (issue 14). At most `withinMs`, then the
 * app renders as it would have, with skeletons; with no early reads (inside Teams, nobody signed
 * in) at once.
 */
export function firstScreenInHand(
  screen: Promise<unknown> | undefined,
  withinMs: number = FIRST_SCREEN_WAIT_MS,
  early: EarlyLocalRequests | null = takeEarlyLocalRequests(),
): Promise<void> {
  if (!early) return Promise.resolve();
  return settledWithin(Promise.all([screen, early.answered]), withinMs);
}
