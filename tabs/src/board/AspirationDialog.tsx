import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import {
  changedFields,
  emptyForm,
  formFromAspiration,
  validateNewAspiration,
  validatePatch,
} from './aspirationForm';
import type { AspirationFormValues, EditableField } from './aspirationForm';
import { AspirationFields } from './AspirationFields';
import { KIND_TEXT } from './boardLogic';
import type {
  AspirationInput,
  AspirationKind,
  AspirationPatch,
  AspirationView,
  Horizon,
} from '@contract/boardContract';
import { describeProblem, fieldErrorsFromProblem } from '../api/describeProblem';
import { HORIZON_TEXT } from '../common/boardText';
import { DialogButtons } from '../common/DialogButtons';
import { isStaleVersion, StaleVersionBar, useStaleVersion } from '../common/StaleVersion';
import type { StaleVersionWords } from '../common/StaleVersion';
import type { FieldErrors } from '../forms/fieldErrors';

/** What the stale-version bar says here (common/StaleVersion.tsx). */
const STALE_WORDS: StaleVersionWords = {
  changed:
    'Someone saved a newer version while you were editing. What you typed is still here: load the latest version, check it, then save again.',
  loadedDiffers:
    'Fields where your text differs show what is saved now. Keep yours or change it, then save.',
  loadedSame: 'Your text matches what is saved now.',
};

export type AspirationDialogTarget =
  | { mode: 'create'; horizon?: Horizon; kind?: AspirationKind }
  | { mode: 'edit'; aspiration: AspirationView };

export interface AspirationDialogProps {
  target: AspirationDialogTarget;
  onClose(): void;
  onCreate(input: AspirationInput): Promise<unknown>;
  onUpdate(id: string, patch: AspirationPatch): Promise<void>;
  /** Fetch the latest board after a 412; the dialog keeps what was typed. */
  onLoadLatest(): Promise<void>;
}

/** Add or edit an aspiration, with inline validation and a kind answer to "changed elsewhere". */
export function AspirationDialog({
  target,
  onClose,
  onCreate,
  onUpdate,
  onLoadLatest,
}: AspirationDialogProps) {
  const editing = target.mode === 'edit' ? target.aspiration : null;
  const [values, setValues] = useState<AspirationFormValues>(() =>
    editing
      ? formFromAspiration(editing)
      : emptyForm(
          target.mode === 'create' ? target.horizon : undefined,
          target.mode === 'create' ? target.kind : undefined,
        ),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const {
    staleVersion: conflict,
    setStaleVersion: setConflict,
    loadLatest: reloadOverStale,
  } = useStaleVersion();
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  const savedNow: Partial<Record<EditableField, string>> = {};
  if (editing && conflict === 'loaded') {
    const latest = formFromAspiration(editing);
    for (const field of changedFields(values, editing)) {
      savedNow[field] =
        field === 'horizon'
          ? HORIZON_TEXT[latest.horizon].title
          : field === 'kind'
            ? KIND_TEXT[latest.kind]
            : latest[field];
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const checked = editing ? validatePatch(values, editing) : validateNewAspiration(values);
    if (checked === null) {
      onClose();
      return;
    }
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    try {
      if (editing) await onUpdate(editing.id, checked.value as AspirationPatch);
      else await onCreate(checked.value as AspirationInput);
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) setConflict('stale');
      else setErrors(fieldErrorsFromProblem(error));
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const loadLatest = () =>
    reloadOverStale(async () => {
      await onLoadLatest();
      setFailure(null);
      // The button that had focus is gone: take the person back to what they were editing.
      titleRef.current?.focus();
    }, setFailure);

  const title = editing ? 'Edit aspiration' : 'Add an aspiration';
  const problem = failure && !isStaleVersion(failure) ? describeProblem(failure) : null;

  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_, data) => (!data.open && !saving ? onClose() : undefined)}
    >
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              <StaleVersionBar
                staleVersion={conflict}
                words={STALE_WORDS}
                differs={Object.keys(savedNow).length > 0}
                onLoadLatest={() => void loadLatest()}
              />
              {problem ? (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>
                    <MessageBarTitle>{problem.title}</MessageBarTitle>
                    {problem.message}
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              <AspirationFields
                values={values}
                errors={errors}
                onChange={(next) => {
                  setErrors((current) => withoutEditedFields(current, values, next));
                  setValues(next);
                }}
                savedNow={savedNow}
                showSteps={!editing}
                titleRef={titleRef}
              />
            </DialogContent>
            <DialogButtons
              label={editing ? 'Save changes' : 'Add aspiration'}
              busy={saving}
              blocked={conflict === 'loading' || conflict === 'stale'}
              onCancel={onClose}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** Drop the messages of fields the person has just changed: they are acting on them. */
function withoutEditedFields(
  errors: FieldErrors,
  before: AspirationFormValues,
  after: AspirationFormValues,
): FieldErrors {
  const changed = (Object.keys(after) as (keyof AspirationFormValues)[]).filter(
    (key) => before[key] !== after[key],
  );
  if (changed.length === 0) return errors;
  return Object.fromEntries(
    Object.entries(errors).filter(
      ([path]) => !changed.some((key) => path === key || path.startsWith(`${key}.`)),
    ),
  );
}
