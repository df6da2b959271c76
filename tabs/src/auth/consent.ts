import type { EntraAppConfig } from '../config/runtimeConfig';

/**
 * Teams' documented SSO fallback when a person has not consented yet: open a page of our own in
 * a window Teams manages (authentication.authenticate), send that window to Microsoft Entra's
 * consent prompt, and let it report back. Nothing here can run against Entra locally; the pure
 * parts are tested, the window itself only in a real tenant.
 */

/** The hash route of the consent window's first page. */
export const CONSENT_START_ROUTE = '#/auth/consent';
const STATE_KEY = 'careerBoard.consentState';

/** Where Teams opens the consent window: our own page, on our own (https) origin. */
export function consentStartUrl(origin: string, tenantId: string | null): string {
  const query = tenantId ? `?tenant=${encodeURIComponent(tenantId)}` : '';
  return `${origin.replace(/\/+$/, '')}/${CONSENT_START_ROUTE}${query}`;
}

export interface ConsentRequest {
  entra: EntraAppConfig;
  tenantId: string | null;
  /** Registered for the app (aad.manifest.json: the tab's root, as a single-page app). */
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

/**
 * Entra's authorize endpoint with `prompt=consent`: the person sees what Career Board asks for and
 * accepts or declines. The code that comes back is never redeemed (Teams SSO issues the tokens);
 * PKCE is there because Entra requires it for single-page-app redirect URIs.
 */
export function entraConsentUrl(request: ConsentRequest): string {
  const tenant = request.tenantId ?? 'organizations';
  const params = new URLSearchParams({
    client_id: request.entra.clientId,
    response_type: 'code',
    response_mode: 'fragment',
    redirect_uri: request.redirectUri,
    scope: `openid ${request.entra.apiScope}`,
    prompt: 'consent',
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/authorize?${params}`;
}

export type ConsentOutcome =
  { kind: 'granted' } | { kind: 'failed'; reason: string } | { kind: 'not-a-consent-response' };

/** Reads what Entra sent back in the fragment (`#code=…&state=…` or `#error=…&state=…`). */
export function consentOutcomeFromFragment(
  hash: string,
  expectedState: string | null,
): ConsentOutcome {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = params.get('state');
  if (!state || (!params.has('code') && !params.has('error')))
    return { kind: 'not-a-consent-response' };
  if (!expectedState || state !== expectedState)
    return { kind: 'failed', reason: 'The consent answer did not match the request.' };
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description') ?? '';
    return { kind: 'failed', reason: `${error}: ${description}`.trim() };
  }
  return { kind: 'granted' };
}

export function isConsentWindow(hash: string): boolean {
  return (
    hash.startsWith(CONSENT_START_ROUTE) ||
    consentOutcomeFromFragment(hash, 'any').kind !== 'not-a-consent-response'
  );
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The consent window's first page: remember a fresh state, then go to Entra. */
export async function startConsent(entra: EntraAppConfig, win: Window = window): Promise<void> {
  const query = new URLSearchParams(win.location.hash.split('?')[1] ?? '');
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  win.sessionStorage.setItem(STATE_KEY, state);
  win.location.assign(
    entraConsentUrl({
      entra,
      tenantId: query.get('tenant'),
      redirectUri: `${win.location.origin}/`,
      state,
      codeChallenge: base64Url(new Uint8Array(digest)),
    }),
  );
}

export function expectedConsentState(win: Window = window): string | null {
  return win.sessionStorage.getItem(STATE_KEY);
}

/** Does this failure from the consent window mean only an admin can consent? */
export function needsAdminConsent(reason: string): boolean {
  return /AADSTS(90094|90095|65004)|admin[_ ]?consent|admin approval|needs? admin/i.test(reason);
}
