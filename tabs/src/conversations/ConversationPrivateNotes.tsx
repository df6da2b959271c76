import {
  Badge,
  Button,
  Caption1,
  Field,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';

import { draftState, editDraft } from './conversationLogic';
import type { ConversationPeople, Draft } from './conversationLogic';
import type { ConversationView } from '@contract/conversationContract';
import { ApiProblem } from '../api/apiProblem';
import { describeProblem } from '../api/describeProblem';
import { notSeenByText } from '../common/boardText';
import { useScreenReaderOnly } from '../common/srOnly';
import { conversationSchemas } from '../forms/contractSchemas';

// Marked like the board's private-notes panel: a lock, a badge and a dashed frame.
const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  title: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  textarea: { minHeight: '72px' },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
});

export interface ConversationPrivateNotesProps {
  conversation: ConversationView;
  people: ConversationPeople;
  draft: Draft | undefined;
  onDraftChange(draft: Draft | undefined): void;
  onSave(text: string): Promise<void>;
}

/** The viewer's own notes on one conversation; the API never shows them to anyone else. */
export function ConversationPrivateNotes({
  conversation,
  people,
  draft,
  onDraftChange,
  onSave,
}: ConversationPrivateNotesProps) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const headingId = useId();
  const saved = conversation.privateNotes;
  const { text, dirty } = draftState(draft, saved);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving || !dirty) return;
    setSaving(true);
    setFailure(null);
    try {
      const { CONVERSATION_LIMITS } = await conversationSchemas();
      if (text.length > CONVERSATION_LIMITS.privateNotesLength)
        throw new ApiProblem(
          422,
          'Too long',
          `Private notes can be at most ${CONVERSATION_LIMITS.privateNotesLength} characters; these have ${text.length}.`,
        );
      await onSave(text);
      onDraftChange(undefined);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const problem = failure ? describeProblem(failure) : null;
  return (
    <section
      className={styles.root}
      aria-labelledby={headingId}
      data-testid="conversation-private-notes"
    >
      <div className={styles.heading}>
        <LockClosedRegular aria-hidden />
        <Text as="h4" id={headingId} weight="semibold" size={300} className={styles.title}>
          My private notes on this conversation
        </Text>
        <Badge appearance="tint" color="important" shape="rounded">
          Only you can see this
        </Badge>
      </div>
      <Caption1>{notSeenByText(people.viewer, people.employee)}</Caption1>
      <form className={styles.form} onSubmit={(e) => void save(e)} noValidate>
        <Field
          label={{ children: 'My private notes', className: srOnly.root }}
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem ? problem.message : undefined}
        >
          <Textarea
            className={styles.textarea}
            value={text}
            resize="vertical"
            onChange={(_, data) => onDraftChange(editDraft(draft, saved, data.value))}
          />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" size="small" disabledFocusable={saving || !dirty}>
            {saving ? 'Saving…' : 'Save private notes'}
          </Button>
          <Caption1 aria-live="polite">
            {dirty ? 'Unsaved changes' : saved ? 'Saved' : 'Nothing saved yet'}
          </Caption1>
        </div>
      </form>
    </section>
  );
}
