import { BoardPage } from '../board/BoardPage';
import type { BoardPageProps } from '../board/BoardPage';
import { useBoardConversations } from '../conversations/BoardConversations';

/** A board with its conversations: the shell composes the two features, neither imports the other. */
export function BoardScreen(props: Omit<BoardPageProps, 'useCompanion'>) {
  return <BoardPage {...props} useCompanion={useBoardConversations} />;
}
