import { aspirationInputSchema, aspirationPatchSchema } from '@contract/boardContract';
import type {
  AspirationInput,
  AspirationKind,
  AspirationPatch,
  AspirationView,
  Horizon,
} from '@contract/boardContract';
import { fieldErrorsFromZod } from '../forms/fieldErrors';
import type { FieldErrors } from '../forms/fieldErrors';

/** What the add/edit form holds: plain strings, as typed. */
export interface AspirationFormValues {
  kind: AspirationKind;
  horizon: Horizon;
  title: string;
  details: string;
  targetDate: string;
  /** New aspirations only: first steps, one per line of the form. */
  steps: string[];
}

export const EDITABLE_FIELDS = ['kind', 'horizon', 'title', 'details', 'targetDate'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * A new aspiration starts as "Other goal" unless the person started from something specific (a
 * conversation starter): a default of "Title or role" would label a talk or a course as a title.
 */
export function emptyForm(
  horizon: Horizon = 'next',
  kind: AspirationKind = 'other',
): AspirationFormValues {
  return { kind, horizon, title: '', details: '', targetDate: '', steps: [''] };
}

export function formFromAspiration(aspiration: AspirationView): AspirationFormValues {
  return {
    kind: aspiration.kind,
    horizon: aspiration.horizon,
    title: aspiration.title,
    details: aspiration.details,
    targetDate: aspiration.targetDate ?? '',
    steps: [],
  };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Checks a new aspiration against the API's own schema, so the form and the API agree. */
export function validateNewAspiration(values: AspirationFormValues): Validated<AspirationInput> {
  const steps = values.steps.map((text) => text.trim()).filter(Boolean);
  const candidate = {
    kind: values.kind,
    horizon: values.horizon,
    title: values.title,
    details: values.details,
    targetDate: values.targetDate || null,
    ...(steps.length ? { steps: steps.map((text) => ({ text })) } : {}),
  };
  const parsed = aspirationInputSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrorsFromZod(parsed.error) };
}

/** Which fields differ between what was typed and what is saved. */
export function changedFields(
  values: AspirationFormValues,
  saved: AspirationView,
): EditableField[] {
  const current = formFromAspiration(saved);
  return EDITABLE_FIELDS.filter((field) => values[field].trim() !== current[field].trim());
}

/** Only what changed, validated; `null` when nothing did. */
export function validatePatch(
  values: AspirationFormValues,
  saved: AspirationView,
): Validated<AspirationPatch> | null {
  const fields = changedFields(values, saved);
  if (fields.length === 0) return null;
  const candidate: Record<string, unknown> = {};
  for (const field of fields)
    candidate[field] = field === 'targetDate' ? values.targetDate || null : values[field];
  const parsed = aspirationPatchSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrorsFromZod(parsed.error) };
}
