import type { AspirationFormValues } from '../../../tabs/src/board/aspirationForm';
import {
  emptyForm,
  validateNewAspiration,
  validatePatch,
} from '../../../tabs/src/board/aspirationForm';
import { LIMITS } from '../../../api/src/contract/boardContract';
import { anAspiration } from '../fixtures';

describe('the add/edit form uses the API’s own rules', () => {
  const filled = (changes: Partial<AspirationFormValues>): AspirationFormValues => ({
    ...emptyForm('next', 'title'),
    ...changes,
  });

  test('a new aspiration needs a title', () => {
    const result = validateNewAspiration(filled({ title: '   ' }));
    expect(result).toEqual({ ok: false, errors: { title: 'The title cannot be empty.' } });
  });

  test('too long a title is refused with the shared limit in the message', () => {
    const result = validateNewAspiration(filled({ title: 'x'.repeat(LIMITS.titleLength + 1) }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.title).toContain(String(LIMITS.titleLength));
  });

  test('blank step lines are dropped; an impossible date is named', () => {
    const result = validateNewAspiration(
      filled({ title: 'Staff engineer', steps: ['Ship X', '  ', ''], targetDate: '2027-02-30' }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['targetDate']);
    const ok = validateNewAspiration(filled({ title: ' Staff engineer ', steps: ['Ship X', ''] }));
    expect(ok).toEqual({
      ok: true,
      value: expect.objectContaining({
        title: 'Staff engineer',
        targetDate: null,
        steps: [{ text: 'Ship X', status: 'open' }],
      }),
    });
  });

  test('an edit sends only what changed, and nothing when nothing did', () => {
    const saved = anAspiration({
      title: 'Staff engineer',
      details: 'Because',
      targetDate: '2027-03-31',
    });
    const same: AspirationFormValues = {
      kind: 'title',
      horizon: 'next',
      title: 'Staff engineer',
      details: 'Because',
      targetDate: '2027-03-31',
      steps: [],
    };
    expect(validatePatch(same, saved)).toBeNull();
    expect(validatePatch({ ...same, title: 'Principal engineer', targetDate: '' }, saved)).toEqual({
      ok: true,
      value: { title: 'Principal engineer', targetDate: null },
    });
  });
});
