import { useState } from 'react';
import type { KeyboardEvent } from 'react';

import { describeProblem } from '../api/describeProblem';

/**
 * A search by the start of a name, as the directory pickers use it (the pilot group, a colleague
 * to share with or ask): what was typed, where the search stands, and Enter searching rather than
 * submitting the form around it.
 */
export type NameSearch<T> =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'found'; text: string; results: T[] }
  | { kind: 'failed'; message: string };

export function useNameSearch<T>(search: (text: string) => Promise<T[]>) {
  const [text, setText] = useState('');
  const [state, setState] = useState<NameSearch<T>>({ kind: 'idle' });

  async function find() {
    const typed = text.trim();
    if (typed === '') return;
    setState({ kind: 'searching' });
    try {
      setState({ kind: 'found', text: typed, results: await search(typed) });
    } catch (failure) {
      setState({ kind: 'failed', message: describeProblem(failure).message });
    }
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void find();
  };
  return { text, setText, state, find, onKeyDown };
}
