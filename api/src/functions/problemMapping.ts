import { Problem } from '../errors/problem';
import type { ProblemType } from '../errors/problem';
import { StoreOutcome } from '../errors/storeOutcome';
import type { StoreOutcomeKind } from '../errors/storeOutcome';
import { outcomeFromCosmos } from '../store/cosmosErrors';

/**
 * The one place where what went wrong becomes HTTP: a problem a handler threw stays as it is, a
 * store outcome (stale, gone, conflict, too large) gets its problem type, a Cosmos DB failure that
 * is the request's fault becomes its outcome, and anything else is an internal error.
 * `expected` is false for the last two kinds, which the adapter logs.
 */

const PROBLEM_OF_OUTCOME: Record<StoreOutcomeKind, ProblemType> = {
  stale: 'precondition-failed',
  gone: 'not-found',
  conflict: 'conflict',
  'too-large': 'limit-exceeded',
};

export function problemOf(
  error: unknown,
  invocationId: string,
): { problem: Problem; expected: boolean } {
  if (error instanceof Problem) return { problem: error, expected: true };
  if (error instanceof StoreOutcome) return { problem: fromOutcome(error), expected: true };
  const outcome = outcomeFromCosmos(error);
  if (outcome) return { problem: fromOutcome(outcome), expected: false };
  return {
    problem: new Problem(
      'internal',
      `An unexpected error occurred. Quote ${invocationId} if you contact support.`,
    ),
    expected: false,
  };
}

const fromOutcome = (outcome: StoreOutcome) =>
  new Problem(PROBLEM_OF_OUTCOME[outcome.kind], outcome.detail);
