import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { FormEvent } from 'react';

import type { AspirationView, EvidenceInput } from '@contract/boardContract';
import { describeProblem, fieldErrorsFromProblem } from '../api/describeProblem';
import { formatCalendarDate, todayIsoDate } from '../common/format';
import { fieldErrorsFromZod, fieldValidation } from '../forms/fieldErrors';
import type { FieldErrors } from '../forms/fieldErrors';
import { boardSchemas } from '../forms/contractSchemas';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  link: { overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '160px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface EvidenceLogProps {
  aspiration: AspirationView;
  canEdit: boolean;
  onAdd(input: EvidenceInput): Promise<void>;
}

/** "What I did": dated proof of progress, newest first. */
export function EvidenceLog({ aspiration, canEdit, onAdd }: EvidenceLogProps) {
  const styles = useStyles();
  const [adding, setAdding] = useState(false);
  const entries = [...aspiration.evidence].sort(
    (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <div className={styles.root}>
      {entries.length === 0 ? (
        <Caption1>
          {canEdit
            ? 'Nothing logged yet. Note what you did, however small: it adds up.'
            : 'Nothing logged yet.'}
        </Caption1>
      ) : (
        <ul className={styles.list}>
          {entries.map((entry) => (
            <li key={entry.id} className={styles.entry}>
              <Caption1>{formatCalendarDate(entry.date)}</Caption1>
              <Text className={styles.text}>{entry.text}</Text>
              {entry.link ? (
                <Link
                  className={styles.link}
                  href={entry.link}
                  target="_blank"
                  rel="noreferrer noopener"
                >
                  {entry.link}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit && !adding ? (
        <div>
          <Button size="small" icon={<AddRegular />} onClick={() => setAdding(true)}>
            Log what I did
          </Button>
        </div>
      ) : null}
      {canEdit && adding ? <EvidenceForm onAdd={onAdd} onDone={() => setAdding(false)} /> : null}
    </div>
  );
}

function EvidenceForm({
  onAdd,
  onDone,
}: {
  onAdd(input: EvidenceInput): Promise<void>;
  onDone(): void;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIsoDate());
  const [link, setLink] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { evidenceInputSchema } = await boardSchemas();
    const parsed = evidenceInputSchema.safeParse({
      text,
      date,
      link: link.trim() ? link.trim() : null,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      await onAdd(parsed.data);
      onDone();
    } catch (failure) {
      const fields = fieldErrorsFromProblem(failure);
      setErrors(Object.keys(fields).length ? fields : { '': describeProblem(failure).message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
      <Field label="What did you do?" required {...fieldValidation(errors, 'text')}>
        <Textarea
          value={text}
          onChange={(_, data) => setText(data.value)}
          placeholder="e.g. Presented the migration plan at the architecture review"
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Field label="When" required {...fieldValidation(errors, 'date')}>
          <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
        </Field>
        <Field className={styles.grow} label="Link (optional)" {...fieldValidation(errors, 'link')}>
          <Input
            type="url"
            value={link}
            placeholder="https://"
            onChange={(_, data) => setLink(data.value)}
          />
        </Field>
      </div>
      {errors[''] ? (
        <Text role="alert" size={200}>
          {errors['']}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={saving}>
          {saving ? 'Saving…' : 'Add to log'}
        </Button>
        <Button size="small" onClick={onDone} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
