import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';

import { GUID } from '../contract/ids';
import type { AuthConfig } from '../config';
import { unauthenticated } from '../errors/problem';
import type { Caller } from '../domain/caller';

/** The delegated scope the app registration exposes and Teams SSO requests (aad.manifest.json). */
export const USER_SCOPE = 'access_as_user';

/** How far the API's clock and the issuer's may disagree, in seconds. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * The longest lifetime (`exp - iat`) Entra ID gives an access token: by default a random 60 to 90
 * minutes, extended to 24 to 28 hours when client and resource support continuous access
 * evaluation ("Configurable token lifetimes in the Microsoft identity platform", Access tokens,
 * learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes). A token that claims
 * to last longer was not minted by Entra's rules, whoever signed it.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 28 * 60 * 60;

export type TokenValidator = (authorization: string | null | undefined) => Promise<Caller>;

/**
 * Validates a bearer token the same way for the local issuer and Entra ID: RS256 signature from
 * the JWKS, audience, issuer templated from the token's own `tid`, lifetime, an allowed tenant,
 * and that it was issued to a signed-in person. Only the configuration differs between the two.
 */
export function createTokenValidator(config: AuthConfig, keys?: JWTVerifyGetKey): TokenValidator {
  // jose caches the key set and refetches on an unknown `kid` (cooldown 30 s), so rotated keys work.
  const getKey =
    keys ?? createRemoteJWKSet(new URL(config.jwksUri), { cacheMaxAge: 6 * 60 * 60 * 1000 });

  return async (authorization) => {
    const token = bearerToken(authorization);
    const tenantId = unverifiedTenant(token);
    if (config.allowedTenants !== '*' && !config.allowedTenants.includes(tenantId.toLowerCase())) {
      throw unauthenticated('Your organisation has not enabled Career Board.');
    }
    const issuers = config.issuerTemplates.map((t) => t.replace('{tenantid}', tenantId));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms: ['RS256'],
        audience: config.audiences,
        issuer: issuers,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      throw unauthenticated(describe(error));
    }
    assertPlausibleLifetime(payload);
    return toCaller(payload);
  };
}

/**
 * jose checks `exp` and `nbf` but lets `iat` lie in the future and a lifetime run for years. A
 * token issued later than now (beyond the skew) or valid for longer than Entra ever issues is
 * refused, so a leaked or mis-minted long-lived token cannot serve for months.
 */
function assertPlausibleLifetime(payload: JWTPayload): void {
  const now = Math.floor(Date.now() / 1000);
  const iat = Number(payload.iat);
  const exp = Number(payload.exp);
  if (!Number.isFinite(iat) || iat > now + CLOCK_SKEW_SECONDS) {
    throw unauthenticated(
      'The access token claims to be issued in the future (iat claim rejected).',
    );
  }
  if (payload.nbf !== undefined && Number(payload.nbf) > now + CLOCK_SKEW_SECONDS) {
    throw unauthenticated('The access token is not valid yet (nbf claim rejected).');
  }
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
    throw unauthenticated(
      'The access token lasts longer than Entra ID issues tokens for (exp claim rejected).',
    );
  }
}

function bearerToken(authorization: string | null | undefined): string {
  if (!authorization) throw unauthenticated('Sign in: this request carried no access token.');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return match[1];
}

/** Reads `tid` before verification only to choose the expected issuer; the signature check follows. */
function unverifiedTenant(token: string): string {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw unauthenticated('The access token is not a well-formed JWT.');
  }
  const tid = claims.tid;
  if (typeof tid !== 'string' || !GUID.test(tid)) {
    throw unauthenticated('The access token has no valid tenant (tid) claim.');
  }
  return tid.toLowerCase();
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The access token has expired: sign in again.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return `The access token was not issued for Career Board (${error.claim} claim rejected).`;
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return 'The access token uses an algorithm we do not accept.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'The access token signature is not valid.';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return 'The access token was signed by an unknown key.';
  if (error instanceof joseErrors.JOSEError)
    return `The access token was rejected (${error.code}).`;
  return 'The access token could not be validated.';
}

/**
 * Only delegated (user) tokens act as a person. An app-only token (client credentials) for our
 * audience also carries an `oid` (the service principal's) and would otherwise pass as a user:
 * Entra marks it `idtyp: app` (the optional claim aad.manifest.json requests) and gives it `roles`
 * but never `scp`. A user token carries the scopes it was granted in `scp`, space-separated; ours
 * must be among them.
 */
function assertUserToken(payload: JWTPayload): void {
  if (payload.idtyp !== undefined && payload.idtyp !== 'user') {
    throw unauthenticated(
      'This is an app-only token: Career Board must be called on behalf of a signed-in person.',
    );
  }
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (scopes.length === 0) {
    throw unauthenticated(
      'The access token carries no delegated scope (scp): sign in as a person to use Career Board.',
    );
  }
  if (!scopes.includes(USER_SCOPE)) {
    throw unauthenticated(
      `The access token was not granted the ${USER_SCOPE} scope (scp claim rejected).`,
    );
  }
}

function toCaller(payload: JWTPayload): Caller {
  assertUserToken(payload);
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const oid = str(payload.oid);
  if (!GUID.test(oid)) throw unauthenticated('The access token has no valid user (oid) claim.');
  return {
    userId: oid.toLowerCase(),
    tenantId: str(payload.tid).toLowerCase(),
    displayName: str(payload.name),
    userPrincipalName: str(payload.preferred_username) || str(payload.upn),
    roles: Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [],
  };
}
