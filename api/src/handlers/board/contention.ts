import { Problem } from '../../errors/problem';

/**
 * Re-running a write that lost a race, for writes that may be re-applied (an append re-reads what
 * it appends to). Attempts are spaced by full-jitter exponential backoff, so writers that collided
 * do not collide again in lockstep, and stop after a time budget rather than a fixed count: under
 * 20 writers on one aspiration (each saved write is followed by the write that copies its history
 * out) a fixed few attempts was not enough. The budget is wall-clock time on purpose, not the
 * services' clock, which tests may freeze.
 */

const BUDGET_MS = 10_000;
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 200;

export interface ContentionPolicy {
  budgetMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_CONTENTION: ContentionPolicy = {
  budgetMs: BUDGET_MS,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The delay before attempt `attempt + 1`: uniform in [0, min(cap, base·2^attempt)). */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

/**
 * Runs `work` until it succeeds or throws something other than a lost race (`lostRace`). When the
 * budget is spent the caller gets a 409 problem that asks them to try again: still an answer, and
 * nothing was written.
 */
export async function untilSaved<T>(
  work: () => Promise<T>,
  lostRace: (error: unknown) => boolean,
  policy: ContentionPolicy = DEFAULT_CONTENTION,
): Promise<T> {
  const deadline = performance.now() + policy.budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!lostRace(error)) throw error;
      const delay = backoffMs(attempt, policy.random);
      if (performance.now() + delay >= deadline) throw busy();
      await policy.sleep(delay);
    }
  }
}

const busy = () =>
  new Problem(
    'conflict',
    'Many changes reached this aspiration at the same moment and yours could not be saved yet. Nothing was changed; try again.',
  );
