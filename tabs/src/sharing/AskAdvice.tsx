import { Body1, Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';

import type { AspirationView, BoardPerson } from '@contract/boardContract';
import { describeProblem } from '../api/describeProblem';
import { useSession } from '../common/session';
import { PersonPicker } from './PersonPicker';

/** "Ask for advice": a named colleague, a specific question, about this one aspiration. */

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function AskAdvice({
  employeeId,
  aspiration,
  onDone,
}: {
  employeeId: string;
  aspiration: AspirationView;
  onDone(): void;
}) {
  const styles = useStyles();
  const { api } = useSession();
  const [person, setPerson] = useState<BoardPerson | null>(null);
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [asked, setAsked] = useState<string | null>(null);

  async function ask() {
    if (!person) return setError('Find and choose whom to ask.');
    if (question.trim() === '') return setError('Write your question.');
    try {
      await api.askAdvice(employeeId, aspiration.id, { personId: person.id, question });
      setAsked(`Asked ${person.displayName}. Their answer will appear under Sharing.`);
      setError(undefined);
    } catch (failure) {
      setError(describeProblem(failure).message);
    }
  }

  if (asked)
    return (
      <div className={styles.root}>
        <Body1 role="status">{asked}</Body1>
        <div>
          <Button onClick={onDone}>Done</Button>
        </div>
      </div>
    );
  return (
    <div className={styles.root}>
      <PersonPicker label="Whom to ask" value={person} onChange={setPerson} />
      <Field
        label="Your question"
        hint="Only this aspiration and your question are shared with them."
        validationMessage={error}
      >
        <Textarea value={question} onChange={(_, d) => setQuestion(d.value)} resize="vertical" />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void ask()}>
          Send question
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </div>
  );
}
