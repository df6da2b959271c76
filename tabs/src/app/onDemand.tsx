import { useState } from 'react';
import type { ReactNode } from 'react';

import { ProblemState, RetryButton } from '../common/ProblemState';
import { useLoad } from '../common/useLoad';

/**
 * A screen's code, fetched on demand and rendered without Suspense (lazyScreens.tsx says why):
 * `load()` fetches it once (again after a failure), then `loaded` holds it, so a screen mounted
 * later has it at once.
 */
export interface OnDemand<T> {
  readonly loaded: T | null;
  load(): Promise<T>;
}

export function onDemand<T>(loader: () => Promise<{ default: T }>): OnDemand<T> {
  let loaded: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      pending ??= loader().then(
        (module) => (loaded = module.default),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
  };
}

/**
 * The code once it is in (by a plain state update, not a Suspense retry), null while it loads, or
 * what to show if it could not load: a problem with "Try again", which asks for it again.
 */
export function useOnDemand<T>(
  code: OnDemand<T>,
  what: string,
): { loaded: T | null; problem: ReactNode } {
  // In an object: a component is a function, which useState would take for an updater.
  const [state, setState] = useState<{ loaded: T | null; failed: boolean }>(() => ({
    loaded: code.loaded,
    failed: false,
  }));
  const retry = useLoad(() => (state.loaded ? null : code.load()), [state.loaded, code], {
    loaded: (loaded) => setState({ loaded, failed: false }),
    failed: () => setState({ loaded: null, failed: true }),
  });
  return {
    loaded: state.loaded,
    problem: state.failed ? (
      <ProblemState
        title={`${what} couldn’t load`}
        message="Career Board couldn’t download this screen. Check your connection, then try again."
        actions={<RetryButton onRetry={retry} />}
      />
    ) : null,
  };
}
