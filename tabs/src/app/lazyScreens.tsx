import { lazy } from 'react';
import type { ComponentProps } from 'react';

import type { BoardScreen as LoadedBoardScreen } from './BoardPage';
import { BoardScreenSkeleton } from './BoardScreenSkeleton';
import { onDemand, useOnDemand } from './onDemand';
import type { AppRoute } from '../routing/routes';

/**
 * Screens load on demand, so the first paint carries only the frame (header, skeletons) and a
 * person downloads the board, the team view or the chat set-up only when they open it.
 */
const load = {
  board: () => import('./BoardPage.js').then((m) => ({ default: m.BoardScreen })),
  team: () => import('../team/TeamPage.js').then((m) => ({ default: m.TeamPage })),
  chatConfig: () =>
    import('../chat/ChatConfigPage.js').then((m) => ({ default: m.ChatConfigPage })),
  settings: () => import('../settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
  // Through the board's chunk, which holds the conversation screens the panel reuses (BoardPage.tsx).
  meeting: () => import('./BoardPage.js').then((m) => m.loadMeetingScreen()),
  shared: () =>
    import('../sharing/SharedWithMePage.js').then((m) => ({ default: m.SharedWithMePage })),
};

type BoardScreenComponent = typeof LoadedBoardScreen;

/** The board's chunk, fetched once (at boot by preloadScreenFor) and then held as loaded. */
const boardChunk = onDemand<BoardScreenComponent>(load.board);

/**
 * The board screen, rendered without a Suspense fallback: BoardScreenSkeleton until its chunk is
 * in, then the screen by a plain state update. Not React.lazy under Suspense because React holds
 * back content that replaces a committed Suspense fallback until 300 ms after that fallback
 * appeared (its fallback throttle, for retries only): the chunk usually arrives just after
 * /api/me put the fallback up, so the board showed up to 300 ms after its data was in (the
 * trace in bench/README.md, finding 7). If the chunk cannot load, it says so and offers a retry.
 */
export function BoardScreen(props: ComponentProps<BoardScreenComponent>) {
  const { loaded: Screen, problem } = useOnDemand(boardChunk, 'Your board');
  if (Screen) return <Screen {...props} />;
  return problem ?? <BoardScreenSkeleton />;
}

export const TeamPage = lazy(load.team);
export const ChatConfigPage = lazy(load.chatConfig);
export const SettingsPage = lazy(load.settings);
export const MeetingPanelPage = lazy(load.meeting);
export const SharedWithMePage = lazy(load.shared);
export const SignInAsPage = lazy(() =>
  import('../signin/SignInAsPage.js').then((m) => ({ default: m.SignInAsPage })),
);
export const ConsentWindow = lazy(() =>
  import('../auth/ConsentWindow.js').then((m) => ({ default: m.ConsentWindow })),
);

/**
 * Starts fetching the screen a route will show, at boot, alongside the config, token and /api/me
 * requests rather than after them (bench/README.md: the board chunk used to wait for /api/me).
 * The module loader fetches each chunk once, so the lazy component later finds it loaded.
 * Settles once the chunk is in, or could not load.
 */
export function preloadScreenFor(route: AppRoute): Promise<unknown> | undefined {
  const loader =
    route.name === 'board' || route.name === 'chat'
      ? boardChunk.load
      : route.name === 'team'
        ? load.team
        : route.name === 'config'
          ? load.chatConfig
          : route.name === 'settings'
            ? load.settings
            : route.name === 'meeting'
              ? load.meeting
              : route.name === 'shared'
                ? load.shared
                : undefined;
  // Nothing to report here: if the chunk cannot load, the lazy screen meets the same failure
  // when it renders and shows it where the person is looking.
  return loader?.().catch(() => undefined);
}
