import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DependencyList } from 'react';

/** Where a load's answer goes: the component's own state, which it may also set after a save. */
export interface LoadHandlers<T> {
  loaded(value: T): void;
  failed(error: unknown): void;
}

/**
 * Load with retry, written once: runs `load` when `deps` change and whenever the returned `retry`
 * is called, and hands the answer to `handlers` unless the component has since unmounted or asked
 * again (a late answer never overwrites a newer one). `load` may return null: nothing to load.
 * The component keeps its own state, so saves can still set it. The lint checks `deps` against
 * `load` as it does for useEffect (eslint.config.mjs: additionalHooks).
 */
export function useLoad<T>(
  load: () => Promise<T> | null,
  deps: DependencyList,
  handlers: LoadHandlers<T>,
): () => void {
  const [attempt, setAttempt] = useState(0);
  // The newest handlers, without making every render a reason to load again.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let live = true;
    load()?.then(
      (value) => live && latest.current.loaded(value),
      (error: unknown) => live && latest.current.failed(error),
    );
    return () => {
      live = false;
    };
    // The caller's deps (checked at the call) and the retry count are what load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  return useCallback(() => setAttempt((n) => n + 1), []);
}
