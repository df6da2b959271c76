import { BoardPage } from '../board/BoardPage';
import type { BoardPageProps } from '../board/BoardPage';
import { useBoardConversations } from '../conversations/BoardConversations';

/**
 * A board with its conversations: the shell composes the two features, neither imports the other.
 * Named BoardPage, so its chunk keeps the name the bundle budget looks for.
 */
export function BoardScreen(props: Omit<BoardPageProps, 'useCompanion'>) {
  return <BoardPage {...props} useCompanion={useBoardConversations} />;
}

/**
 * The meeting side panel, imported from this chunk rather than from the shell: it reuses the
 * conversation screens this chunk already holds, and a dynamic import from here lets the bundler
 * leave them in this chunk instead of splitting them out (which grew the first visit).
 */
export const loadMeetingScreen = () =>
  // `.js`: the tests' node16 type check wants an extension on a dynamic import; Vite maps it to .tsx.
  import('../conversations/meeting/MeetingPanelPage.js').then((m) => ({
    default: m.MeetingPanelPage,
  }));
