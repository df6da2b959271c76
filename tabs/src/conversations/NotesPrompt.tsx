import { Body1, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { NoteEditRegular } from '@fluentui/react-icons';
import { useId } from 'react';

import { conversationDay, notesPromptText, otherPersonName } from './conversationLogic';
import type { ConversationPeople } from './conversationLogic';
import type { ConversationView } from '@contract/conversationContract';

const useStyles = makeStyles({
  // A call to action of its own, not a status line: a heading, a sentence, and the button under
  // them where the eye ends up.
  root: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    color: tokens.colorNeutralForeground1,
  },
  icon: { fontSize: '24px', color: tokens.colorBrandForeground1, gridRow: 'span 3' },
  title: { margin: 0 },
  body: { margin: 0, maxWidth: '72ch' },
  action: { justifySelf: 'start' },
});

export interface NotesPromptProps {
  conversation: ConversationView;
  people: ConversationPeople;
  onWrite(): void;
}

/** Asks both people, once a conversation has ended, to write down what they agreed. */
export function NotesPrompt({ conversation, people, onWrite }: NotesPromptProps) {
  const styles = useStyles();
  const headingId = useId();
  const now = new Date();
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="notes-prompt">
      <NoteEditRegular className={styles.icon} aria-hidden />
      <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.title}>
        {notesPromptText(conversation, now)}
      </Text>
      <Body1 as="p" className={styles.body}>
        {`You and ${otherPersonName(people)} can both write the shared notes and the actions you agreed, while you still remember them.`}
      </Body1>
      <Button
        className={styles.action}
        appearance="primary"
        onClick={onWrite}
        aria-label={`Write notes on the ${conversationDay(conversation, now)} conversation`}
      >
        Write notes
      </Button>
    </section>
  );
}
