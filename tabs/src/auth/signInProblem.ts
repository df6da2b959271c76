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
    /**
     * Consent is missing: `user` when the person may give it themselves (a consent window can
     * help), `admin` when only an admin of their organisation can.
     */
    readonly consent: 'user' | 'admin' | null = null,
  ) {
    super(message);
  }
}

/** What exactly an admin does, so the person can forward it as it is. */
export const ADMIN_CONSENT_STEPS =
  'Ask your IT admin to grant admin consent to Career Board: in the Microsoft Entra admin center, go to Enterprise applications → Career Board → Permissions and select “Grant admin consent for your organisation” (or, in the Teams admin center, Manage apps → Career Board → Permissions → Grant admin consent). Once they have, reopen this tab.';

export function adminConsentProblem(): SignInProblem {
  return new SignInProblem(
    'Your IT admin needs to approve Career Board',
    `Your organisation lets only admins consent to apps like Career Board, so you can’t give permission yourself. ${ADMIN_CONSENT_STEPS}`,
    false,
    'admin',
  );
}

export function signInProblemFromTeams(error: unknown): SignInProblem {
  const code = error instanceof Error ? error.message : String(error);
  if (/AADSTS(90094|90095|65004)|admin[_ ]?consent/i.test(code)) return adminConsentProblem();
  if (/consent|interaction_required|invalid_grant|AADSTS65001/i.test(code)) {
    return new SignInProblem(
      'Career Board needs your permission',
      'Before Career Board can use your Teams sign-in, you need to allow it once: it opens your board and your team’s boards as you, and nothing else.',
      false,
      'user',
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
