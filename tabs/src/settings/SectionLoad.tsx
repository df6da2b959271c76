import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DependencyList } from 'react';

import { describeProblem } from '../api/describeProblem';
import { RetryButton } from '../common/ProblemState';
import { useScreenReaderOnly } from '../common/srOnly';
import { useLoad } from '../common/useLoad';

const useStyles = makeStyles({ skeleton: { height: '120px' } });

export type SectionLoad<T> =
  { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; view: T };

/** A settings section's own read (figures, lists): loading, failed with a retry, or ready. */
export function useSectionLoad<T>(
  read: () => Promise<T>,
  deps: DependencyList,
): { load: SectionLoad<T>; retry: () => void } {
  const [load, setLoad] = useState<SectionLoad<T>>({ kind: 'loading' });
  // The caller's `deps` are what `read` depends on, as with useLoad itself.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const again = useLoad(read, deps, {
    loaded: (view) => setLoad({ kind: 'ready', view }),
    failed: (error) => setLoad({ kind: 'failed', error }),
  });
  return {
    load,
    retry: () => {
      setLoad({ kind: 'loading' });
      again();
    },
  };
}

/** What a section shows until its read is ready: a skeleton, or the problem and a retry. */
export function SectionLoadState<T>({
  load,
  what,
  onRetry,
}: {
  load: SectionLoad<T>;
  /** e.g. "adoption figures": "Loading adoption figures…", "Adoption figures not loaded". */
  what: string;
  onRetry(): void;
}) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  if (load.kind === 'loading') {
    return (
      <div role="status">
        <span className={srOnly.root}>{`Loading ${what}…`}</span>
        <Skeleton aria-hidden>
          <SkeletonItem className={styles.skeleton} />
        </Skeleton>
      </div>
    );
  }
  if (load.kind === 'failed') {
    const problem = describeProblem(load.error);
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{`${what.charAt(0).toUpperCase()}${what.slice(1)} not loaded: ${problem.title}`}</MessageBarTitle>
          {problem.message}
        </MessageBarBody>
        <MessageBarActions>
          <RetryButton onRetry={onRetry} />
        </MessageBarActions>
      </MessageBar>
    );
  }
  return null;
}
