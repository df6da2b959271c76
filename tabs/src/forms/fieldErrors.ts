import type { z } from 'zod';

/** Field messages keyed by dotted path (`title`, `steps.2.text`); '' holds form-wide messages. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** Fluent `Field` props for one field: red message and aria wiring, or nothing. */
export function fieldValidation(errors: FieldErrors, key: string) {
  const message = errors[key];
  return message ? { validationState: 'error' as const, validationMessage: message } : {};
}
