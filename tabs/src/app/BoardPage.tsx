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
