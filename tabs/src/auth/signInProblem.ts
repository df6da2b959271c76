/**
 * Sign-in failures, said in words a person can act on. Teams' `getAuthToken` rejects with short
 * codes (`resourceRequiresConsent`, `CancelledByUser`, …); we translate them once, here.
 */
export class SignInProblem extends Error {
  override name = 'SignInProblem';
  constructor(
    readonly title: string,
    message: string,
    /** Whether trying again, without anyone else doing something first, may help. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export function signInProblemFromTeams(error: unknown): SignInProblem {
  const code = error instanceof Error ? error.message : String(error);
  if (/consent|interaction_required|invalid_grant|AADSTS65001/i.test(code)) {
    return new SignInProblem(
      'Career Board needs permission to sign you in',
      'Your organisation has not yet allowed Career Board to use your Teams sign-in. Ask your IT admin to grant consent to Career Board in the Microsoft Entra admin center (Enterprise applications → Career Board → Permissions), then reopen this tab.',
      true,
    );
  }
  if (/CancelledByUser|cancel/i.test(code)) {
    return new SignInProblem(
      'Sign-in was cancelled',
      'Career Board needs you to sign in before it can show your board. Select “Try again” to sign in.',
      true,
    );
  }
  if (/FailedToOpenWindow|popup/i.test(code)) {
    return new SignInProblem(
      'The sign-in window could not open',
      'Allow pop-ups for Teams in your browser, then select “Try again”.',
      true,
    );
  }
  if (/not supported|unsupported/i.test(code)) {
    return new SignInProblem(
      'This Teams client cannot sign you in to Career Board',
      'Update Teams or open Career Board in Teams on the web or on your desktop.',
      false,
    );
  }
  return new SignInProblem(
    'We could not sign you in',
    `Teams did not give Career Board a sign-in token (${code || 'no reason given'}). Select “Try again”; if it keeps happening, sign out of Teams and back in.`,
    true,
  );
}
