import { lazy } from 'react';

import type { AppRoute } from '../routing/routes';

/**
 * Screens load on demand, so the first paint carries only the frame (header, skeletons) and a
 * person downloads the board, the team view or the chat set-up only when they open it.
 */
const load = {
  board: () => import('./BoardPage').then((m) => ({ default: m.BoardScreen })),
  team: () => import('../team/TeamPage').then((m) => ({ default: m.TeamPage })),
  chatConfig: () => import('../chat/ChatConfigPage').then((m) => ({ default: m.ChatConfigPage })),
  settings: () => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  // Through the board's chunk, which holds the conversation screens the panel reuses (BoardPage.tsx).
  meeting: () => import('./BoardPage').then((m) => m.loadMeetingScreen()),
  shared: () =>
    import('../sharing/SharedWithMePage').then((m) => ({ default: m.SharedWithMePage })),
};

export const BoardScreen = lazy(load.board);
export const TeamPage = lazy(load.team);
export const ChatConfigPage = lazy(load.chatConfig);
export const SettingsPage = lazy(load.settings);
export const MeetingPanelPage = lazy(load.meeting);
export const SharedWithMePage = lazy(load.shared);
export const SignInAsPage = lazy(() =>
  import('../signin/SignInAsPage').then((m) => ({ default: m.SignInAsPage })),
);
export const ConsentWindow = lazy(() =>
  import('../auth/ConsentWindow').then((m) => ({ default: m.ConsentWindow })),
);

/**
 * Starts fetching the screen a route will show, at boot, alongside the config, token and /api/me
 * requests rather than after them (bench/README.md: the board chunk used to wait for /api/me).
 * The module loader fetches each chunk once, so the lazy component later finds it loaded.
 */
export function preloadScreenFor(route: AppRoute): void {
  const loader =
    route.name === 'board' || route.name === 'chat'
      ? load.board
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
  loader?.().catch(() => undefined);
}
