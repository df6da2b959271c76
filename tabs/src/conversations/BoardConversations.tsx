import { lazy, useState } from 'react';

import { conversationsWantingNotes } from './conversationLogic';
import type { ConversationPeople } from './conversationLogic';
import type { NotesRequest } from './ConversationsSection';
import { ConversationsSkeleton } from './ConversationsSkeleton';
import { conversationsSection } from './deferredConversations';
import { NotesPrompt } from './NotesPrompt';
import { useConversations } from './useConversations';
import { useSession } from '../common/session';

// The side column's section loads after the board's cards are on screen (board/BoardPage.tsx
// renders it inside its own Suspense boundary then); the prompts above the cards do not wait.
const ConversationsSection = lazy(() =>
  conversationsSection.load().then((m) => ({ default: m.ConversationsSection })),
);

/**
 * The conversations as the board page shows them: a prompt above the aspirations for each one
 * that wants notes, and the section in the side column, which opens the notes a prompt asks for.
 * The app shell hands this hook to the board page (app/BoardPage.tsx).
 */
export function useBoardConversations(employeeId: string) {
  const { api } = useSession();
  const conversations = useConversations(api, employeeId);
  const [notesRequest, setNotesRequest] = useState<NotesRequest | null>(null);
  const wantingNotes =
    conversations.state.status === 'ready'
      ? conversationsWantingNotes(conversations.state.conversations)
      : [];
  return {
    loading: conversations.state.status === 'loading',
    skeleton: <ConversationsSkeleton />,
    lead: (people: ConversationPeople) =>
      wantingNotes.map((conversation) => (
        <NotesPrompt
          key={conversation.id}
          conversation={conversation}
          people={people}
          onWrite={() => setNotesRequest({ id: conversation.id, nonce: Date.now() })}
        />
      )),
    aside: (people: ConversationPeople) => (
      <ConversationsSection
        state={conversations.state}
        actions={conversations.actions}
        people={people}
        notesRequest={notesRequest}
      />
    ),
  };
}
