import { Button, makeStyles } from '@fluentui/react-components';
import { Suspense, useEffect } from 'react';

import { AppHeader } from './AppHeader';
import { BoardScreenSkeleton } from './BoardScreenSkeleton';
import {
  BoardScreen,
  ChatConfigPage,
  MeetingPanelPage,
  SettingsPage,
  SharedWithMePage,
  TeamPage,
} from './lazyScreens';
import { useSession } from '../common/session';
import { ProblemState } from '../common/ProblemState';
import { deepLinkRoute, hrefFor, parseRoute } from '../routing/routes';
import { useHashRoute } from '../routing/useHashRoute';
import { TeamSkeleton } from '../team/TeamSkeleton';

const useStyles = makeStyles({
  main: { display: 'block', boxSizing: 'border-box', width: '100%' },
});

const TITLES = {
  board: 'My board',
  team: 'My team',
  settings: 'Settings',
  config: 'Set up Career board',
  chat: 'Career board',
  meeting: 'Career conversation',
  shared: 'Shared with me',
  'not-found': 'Not found',
};

/** Routes to a screen. Personal screens get the header; chat screens stand alone in the chat. */
export function AppShell() {
  const styles = useStyles();
  const route = useHashRoute();
  const { me, host } = useSession();
  const subPageId = host.kind === 'teams' ? host.context.subPageId : null;

  // Once, on arrival: a deep link's page context picks the board to open.
  useEffect(() => {
    const target = deepLinkRoute(parseRoute(window.location.hash), subPageId);
    if (target) window.location.replace(hrefFor(target));
  }, [subPageId]);

  useEffect(() => {
    document.title = `${TITLES[route.name]} · Career Board`;
  }, [route.name]);

  if (route.name === 'config') {
    return (
      <Suspense fallback={<BoardScreenSkeleton />}>
        <ChatConfigPage />
      </Suspense>
    );
  }
  if (route.name === 'meeting') {
    return (
      <Suspense fallback={<BoardScreenSkeleton />}>
        <MeetingPanelPage />
      </Suspense>
    );
  }
  if (route.name === 'chat') {
    return (
      <main className={styles.main}>
        <Suspense fallback={<BoardScreenSkeleton />}>
          <BoardScreen key={route.employeeId} employeeId={route.employeeId} variant="chat" />
        </Suspense>
      </main>
    );
  }

  return (
    <>
      <AppHeader route={route} />
      <main className={styles.main}>
        <Suspense fallback={route.name === 'team' ? <TeamSkeleton /> : <BoardScreenSkeleton />}>
          {route.name === 'board' ? (
            <BoardScreen key={route.employeeId ?? me.id} employeeId={route.employeeId ?? me.id} />
          ) : null}
          {route.name === 'team' ? (
            me.directReports.length > 0 ? (
              <TeamPage />
            ) : (
              <ProblemState
                kind="info"
                title="My team is for managers"
                message="Nobody reports to you in your organisation’s directory, so there is no team to show. Your own board is under My board."
                actions={
                  <Button onClick={() => (window.location.hash = '#/board')}>Go to My board</Button>
                }
              />
            )
          ) : null}
          {route.name === 'settings' ? <SettingsPage /> : null}
          {route.name === 'shared' ? (
            <SharedWithMePage key={route.employeeId} employeeId={route.employeeId} />
          ) : null}
          {route.name === 'not-found' ? (
            <ProblemState
              title="There’s nothing here"
              message={`Career Board has no page at ${route.path}. Check the link, or go to your board.`}
              actions={
                <Button onClick={() => (window.location.hash = '#/board')}>Go to My board</Button>
              }
            />
          ) : null}
        </Suspense>
      </main>
    </>
  );
}
