import { Button } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';

import { AppShell } from './AppShell';
import { AppSkeleton } from './AppSkeleton';
import { SessionContext } from '../common/session';
import type { Session } from '../common/session';
import type { MeView } from '@contract/boardContract';
import { createApiClient } from '../api/apiClient';
import type { AnswersInHand } from '../api/apiClient';
import { createCareerBoardApi } from '../api/careerBoardApi';
import type { CareerBoardApi } from '../api/careerBoardApi';
import { withFirstReads } from '../api/firstReads';
import { describeProblem } from '../api/describeProblem';
import { ConsentNeeded } from '../auth/ConsentNeeded';
import { SignInProblem } from '../auth/signInProblem';
import type { TokenSource } from '../auth/tokenSource';
import { ProblemState, RetryButton } from '../common/ProblemState';
import type { RuntimeConfig } from '../config/runtimeConfig';
import type { HostConnection } from '../teams/teamsHost';
import { useLoad } from '../common/useLoad';
import { parseRoute } from '../routing/routes';

export interface SessionLoaderProps {
  config: RuntimeConfig;
  host: HostConnection;
  tokens: TokenSource;
  switchUser: (() => void) | null;
  /** Local mode: a fetch that first hands over what the page's early script asked for. */
  fetchImpl?: typeof fetch;
  /** Local mode: the early script's answers already read in full, handed over without a fetch. */
  answersInHand?: AnswersInHand;
}

type MeState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; me: MeView; api: CareerBoardApi };

/** Asks the API who the caller is (and who their manager and reports are), then opens the app. */
export function SessionLoader({
  config,
  host,
  tokens,
  switchUser,
  fetchImpl,
  answersInHand,
}: SessionLoaderProps) {
  const api = useMemo(
    () =>
      createCareerBoardApi(createApiClient(config.apiBaseUrl, tokens, fetchImpl, answersInHand)),
    [config, tokens, fetchImpl, answersInHand],
  );
  const [state, setState] = useState<MeState>(() => {
    const opened = openAtOnce(api);
    return opened ? { kind: 'ready', ...opened } : { kind: 'loading' };
  });
  // Opened at once, the session has nothing to load on mount; a retry later always asks.
  const openedAtOnce = useRef(state.kind === 'ready');

  const reload = useLoad(() => (takeFlag(openedAtOnce) ? null : openSession(api)), [api], {
    loaded: (opened) => setState({ kind: 'ready', ...opened }),
    failed: (error) => setState({ kind: 'failed', error }),
  });

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    reload();
  }, [reload]);

  const session = useMemo<Session | null>(
    () =>
      state.kind === 'ready'
        ? { api: state.api, me: state.me, host, mode: config.mode, switchUser }
        : null,
    [state, host, config.mode, switchUser],
  );

  if (state.kind === 'loading') return <AppSkeleton />;
  if (state.kind === 'failed' && state.error instanceof SignInProblem && state.error.consent) {
    return (
      <main>
        <ConsentNeeded problem={state.error} host={host} entra={config.entra} onRetry={retry} />
      </main>
    );
  }
  if (state.kind === 'failed' || !session) {
    const { title, message } = describeProblem(state.kind === 'failed' ? state.error : null);
    return (
      <main>
        <ProblemState
          title={title}
          message={message}
          actions={
            <>
              <RetryButton onRetry={retry} />
              {switchUser ? <Button onClick={switchUser}>Sign in as someone else</Button> : null}
            </>
          }
        />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <AppShell />
    </SessionContext.Provider>
  );
}

/**
 * How long the session waits for its board's first reads before opening the app anyway: about six
 * frames. When the data is that close (the local early requests, a fast API), the board mounts
 * with it in one render instead of as a skeleton first; when it is not, the app opens as before,
 * this much later, and the board still appears when its data does.
 */
const FIRST_READS_WAIT_MS = 100;

/**
 * The session from answers already in hand (api/earlyRequests.ts), so the app's first render is
 * its first screen, not a skeleton painted and replaced a moment later; null when /api/me is not.
 * The board's first reads then open with what is in hand too, or are sent now.
 */
function openAtOnce(api: CareerBoardApi): { me: MeView; api: CareerBoardApi } | null {
  const me = api.inHand?.me();
  if (!me) return null;
  return { me, api: opensOwnBoard() ? withFirstReads(api, me.id).api : api };
}

function takeFlag(flag: { current: boolean }): boolean {
  const was = flag.current;
  flag.current = false;
  return was;
}

/** Who is asking; opening on their own board, its data is asked for now, while the screen loads. */
async function openSession(api: CareerBoardApi): Promise<{ me: MeView; api: CareerBoardApi }> {
  const me = await api.me();
  if (!opensOwnBoard()) return { me, api };
  const reads = withFirstReads(api, me.id);
  await reads.settled(FIRST_READS_WAIT_MS);
  return { me, api: reads.api };
}

function opensOwnBoard(): boolean {
  const route = parseRoute(window.location.hash);
  return route.name === 'board' && route.employeeId === null;
}
