import { useState } from 'react';

import type { CareerBoardApi, FirstReadsThere } from '../api/careerBoardApi';

export interface OpeningRead<T> {
  /** The answer the component opened with, if the first read had already answered at mount. */
  value: T | undefined;
  /**
   * Whether the component's load can be skipped because it opened with this answer: true once,
   * for the same API and person. Every later load (another person, a retry) asks the API, so the
   * answer never stands in for a read it was not.
   */
  skipsLoad(api: CareerBoardApi, employeeId: string): boolean;
}

/**
 * Opens a screen's state with a first read that already answered (api/firstReads.ts), so the
 * screen's first render is the data rather than a skeleton replaced a frame later. Taken once, at
 * mount; without it the screen loads as usual.
 */
export function useOpeningRead<T>(
  api: CareerBoardApi,
  employeeId: string,
  take: (answered: FirstReadsThere, employeeId: string) => T | undefined,
): OpeningRead<T> {
  const [opening] = useState<OpeningRead<T>>(() => {
    const value = api.answered ? take(api.answered, employeeId) : undefined;
    let skipped = false;
    return {
      value,
      skipsLoad: (current, id) => {
        if (skipped || value === undefined || current !== api || id !== employeeId) return false;
        skipped = true;
        return true;
      },
    };
  });
  return opening;
}
