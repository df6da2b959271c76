import { ApiProblem } from './apiProblem';
import { SignInProblem } from '../auth/signInProblem';

/** What to tell a person when something failed: a headline and what they can do about it. */
export interface ProblemMessage {
  title: string;
  message: string;
}

export function describeProblem(error: unknown): ProblemMessage {
  if (error instanceof SignInProblem) return { title: error.title, message: error.message };
  if (!(error instanceof ApiProblem)) {
    return {
      title: 'Something went wrong',
      message: 'Career Board hit an unexpected error. Reload the page and try again.',
    };
  }
  const detail = error.detail.trim();
  const withDetail = (fallback: string, action = '') =>
    [detail || fallback, action].filter(Boolean).join(' ');

  switch (true) {
    case error.status === 0:
      return {
        title: 'Can’t reach Career Board',
        message: 'Check your connection, then try again. Nothing you typed has been lost.',
      };
    case error.status === 401:
      return {
        title: 'Your sign-in has expired',
        message: withDetail(
          'Career Board could not confirm who you are.',
          'Reload to sign in again.',
        ),
      };
    case error.status === 403:
      return {
        title: 'You don’t have access',
        message: withDetail('A board is visible only to its owner and their current manager.'),
      };
    case error.status === 404:
      return { title: 'Not found', message: withDetail('It may have been deleted.') };
    case error.status === 412:
      return {
        title: 'Changed elsewhere',
        message:
          'Someone saved a newer version while you were working. What you typed is kept: load the latest version, check it, then apply your change again.',
      };
    case error.status === 428:
      return {
        title: 'Reload and try again',
        message:
          'Career Board needs the latest version before it can save. Reload, then try again.',
      };
    case error.status === 413:
      return {
        title: 'Too much text',
        message: withDetail('Shorten what you wrote, then save again.'),
      };
    case error.status === 422 || error.status === 400:
      return {
        title: error.title || 'Check what you entered',
        message: withDetail(
          'Some of what you entered can’t be saved.',
          error.fieldErrors.length > 0 ? 'Fix the highlighted fields, then save again.' : '',
        ),
      };
    case error.status === 409:
      return { title: 'Conflict', message: withDetail('Reload, then try again.') };
    case error.status === 429 || error.status === 503:
      return {
        title: 'Career Board is busy',
        message: withDetail(
          'A service it depends on is not answering right now.',
          'Wait a moment, then try again.',
        ),
      };
    default:
      return {
        title: 'Something went wrong on our side',
        message: [
          'Try again in a moment. If it keeps happening, tell your IT admin',
          error.instance ? `and quote “${error.instance}”.` : 'what you were doing.',
        ].join(' '),
      };
  }
}

/** Per-field messages from a problem's `errors`, keyed by dotted path (`steps.2.text`). */
export function fieldErrorsFromProblem(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const result: Record<string, string> = {};
  for (const { path, message } of error.fieldErrors) {
    const key = normalisePath(path);
    if (!(key in result)) result[key] = message;
  }
  return result;
}

/** `steps[2].text`, `/steps/2/text` and `steps.2.text` all become `steps.2.text`. */
export function normalisePath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '')
    .replace(/^body\./, '');
}
