import { SignInProblem } from './signInProblem';

/** Local mode only: the demo organisation's people and the dev identity issuer. */

export interface DevUser {
  id: string;
  tenantId: string;
  displayName: string;
  mail?: string | null;
  userPrincipalName: string;
  jobTitle?: string | null;
  department?: string | null;
  managerId?: string | null;
  accountEnabled: boolean;
  userType: string;
}

/** Checked by hand: this runs before sign-in, so it stays out of zod's way (and the first download). */
export function isDevUser(value: unknown): value is DevUser {
  if (typeof value !== 'object' || value === null) return false;
  const u = value as Record<string, unknown>;
  const optionalText = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  return (
    typeof u.id === 'string' &&
    typeof u.tenantId === 'string' &&
    typeof u.displayName === 'string' &&
    typeof u.userPrincipalName === 'string' &&
    typeof u.accountEnabled === 'boolean' &&
    typeof u.userType === 'string' &&
    optionalText(u.mail) &&
    optionalText(u.jobTitle) &&
    optionalText(u.department) &&
    optionalText(u.managerId)
  );
}

interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
}

function isTokenResponse(value: unknown): value is TokenResponse {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.access_token === 'string' &&
    typeof t.token_type === 'string' &&
    typeof t.expires_in === 'number'
  );
}

export interface LocalToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export async function fetchDevUsers(
  devServicesUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<DevUser[]> {
  const response = await fetchImpl(`${trimSlash(devServicesUrl)}/dev/users`).catch(() => null);
  if (!response?.ok) {
    throw new SignInProblem(
      'The demo organisation is not available',
      'Career Board could not load the demo people from the local dev services. Check that `npm start` is still running, then reload.',
      true,
    );
  }
  const users: unknown = await response.json().catch(() => null);
  if (!Array.isArray(users) || !users.every(isDevUser)) {
    throw new SignInProblem(
      'The demo organisation is not available',
      'The local dev services sent a list of people Career Board does not understand. Restart `npm start`, then reload.',
      true,
    );
  }
  return users;
}

export async function mintLocalToken(
  devServicesUrl: string,
  userId: string,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): Promise<LocalToken> {
  const response = await fetchImpl(`${trimSlash(devServicesUrl)}/identity/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  }).catch(() => null);
  if (!response) {
    throw new SignInProblem(
      'The local sign-in service is not reachable',
      'Check that `npm start` is still running, then try again.',
      true,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const description =
      typeof body === 'object' && body !== null && 'error_description' in body
        ? String((body as { error_description: unknown }).error_description)
        : `the sign-in service answered ${response.status}`;
    throw new SignInProblem(
      'You could not be signed in',
      `${description}. Choose someone else.`,
      false,
    );
  }
  if (!isTokenResponse(body)) {
    throw new SignInProblem(
      'You could not be signed in',
      'The local sign-in service sent a token Career Board does not understand. Restart `npm start`, then try again.',
      true,
    );
  }
  return { accessToken: body.access_token, expiresAt: now() + body.expires_in * 1000 };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
