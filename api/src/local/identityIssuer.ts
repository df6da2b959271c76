import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { SignJWT, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import type { JWK, KeyLike } from 'jose';

import type { DemoDirectory, DemoUser } from './demo-org/types';
import { parseJson, readBody, sendJson } from './http-utils';

/**
 * A local stand-in for Entra ID: signs RS256 tokens with the claims of a Teams SSO token, publishes
 * its JWKS and OpenID configuration, and issues app-only tokens (client credentials) for the Graph
 * simulator. The API validates these with exactly the code it uses for Entra.
 */

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const APP_ROLES = [
  'User.Read.All',
  'GroupMember.Read.All',
  'Calendars.Read',
  'Calendars.ReadWrite',
  'TeamsActivity.Send',
  // Auto-pinning's permissions (docs/deploy.md), as an admin who turned it on has granted them.
  'Chat.Create',
  'TeamsAppInstallation.ReadWriteSelfForChat.All',
  'TeamsTab.ReadWriteSelfForChat.All',
];
const TOKEN_LIFETIME_SECONDS = 3600;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface IdentityIssuerOptions {
  /** e.g. `http://localhost:7072/identity` */
  baseUrl: string;
  /** The API's audience (the app id URI): user tokens are minted for it. */
  apiAudience: string;
  clientId: string;
  clientSecret: string;
  directory: () => DemoDirectory;
}

export interface IdentityIssuer {
  issuerFor(tenantId: string): string;
  /** `audience` exists so tests can prove a token for another app is refused. */
  mintUserToken(
    user: DemoUser,
    options?: { expiresInSeconds?: number; audience?: string },
  ): Promise<string>;
  /** App-only (client credentials): for Graph unless `audience` names another resource. */
  mintAppToken(tenantId: string, audience?: string): Promise<string>;
  /** For the Graph simulator: the tenant of a valid app-only Graph token, or null. */
  verifyGraphToken(
    authorization: string | undefined,
  ): Promise<{ tenantId: string; roles: string[] } | null>;
  /** Serves `/identity/...`; returns false when the path is not the issuer's. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

export async function createIdentityIssuer(
  options: IdentityIssuerOptions,
): Promise<IdentityIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const issuerFor = (tenantId: string) => `${options.baseUrl}/${tenantId}/v2.0`;

  const sign = (
    claims: Record<string, unknown>,
    audience: string,
    tenantId: string,
    lifetime: number,
  ) =>
    new SignJWT({ ...claims, tid: tenantId, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuerFor(tenantId))
      .setAudience(audience)
      .setIssuedAt(nowSeconds() + Math.min(0, lifetime))
      .setNotBefore(nowSeconds() + Math.min(0, lifetime))
      .setExpirationTime(nowSeconds() + lifetime)
      .setJti(randomUUID())
      .sign(privateKey as KeyLike);

  // The claims Entra puts in a v2 Teams SSO access token for our API. `idtyp` is absent: Entra
  // emits that optional claim only in app-only tokens (as `app`), which is how the API tells them
  // apart together with `scp`, which app-only tokens never carry.
  const mintUserToken: IdentityIssuer['mintUserToken'] = (user, opts = {}) =>
    sign(
      {
        oid: user.id,
        name: user.displayName,
        preferred_username: user.userPrincipalName,
        scp: 'access_as_user',
        roles: user.isCareerBoardAdmin ? ['Admin'] : undefined,
      },
      opts.audience ?? options.apiAudience,
      user.tenantId,
      opts.expiresInSeconds ?? TOKEN_LIFETIME_SECONDS,
    );

  const mintAppToken = (tenantId: string, audience: string = GRAPH_AUDIENCE) =>
    sign(
      {
        oid: options.clientId,
        appid: options.clientId,
        azp: options.clientId,
        roles: audience === GRAPH_AUDIENCE ? APP_ROLES : [],
        idtyp: 'app',
      },
      audience,
      tenantId,
      TOKEN_LIFETIME_SECONDS,
    );

  const verifyGraphToken: IdentityIssuer['verifyGraphToken'] = async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, publicKey, {
        algorithms: ['RS256'],
        audience: GRAPH_AUDIENCE,
      });
      const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
      if (payload.iss !== issuerFor(tenantId)) return null;
      const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
      return { tenantId, roles };
    } catch {
      return null;
    }
  };

  const handle: IdentityIssuer['handle'] = async (req, res, path) => {
    if (!path.startsWith('/identity/')) return false;
    if (req.method === 'GET' && path === '/identity/.well-known/openid-configuration') {
      sendJson(res, 200, {
        issuer: `${options.baseUrl}/{tenantid}/v2.0`,
        jwks_uri: `${options.baseUrl}/discovery/v2.0/keys`,
        token_endpoint: `${options.baseUrl}/token`,
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['token'],
        subject_types_supported: ['pairwise'],
        claims_supported: [
          'oid',
          'tid',
          'name',
          'preferred_username',
          'aud',
          'iss',
          'iat',
          'exp',
          'ver',
          'roles',
          'scp',
          'idtyp',
        ],
      });
      return true;
    }
    if (req.method === 'GET' && path === '/identity/discovery/v2.0/keys') {
      sendJson(res, 200, { keys: [jwk] }, { 'Cache-Control': 'public, max-age=3600' });
      return true;
    }
    if (req.method === 'POST' && path === '/identity/token') {
      await issueUserToken(req, res);
      return true;
    }
    const clientCredentials = /^\/identity\/([0-9a-f-]{36})\/oauth2\/v2\.0\/token$/i.exec(path);
    if (req.method === 'POST' && clientCredentials) {
      await issueAppToken(req, res, clientCredentials[1].toLowerCase());
      return true;
    }
    sendJson(res, 404, {
      error: 'not_found',
      error_description: `No identity endpoint at ${path}`,
    });
    return true;
  };

  async function issueUserToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = parseJson(await readBody(req, 16 * 1024));
    } catch {
      sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'Body must be JSON: {"userId": "<id>"}',
      });
      return;
    }
    const userId =
      typeof body === 'object' && body !== null ? (body as { userId?: unknown }).userId : undefined;
    if (typeof userId !== 'string') {
      sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'Body must be JSON: {"userId": "<id>"}',
      });
      return;
    }
    const user = options.directory().users.find((u) => u.id === userId.toLowerCase());
    if (!user) {
      sendJson(res, 404, {
        error: 'unknown_user',
        error_description: `No demo user with id ${userId}`,
      });
      return;
    }
    if (!user.accountEnabled) {
      sendJson(res, 403, {
        error: 'user_disabled',
        error_description: `${user.displayName}'s account is disabled`,
      });
      return;
    }
    sendJson(res, 200, {
      access_token: await mintUserToken(user),
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
    });
  }

  async function issueAppToken(
    req: IncomingMessage,
    res: ServerResponse,
    tenantId: string,
  ): Promise<void> {
    const form = new URLSearchParams(await readBody(req, 16 * 1024));
    if (
      form.get('grant_type') !== 'client_credentials' ||
      form.get('client_id') !== options.clientId ||
      form.get('client_secret') !== options.clientSecret
    ) {
      sendJson(res, 401, {
        error: 'invalid_client',
        error_description: 'Unknown client or wrong secret',
      });
      return;
    }
    // As Entra: `{resource}/.default` picks the audience; Graph when no scope is given.
    const scope = form.get('scope') ?? `${GRAPH_AUDIENCE}/.default`;
    const audience = [GRAPH_AUDIENCE, options.apiAudience].find((a) => scope === `${a}/.default`);
    if (!audience) {
      sendJson(res, 400, {
        error: 'invalid_scope',
        error_description: `Ask for ${GRAPH_AUDIENCE}/.default or ${options.apiAudience}/.default`,
      });
      return;
    }
    if (!options.directory().tenants.some((t) => t.id === tenantId)) {
      sendJson(res, 400, {
        error: 'invalid_tenant',
        error_description: `Unknown tenant ${tenantId}`,
      });
      return;
    }
    sendJson(res, 200, {
      access_token: await mintAppToken(tenantId, audience),
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
    });
  }

  return { issuerFor, mintUserToken, mintAppToken, verifyGraphToken, handle };
}
