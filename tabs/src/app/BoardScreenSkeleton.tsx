import { BoardSkeleton } from '../board/BoardSkeleton';
import { ConversationsSkeleton } from '../conversations/ConversationsSkeleton';

/** The board screen's frame while its code or data loads (BoardPage.tsx), conversations included. */
export function BoardScreenSkeleton({ announce }: { announce?: boolean }) {
  return <BoardSkeleton announce={announce} aside={<ConversationsSkeleton />} />;
}
