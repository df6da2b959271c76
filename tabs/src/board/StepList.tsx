import {
  Button,
  Caption1,
  Checkbox,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, CheckboxCheckedFilled, CheckboxUncheckedRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';

import { stepProgress } from './boardLogic';
import type * as AddStepFormModule from './AddStepForm';
import { addStepForm } from './deferredBoard';
import type { AspirationView, StepStatus } from '@contract/boardContract';
import { formatCalendarDate } from '../common/format';
import { useScreenReaderOnly } from '../common/srOnly';
import { useAfterFirstCommit } from '../common/useAfterFirstCommit';

type AddStepFormComponent = typeof AddStepFormModule.AddStepForm;
/** Once loaded, drawn at once: a lazy component would wait a tick and miss the keyboard's focus. */
let loadedAddStepForm: AddStepFormComponent | null = null;

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
  // Ticked and unticked boxes that are plainly not controls: no border box to press, just the mark.
  stateIcon: { flexShrink: 0, fontSize: '20px', color: tokens.colorNeutralForeground2 },
  doneIcon: { color: tokens.colorBrandForeground1 },
  doneText: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground2 },
  // Fluent greys an unticked checkbox's label; a step still to do is the live part of the plan.
  stepText: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  // The add form's height while its code loads, so the card does not grow under the reader.
  addFormPlaceholder: { minHeight: '32px' },
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

  const [adding, setAdding] = useState(false);
  const painted = useAfterFirstCommit();
  // The box (with Fluent's field and input) is fetched once the card is on screen, even before
  // anyone asks for it, so "Add a first step" puts the cursor in it at once, from the keyboard too.
  const [AddStepForm, setAddStepForm] = useState(() => loadedAddStepForm);
  useEffect(() => {
    if (!painted || !canEdit || AddStepForm) return;
    let current = true;
    addStepForm
      .load()
      .then((m) => {
        loadedAddStepForm = m.AddStepForm;
        if (current) setAddStepForm(() => m.AddStepForm);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [painted, canEdit, AddStepForm]);
  const placeholder = <div className={styles.addFormPlaceholder} />;

  if (!canEdit && total === 0) return null;
  // No steps yet: one quiet way to start, rather than an empty "Steps" heading on every card.
  if (total === 0 && !adding) {
    return (
      <div>
        <Button
          size="small"
          appearance="subtle"
          icon={<AddRegular />}
          onClick={() => setAdding(true)}
          aria-label={`Add a first step to “${aspiration.title}”`}
        >
          Add a first step
        </Button>
      </div>
    );
  }
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
      {total > 0 ? (
        <ul className={styles.list}>
          {aspiration.steps.map((step) => {
            const label = step.dueDate
              ? `${step.text} (by ${formatCalendarDate(step.dueDate)})`
              : step.text;
            const isDone = step.status === 'done';
            return (
              <li key={step.id}>
                {canEdit ? (
                  <Checkbox
                    checked={isDone}
                    label={
                      <span className={isDone ? styles.doneText : styles.stepText}>{label}</span>
                    }
                    onChange={(_, data) =>
                      onToggle(step.id, data.checked === true ? 'done' : 'open')
                    }
                  />
                ) : (
                  <div className={styles.readOnlyStep}>
                    {isDone ? (
                      <CheckboxCheckedFilled
                        className={mergeClasses(styles.stateIcon, styles.doneIcon)}
                        aria-hidden
                      />
                    ) : (
                      <CheckboxUncheckedRegular className={styles.stateIcon} aria-hidden />
                    )}
                    <Text className={isDone ? styles.doneText : styles.stepText}>
                      {label}
                      <span className={srOnly.root}>{isDone ? ' (done)' : ' (not done yet)'}</span>
                    </Text>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {canEdit ? (
        AddStepForm ? (
          <AddStepForm
            aspirationTitle={aspiration.title}
            onAdd={onAdd}
            autoFocus={total === 0}
            onCancel={total === 0 ? () => setAdding(false) : undefined}
          />
        ) : (
          placeholder
        )
      ) : null}
    </section>
  );
}
