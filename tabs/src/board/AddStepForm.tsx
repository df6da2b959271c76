import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';

import { useScreenReaderOnly } from '../common/srOnly';
import { useTextSubmit } from '../forms/useTextSubmit';

const useStyles = makeStyles({
  addForm: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  addField: { flexGrow: 1, minWidth: 0 },
  addInput: { width: '100%', minWidth: 0 },
});

/**
 * A card's "add a step" box: a chunk of its own (with Fluent's field and input), loaded once the
 * board is on screen (StepList.tsx).
 */
export function AddStepForm({
  aspirationTitle,
  onAdd,
  autoFocus,
  onCancel,
}: {
  aspirationTitle: string;
  onAdd(text: string): Promise<void>;
  /** Opened on purpose ("Add a first step"): the cursor goes straight into the box. */
  autoFocus: boolean;
  onCancel?: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const { text, setText, error, saving, submit } = useTextSubmit(
    (schemas) => schemas.stepInputSchema,
    'Check the step.',
    onAdd,
  );

  return (
    <form className={styles.addForm} onSubmit={(e) => void submit(e)}>
      <Field
        className={styles.addField}
        label={{ children: `New step for “${aspirationTitle}”`, className: srOnly.root }}
        validationState={error ? 'error' : 'none'}
        validationMessage={error ?? undefined}
      >
        <Input
          ref={input}
          className={styles.addInput}
          value={text}
          placeholder="Add a step"
          onChange={(_, data) => setText(data.value)}
          readOnly={saving}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && onCancel && text === '') onCancel();
          }}
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
