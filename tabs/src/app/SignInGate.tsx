import { Body1, Link } from '@fluentui/react-components';
import { Suspense, useCallback, useMemo, useState } from 'react';

import { AppSkeleton } from './AppSkeleton';
import { SignInAsPage } from './lazyScreens';
import { SessionLoader } from './SessionLoader';
import {
  fetchWithEarlyRequests,
  takeEarlyAnswer,
  takeEarlyLocalRequests,
} from '../api/earlyRequests';
import { clearLocalSignIn, readLocalSignIn, writeLocalSignIn } from '../auth/localSession';
import type { LocalSignIn } from '../auth/localSession';
import { localTokenSource, teamsTokenSource } from '../auth/tokenSource';
import { ProblemState } from '../common/ProblemState';
import type { RuntimeConfig } from '../config/runtimeConfig';
import type { HostConnection, TeamsHost } from '../teams/teamsHost';

export interface SignInGateProps {
  config: RuntimeConfig;
  host: HostConnection;
}

/** Teams: SSO. A browser in local mode: "Sign in as". A browser in Azure: go to Teams. */
export function SignInGate({ config, host }: SignInGateProps) {
  if (host.kind === 'teams') return <TeamsSignIn config={config} host={host} />;
  if (config.mode === 'local' && config.devServicesUrl) {
    return <LocalSignInGate config={config} host={host} devServicesUrl={config.devServicesUrl} />;
  }
  return (
    <main>
      <ProblemState
        kind="info"
        title="Open Career Board in Microsoft Teams"
        message="Career Board signs you in with your Teams account. Open it from the Apps bar in Teams, or from the Career board tab in the chat with your manager."
        actions={
          <Body1>
            <Link href="https://teams.microsoft.com" target="_top">
              Go to Microsoft Teams
            </Link>
          </Body1>
        }
      />
    </main>
  );
}

function TeamsSignIn({ config, host }: { config: RuntimeConfig; host: TeamsHost }) {
  const tokens = useMemo(() => teamsTokenSource(host), [host]);
  return <SessionLoader config={config} host={host} tokens={tokens} switchUser={null} />;
}

function LocalSignInGate({
  config,
  host,
  devServicesUrl,
}: SignInGateProps & { devServicesUrl: string }) {
  const [signIn, setSignIn] = useState<LocalSignIn | null>(() => readLocalSignIn());
  // What index.html's early script already asked for this person (api/earlyRequests.ts).
  const { fetchImpl, answersInHand } = useMemo(() => {
    const early = takeEarlyLocalRequests();
    return early && signIn && early.userId === signIn.userId
      ? {
          fetchImpl: fetchWithEarlyRequests(early),
          answersInHand: (url: string) => takeEarlyAnswer(early, url),
        }
      : { fetchImpl: undefined, answersInHand: undefined };
  }, [signIn]);
  const tokens = useMemo(
    () => (signIn ? localTokenSource(devServicesUrl, signIn.userId, fetchImpl) : null),
    [devServicesUrl, signIn, fetchImpl],
  );
  const switchUser = useCallback(() => {
    clearLocalSignIn();
    setSignIn(null);
  }, []);
  const onSignedIn = useCallback((chosen: LocalSignIn) => {
    writeLocalSignIn(chosen);
    setSignIn(chosen);
  }, []);

  if (!signIn || !tokens) {
    return (
      <Suspense fallback={<AppSkeleton />}>
        <SignInAsPage devServicesUrl={devServicesUrl} onSignedIn={onSignedIn} />
      </Suspense>
    );
  }
  return (
    <SessionLoader
      key={signIn.userId}
      config={config}
      host={host}
      tokens={tokens}
      switchUser={switchUser}
      fetchImpl={fetchImpl}
      answersInHand={answersInHand}
    />
  );
}
