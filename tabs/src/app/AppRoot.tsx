import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';

import { boot, bootAtOnce } from './bootstrap';
import type { BootState } from './bootstrap';
import { ConsentWindow } from './lazyScreens';
import { SignInGate } from './SignInGate';
import { AppSkeleton } from './AppSkeleton';
import { useAppTheme } from './useAppTheme';
import { isConsentWindow } from '../auth/consent';
import { ProblemState } from '../common/ProblemState';
import { DeferredToaster } from '../common/DeferredToaster';
import { FLUENT_THEMES } from '../teams/themes';
import { useLoad } from '../common/useLoad';

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});

/** The top of the tree: settings, host, theme, then sign-in. */
export function AppRoot() {
  // Teams' consent window is a page of ours with a job of its own: no sign-in, no app frame.
  const [consentWindow] = useState(() => isConsentWindow(window.location.hash));
  return consentWindow ? <ConsentWindowRoot /> : <TabRoot />;
}

function ConsentWindowRoot() {
  const styles = useStyles();
  return (
    <FluentProvider theme={FLUENT_THEMES.light} className={styles.provider}>
      <Suspense fallback={null}>
        <ConsentWindow />
      </Suspense>
    </FluentProvider>
  );
}

function TabRoot() {
  const styles = useStyles();
  const [atOnce] = useState(() => bootAtOnce());
  const [state, setState] = useState<BootState>(atOnce ?? { kind: 'starting' });
  const theme = useAppTheme(state.kind === 'ready' ? state.host : null);

  // boot() settles every outcome into a state of its own; it does not reject.
  useLoad(() => (atOnce ? null : boot()), [atOnce], { loaded: setState, failed: () => undefined });

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <FluentProvider theme={FLUENT_THEMES[theme]} className={styles.provider}>
      <DeferredToaster />
      {state.kind === 'starting' ? <AppSkeleton /> : null}
      {state.kind === 'failed' ? (
        <main>
          <ProblemState title={state.title} message={state.message} />
        </main>
      ) : null}
      {state.kind === 'ready' ? <SignInGate config={state.config} host={state.host} /> : null}
    </FluentProvider>
  );
}
