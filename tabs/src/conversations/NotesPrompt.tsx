import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';

import { conversationDay, notesPromptText, otherPersonName } from './conversationLogic';
import type { ConversationPeople } from './conversationLogic';
import type { ConversationView } from '../../../api/src/contract/conversationContract';

export interface NotesPromptProps {
  conversation: ConversationView;
  people: ConversationPeople;
  onWrite(): void;
}

/** Asks both people, once a conversation has ended, to write down what they agreed. */
export function NotesPrompt({ conversation, people, onWrite }: NotesPromptProps) {
  const now = new Date();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="notes-prompt">
      <MessageBarBody>
        <MessageBarTitle>{notesPromptText(conversation, now)}</MessageBarTitle>
        {`You and ${otherPersonName(people)} can both write the shared notes and the actions you agreed, while you still remember them.`}
      </MessageBarBody>
      <MessageBarActions>
        <Button
          appearance="primary"
          icon={<EditRegular />}
          onClick={onWrite}
          aria-label={`Write notes on the ${conversationDay(conversation, now)} conversation`}
        >
          Write notes
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
