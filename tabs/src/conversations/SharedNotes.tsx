import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { FormEvent, Ref } from 'react';

import { draftState, editDraft, otherPersonName } from './conversationLogic';
import type { ConversationPeople, Draft } from './conversationLogic';
import type { ConversationView } from '@contract/conversationContract';
import { ApiProblem } from '../api/apiProblem';
import { describeProblem } from '../api/describeProblem';
import { useScreenReaderOnly } from '../common/srOnly';
import { conversationSchemas } from '../forms/contractSchemas';
import { isStaleVersion } from '../common/StaleVersion';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  textarea: { minHeight: '96px' },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  savedNow: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface SharedNotesProps {
  conversation: ConversationView;
  people: ConversationPeople;
  draft: Draft | undefined;
  onDraftChange(draft: Draft | undefined): void;
  onSave(text: string, basedOn: string): Promise<void>;
  /** After a 412 and before the latest is loaded, saving waits. */
  blocked: boolean;
  /** The latest version has been loaded after a 412: show it beside what was typed. */
  showSavedNow: boolean;
  onStale(error: unknown): void;
  onSaved(): void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** Notes both people read and write: what they talked about and what they agreed. */
export function SharedNotes({
  conversation,
  people,
  draft,
  onDraftChange,
  onSave,
  blocked,
  showSavedNow,
  onStale,
  onSaved,
  textareaRef,
}: SharedNotesProps) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const headingId = useId();
  const saved = conversation.sharedNotes;
  const { text, dirty } = draftState(draft, saved);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (saving || blocked || !dirty) return;
    setSaving(true);
    setFailure(null);
    try {
      // The API's limit, checked here first so an over-long text is never sent.
      const { CONVERSATION_LIMITS } = await conversationSchemas();
      if (text.length > CONVERSATION_LIMITS.sharedNotesLength)
        throw new ApiProblem(
          422,
          'Too long',
          `Shared notes can be at most ${CONVERSATION_LIMITS.sharedNotesLength} characters; these have ${text.length}.`,
        );
      await onSave(text, draft?.base ?? saved);
      onDraftChange(undefined);
      onSaved();
    } catch (error) {
      if (isStaleVersion(error)) onStale(error);
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const problem = failure ? describeProblem(failure) : null;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h4" id={headingId} weight="semibold" size={300} className={styles.title}>
        Shared notes
      </Text>
      <Caption1>{`You and ${otherPersonName(people)} both see these and can change them.`}</Caption1>
      <form className={styles.form} onSubmit={(e) => void save(e)} noValidate>
        <Field
          label={{ children: 'Shared notes', className: srOnly.root }}
          validationState={problem ? 'error' : 'none'}
          hint={
            showSavedNow && dirty ? (
              <span className={styles.savedNow}>{`Saved now: ${saved || '(empty)'}`}</span>
            ) : undefined
          }
        >
          <Textarea
            ref={textareaRef}
            className={styles.textarea}
            value={text}
            resize="vertical"
            placeholder="What you talked about, and what you agreed"
            onChange={(_, data) => onDraftChange(editDraft(draft, saved, data.value))}
          />
        </Field>
        {problem ? (
          // A save that failed for a reason other than a newer version (a 5xx, the network): the
          // typed notes stay in the box above, and trying again sends exactly them.
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{`Your notes weren’t saved: ${problem.title}`}</MessageBarTitle>
              {`${problem.message} What you wrote is still here.`}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void save()} disabledFocusable={saving}>
                {saving ? 'Saving…' : 'Try again'}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            size="small"
            disabledFocusable={saving || blocked || !dirty}
          >
            {saving ? 'Saving…' : 'Save shared notes'}
          </Button>
          <Caption1 aria-live="polite">
            {dirty ? 'Unsaved changes' : saved ? 'Saved' : 'Nothing written yet'}
          </Caption1>
        </div>
      </form>
    </section>
  );
}
