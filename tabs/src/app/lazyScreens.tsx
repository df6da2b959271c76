import { lazy } from 'react';

/**
 * Screens load on demand, so the first paint carries only the frame (header, skeletons) and a
 * person downloads the board, the team view or the chat set-up only when they open it.
 */
export const BoardPage = lazy(() =>
  import('../board/BoardPage').then((m) => ({ default: m.BoardPage })),
);
export const TeamPage = lazy(() =>
  import('../team/TeamPage').then((m) => ({ default: m.TeamPage })),
);
export const ChatConfigPage = lazy(() =>
  import('../chat/ChatConfigPage').then((m) => ({ default: m.ChatConfigPage })),
);
export const SignInAsPage = lazy(() =>
  import('../signin/SignInAsPage').then((m) => ({ default: m.SignInAsPage })),
);
export const ConsentWindow = lazy(() =>
  import('../auth/ConsentWindow').then((m) => ({ default: m.ConsentWindow })),
);
export const SettingsPage = lazy(() =>
  import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
