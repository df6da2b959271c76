import { useEffect, useState } from 'react';

/**
 * False for a component's first render, true once that render is on screen. A part that can follow
 * a moment later (a form below a list) waits for it, so its code is fetched after the page's first
 * paint instead of delaying it.
 */
export function useAfterFirstCommit(): boolean {
  const [committed, setCommitted] = useState(false);
  useEffect(() => setCommitted(true), []);
  return committed;
}
