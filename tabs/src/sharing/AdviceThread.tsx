import {
  Body1,
  Button,
  Caption1,
  Field,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';

import type { AdviceThreadView } from '@contract/sharingContract';
import { describeProblem } from '../api/describeProblem';
import { formatDay } from '../common/format';

/** One thread about one aspiration: the question, the messages, and a box to answer in. */

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  messages: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  message: { display: 'flex', flexDirection: 'column' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  question: { fontStyle: 'italic', overflowWrap: 'anywhere', margin: 0 },
});

export function AdviceThread({
  thread,
  answerLabel,
  onSend,
}: {
  thread: Pick<AdviceThreadView, 'question' | 'messages'> | null;
  answerLabel: string;
  onSend(text: string): Promise<void>;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  async function send() {
    if (text.trim() === '') {
      setError('Write something first.');
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      await onSend(text.trim());
      setText('');
    } catch (failure) {
      setError(describeProblem(failure).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className={styles.root}>
      {thread?.question ? (
        <Body1 as="p" className={styles.question}>{`Question: “${thread.question}”`}</Body1>
      ) : null}
      {thread && thread.messages.length > 0 ? (
        <ul className={styles.messages} aria-label="Answers">
          {thread.messages.map((m, i) => (
            <li key={`${m.at}-${i}`} className={styles.message}>
              <Caption1>{`${m.author.displayName} · ${formatDay(m.at)}`}</Caption1>
              <Body1 as="p" className={styles.text}>
                {m.text}
              </Body1>
            </li>
          ))}
        </ul>
      ) : null}
      <Field label={answerLabel} validationMessage={error}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
      </Field>
      <div>
        <Button appearance="primary" disabled={sending} onClick={() => void send()}>
          {sending ? 'Sending…' : 'Send'}
        </Button>
      </div>
    </div>
  );
}
