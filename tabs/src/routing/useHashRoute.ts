import { useSyncExternalStore } from 'react';

import { parseRoute } from './routes';
import type { AppRoute } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current screen, following the URL hash. */
export function useHashRoute(): AppRoute {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseRoute(hash);
}
