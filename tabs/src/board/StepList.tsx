import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, CheckmarkCircleFilled, CircleRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';

import { stepProgress } from './boardLogic';
import { stepInputSchema } from '../../../api/src/contract/boardContract';
import type { AspirationView, StepStatus } from '../../../api/src/contract/boardContract';
import { describeProblem, fieldErrorsFromProblem } from '../api/describeProblem';
import { formatCalendarDate } from '../common/format';
import { useScreenReaderOnly } from '../common/srOnly';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  readOnlyStep: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  doneIcon: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  openIcon: { color: tokens.colorNeutralForeground3, flexShrink: 0, marginTop: '2px' },
  doneText: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground2 },
  stepText: { overflowWrap: 'anywhere' },
  addForm: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  addField: { flexGrow: 1, minWidth: 0 },
  addInput: { width: '100%', minWidth: 0 },
});

export interface StepListProps {
  aspiration: AspirationView;
  canEdit: boolean;
  onToggle(stepId: string, status: StepStatus): void;
  onAdd(text: string): Promise<void>;
}

/** The plan: steps with checkboxes for the owner, a read-only list for the manager. */
export function StepList({ aspiration, canEdit, onToggle, onAdd }: StepListProps) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const headingId = useId();
  const { done, total } = stepProgress(aspiration);

  if (!canEdit && total === 0) return null;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Text as="h4" id={headingId} weight="semibold" size={200}>
          Steps
        </Text>
        {total > 0 ? <Caption1>{`${done} of ${total} done`}</Caption1> : null}
      </div>
      {total > 0 ? (
        <ProgressBar
          value={done / total}
          thickness="medium"
          aria-label={`${done} of ${total} steps done`}
          color="success"
        />
      ) : null}
      <ul className={styles.list}>
        {aspiration.steps.map((step) => {
          const label = step.dueDate
            ? `${step.text} (by ${formatCalendarDate(step.dueDate)})`
            : step.text;
          return (
            <li key={step.id}>
              {canEdit ? (
                <Checkbox
                  checked={step.status === 'done'}
                  label={
                    <span className={step.status === 'done' ? styles.doneText : styles.stepText}>
                      {label}
                    </span>
                  }
                  onChange={(_, data) => onToggle(step.id, data.checked === true ? 'done' : 'open')}
                />
              ) : (
                <div className={styles.readOnlyStep}>
                  {step.status === 'done' ? (
                    <CheckmarkCircleFilled className={styles.doneIcon} aria-hidden />
                  ) : (
                    <CircleRegular className={styles.openIcon} aria-hidden />
                  )}
                  <Text className={step.status === 'done' ? styles.doneText : styles.stepText}>
                    {label}
                    <span className={srOnly.root}>
                      {step.status === 'done' ? ' (done)' : ' (not done yet)'}
                    </span>
                  </Text>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {canEdit ? <AddStepForm aspirationTitle={aspiration.title} onAdd={onAdd} /> : null}
    </section>
  );
}

function AddStepForm({
  aspirationTitle,
  onAdd,
}: {
  aspirationTitle: string;
  onAdd(text: string): Promise<void>;
}) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = stepInputSchema.safeParse({ text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the step.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onAdd(parsed.data.text);
      setText('');
    } catch (failure) {
      setError(fieldErrorsFromProblem(failure).text ?? describeProblem(failure).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={styles.addForm} onSubmit={(e) => void submit(e)}>
      <Field
        className={styles.addField}
        label={{ children: `New step for “${aspirationTitle}”`, className: srOnly.root }}
        validationState={error ? 'error' : 'none'}
        validationMessage={error ?? undefined}
      >
        <Input
          className={styles.addInput}
          value={text}
          placeholder="Add a step"
          onChange={(_, data) => setText(data.value)}
          readOnly={saving}
        />
      </Field>
      <Button
        type="submit"
        icon={<AddRegular />}
        disabled={saving}
        aria-label={`Add step to “${aspirationTitle}”`}
      >
        Add
      </Button>
    </form>
  );
}
