import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';

import { KIND_TEXT } from './boardLogic';
import type { AspirationFormValues, EditableField } from './aspirationForm';
import type { Ref } from 'react';

import { ASPIRATION_KINDS, LIMITS } from '@contract/boardContract';
import type { AspirationKind, Horizon } from '@contract/boardContract';
import { HORIZON_ORDER, HORIZON_TEXT } from '../common/boardText';
import { todayIsoDate } from '../common/format';
import { fieldValidation } from '../forms/fieldErrors';
import type { FieldErrors } from '../forms/fieldErrors';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '180px' },
  steps: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 0,
  },
  legend: {
    padding: 0,
    fontWeight: tokens.fontWeightSemibold,
    marginBottom: tokens.spacingVerticalXS,
  },
  stepRow: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  stepField: { flexGrow: 1, minWidth: 0 },
  // Lines the button up with the input under its label.
  removeStep: { marginTop: '22px' },
});

export interface AspirationFieldsProps {
  values: AspirationFormValues;
  errors: FieldErrors;
  onChange(values: AspirationFormValues): void;
  /** After a conflict: what is saved now, for fields that differ from what was typed. */
  savedNow?: Partial<Record<EditableField, string>>;
  showSteps: boolean;
  titleRef?: Ref<HTMLInputElement>;
}

/** The add/edit form's fields. Messages come from the same schema the API enforces. */
export function AspirationFields({
  values,
  errors,
  onChange,
  savedNow = {},
  showSteps,
  titleRef,
}: AspirationFieldsProps) {
  const styles = useStyles();
  const set = <K extends keyof AspirationFormValues>(key: K, value: AspirationFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const hint = (field: EditableField, fallback?: string) =>
    savedNow[field] !== undefined ? `Saved now: ${savedNow[field] || '(empty)'}` : fallback;

  return (
    <div className={styles.root}>
      <Field label="When" {...fieldValidation(errors, 'horizon')} hint={hint('horizon')}>
        <RadioGroup
          layout="horizontal"
          value={values.horizon}
          onChange={(_, data) => set('horizon', data.value as Horizon)}
        >
          {HORIZON_ORDER.map((horizon) => (
            <Radio key={horizon} value={horizon} label={HORIZON_TEXT[horizon].title} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="What do you want?"
        required
        {...fieldValidation(errors, 'title')}
        hint={hint('title', 'Be specific: a title, a project, a client, a skill.')}
      >
        <Input
          ref={titleRef}
          value={values.title}
          maxLength={LIMITS.titleLength + 50}
          placeholder="e.g. Lead the payments platform migration"
          onChange={(_, data) => set('title', data.value)}
        />
      </Field>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Kind"
          {...fieldValidation(errors, 'kind')}
          hint={hint('kind')}
        >
          <Select
            value={values.kind}
            onChange={(_, data) => set('kind', data.value as AspirationKind)}
          >
            {ASPIRATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_TEXT[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          className={styles.grow}
          label="Target date (optional)"
          {...targetDateValidation(errors, values.targetDate)}
          hint={hint('targetDate')}
        >
          <Input
            type="date"
            value={values.targetDate}
            onChange={(_, data) => set('targetDate', data.value)}
          />
        </Field>
      </div>
      <Field
        label="Details (optional)"
        {...fieldValidation(errors, 'details')}
        hint={hint('details', 'Why it matters to you and what it would look like.')}
      >
        <Textarea
          value={values.details}
          resize="vertical"
          rows={3}
          onChange={(_, data) => set('details', data.value)}
        />
      </Field>
      {showSteps ? <FirstSteps values={values} errors={errors} onChange={onChange} /> : null}
    </div>
  );
}

function FirstSteps({
  values,
  errors,
  onChange,
}: Pick<AspirationFieldsProps, 'values' | 'errors' | 'onChange'>) {
  const styles = useStyles();
  const setStep = (index: number, text: string) =>
    onChange({ ...values, steps: values.steps.map((s, i) => (i === index ? text : s)) });
  const removeStep = (index: number) =>
    onChange({ ...values, steps: values.steps.filter((_, i) => i !== index) });
  // Blank lines are dropped before validation, so errors index the non-blank steps.
  const nonBlankIndex = (index: number) =>
    values.steps.slice(0, index).filter((s) => s.trim()).length;

  return (
    <fieldset className={styles.steps}>
      <legend className={styles.legend}>First steps (optional)</legend>
      {values.steps.map((step, index) => (
        <div key={index} className={styles.stepRow}>
          <Field
            className={styles.stepField}
            label={`Step ${index + 1}`}
            {...(step.trim() ? fieldValidation(errors, `steps.${nonBlankIndex(index)}.text`) : {})}
          >
            <Input
              value={step}
              onChange={(_, data) => setStep(index, data.value)}
              placeholder="A concrete next action"
            />
          </Field>
          <Button
            appearance="subtle"
            icon={<DismissRegular />}
            aria-label={`Remove step ${index + 1}`}
            onClick={() => removeStep(index)}
            className={styles.removeStep}
          />
        </div>
      ))}
      <div>
        <Button
          size="small"
          icon={<AddRegular />}
          onClick={() => onChange({ ...values, steps: [...values.steps, ''] })}
          disabled={values.steps.length >= LIMITS.stepsPerAspiration}
        >
          Add a step
        </Button>
      </div>
    </fieldset>
  );
}

/** An error wins; a date already passed is a warning, not a refusal (it may be a look back). */
function targetDateValidation(errors: FieldErrors, targetDate: string) {
  const error = fieldValidation(errors, 'targetDate');
  if (error.validationState || !targetDate || targetDate >= todayIsoDate()) return error;
  return {
    validationState: 'warning' as const,
    validationMessage: 'This date has passed. Keep it if you mean it, or choose a new one.',
  };
}
