import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';

import { ApiProblem } from '../api/apiProblem';

/**
 * The stale-version flow (HTTP 412: someone saved a newer version first), written once. What was
 * typed stays; the person loads the latest version, checks it, and saves again on top of it.
 */
export type StaleVersion = 'none' | 'stale' | 'loading' | 'loaded';

export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiProblem && error.isStale;
}

/** The flow's state, and `loadLatest` that runs the component's own reload through it. */
export function useStaleVersion() {
  const [staleVersion, setStaleVersion] = useState<StaleVersion>('none');
  const loadLatest = useCallback(
    async (reload: () => Promise<void>, failed: (error: unknown) => void) => {
      setStaleVersion('loading');
      try {
        await reload();
        setStaleVersion('loaded');
      } catch (error) {
        setStaleVersion('stale');
        failed(error);
      }
    },
    [],
  );
  return { staleVersion, setStaleVersion, loadLatest };
}

/** The bar's words, in each screen's own terms. */
export interface StaleVersionWords {
  /** Who saved what, and what stays. */
  changed: string;
  /** After loading, when what the person has differs from what is saved: where they see both. */
  loadedDiffers: string;
  /** After loading, when there is nothing to tell apart. */
  loadedSame: string;
}

export interface StaleVersionBarProps {
  staleVersion: StaleVersion;
  words: StaleVersionWords;
  /** Whether what the person has still differs from what is saved now. */
  differs: boolean;
  onLoadLatest(): void;
}

/** "Changed elsewhere" with a button to load the latest version, then "Latest version loaded". */
export function StaleVersionBar({
  staleVersion,
  words,
  differs,
  onLoadLatest,
}: StaleVersionBarProps) {
  if (staleVersion === 'stale' || staleVersion === 'loading') {
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Changed elsewhere</MessageBarTitle>
          {words.changed}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onLoadLatest} disabledFocusable={staleVersion === 'loading'}>
            {staleVersion === 'loading' ? 'Loading…' : 'Load latest version'}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (staleVersion === 'loaded') {
    return (
      <MessageBar intent="info" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>Latest version loaded</MessageBarTitle>
          {differs ? words.loadedDiffers : words.loadedSame}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
