import { ApiProblem } from '../../../tabs/src/api/apiProblem';
import {
  describeProblem,
  fieldErrorsFromProblem,
  normalisePath,
} from '../../../tabs/src/api/describeProblem';
import { SignInProblem, signInProblemFromTeams } from '../../../tabs/src/auth/signInProblem';

describe('problems in words a person can act on', () => {
  test('the API detail is shown, with what to do next', () => {
    const message = describeProblem(
      new ApiProblem(422, 'Invalid request', 'The title cannot be empty.', [
        { path: 'title', message: 'x' },
      ]),
    );
    expect(message.message).toContain('The title cannot be empty.');
    expect(message.message).toContain('Fix the highlighted fields');
  });

  test('412 says it changed elsewhere and that nothing typed is lost', () => {
    const { title, message } = describeProblem(new ApiProblem(412, 'Changed elsewhere', 'stale'));
    expect(title).toBe('Changed elsewhere');
    expect(message).toMatch(/What you typed is kept/);
    expect(message).toMatch(/load the latest version/i);
  });

  test('403 explains who can see a board', () => {
    expect(describeProblem(new ApiProblem(403, 'Not allowed', '')).message).toMatch(
      /owner and their current manager/,
    );
  });

  test('no connection, busy and server errors each say what to do', () => {
    expect(describeProblem(new ApiProblem(0, '', '')).message).toMatch(/Check your connection/);
    expect(describeProblem(new ApiProblem(503, '', '')).message).toMatch(/try again/i);
    expect(describeProblem(new ApiProblem(500, '', '', [], '/api/boards/x')).message).toContain(
      '“/api/boards/x”',
    );
  });

  test('field errors are keyed by a dotted path the form understands', () => {
    expect(normalisePath('steps[2].text')).toBe('steps.2.text');
    expect(normalisePath('/steps/2/text')).toBe('steps.2.text');
    expect(normalisePath('body.title')).toBe('title');
    const fields = fieldErrorsFromProblem(
      new ApiProblem(422, '', '', [
        { path: 'steps[0].text', message: 'A step cannot be empty.' },
        { path: 'steps[0].text', message: 'second message is ignored' },
      ]),
    );
    expect(fields).toEqual({ 'steps.0.text': 'A step cannot be empty.' });
  });

  test('Teams sign-in failures become clear instructions', () => {
    const consent = signInProblemFromTeams(new Error('resourceRequiresConsent'));
    expect(consent).toBeInstanceOf(SignInProblem);
    expect(consent.consent).toBe('user');
    expect(consent.title).toBe('Career Board needs your permission');
    expect(signInProblemFromTeams(new Error('CancelledByUser')).title).toBe(
      'Sign-in was cancelled',
    );
    expect(signInProblemFromTeams('weird').message).toContain('weird');
    expect(describeProblem(consent).title).toBe(consent.title);
  });
});
