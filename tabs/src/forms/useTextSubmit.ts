import { useState } from 'react';
import type { FormEvent } from 'react';

import { describeProblem, fieldErrorsFromProblem } from '../api/describeProblem';
import { boardSchemas } from './contractSchemas';

type BoardSchemas = Awaited<ReturnType<typeof boardSchemas>>;

/**
 * One line of text checked with the API's own schema, then sent: a step, a comment. The error is
 * the schema's message, or the field's message in the API's problem, or what the problem says to
 * do; the text clears once it is saved.
 */
export function useTextSubmit(
  schema: (schemas: BoardSchemas) => BoardSchemas['stepInputSchema' | 'commentInputSchema'],
  fallback: string,
  onAdd: (text: string) => Promise<void>,
) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = schema(await boardSchemas()).safeParse({ text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? fallback);
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

  return { text, setText, error, saving, submit };
}
