import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import type { JWK } from 'jose';

import { createTokenValidator } from '../../../api/src/auth/tokenValidator';
import { buildAzureConfig } from '../../../api/src/config';
import { Problem } from '../../../api/src/errors/problem';

/**
 * Production token validation, with locally minted keys standing in for Entra ID's JWKS: the same
 * validator and the Azure configuration, so only the key source differs from production.
 */

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const APP_ID_URI = `api://careerboard.example/${CLIENT_ID}`;
const USER = '0f0f0f0f-1111-4222-8333-444444444444';

const config = buildAzureConfig({
  COSMOS_ENDPOINT: 'https://career.documents.azure.com:443/',
  AAD_APP_CLIENT_ID: CLIENT_ID,
  AAD_APP_ID_URI: APP_ID_URI,
  ALLOWED_TENANTS: TENANT,
  TAB_ORIGIN: 'https://tab.careerboard.example',
  TAB_PUBLIC_URL: 'https://tab.careerboard.example/',
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
});

let entraKey: CryptoKey;
let strangerKey: CryptoKey;
let validate: ReturnType<typeof createTokenValidator>;

beforeAll(async () => {
  const entra = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  entraKey = entra.privateKey as CryptoKey;
  strangerKey = stranger.privateKey as CryptoKey;
  const jwk: JWK = {
    ...(await exportJWK(entra.publicKey)),
    kid: 'entra-key',
    alg: 'RS256',
    use: 'sig',
  };
  validate = createTokenValidator(config.auth, createLocalJWKSet({ keys: [jwk] }));
});

interface TokenShape {
  version?: '1.0' | '2.0';
  tid?: string;
  issuerTenant?: string;
  audience?: string;
  expiresIn?: number;
  /** Seconds from now the token says it was issued (default a minute ago). */
  issuedIn?: number;
  key?: CryptoKey;
  kid?: string;
  /** Claims to add or replace; `undefined` removes one. */
  claims?: Record<string, unknown>;
}

function token(shape: TokenShape = {}): Promise<string> {
  const version = shape.version ?? '2.0';
  const tid = shape.tid ?? TENANT;
  const issuerTenant = shape.issuerTenant ?? tid;
  const issuer =
    version === '2.0'
      ? `https://login.microsoftonline.com/${issuerTenant}/v2.0`
      : `https://sts.windows.net/${issuerTenant}/`;
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    oid: USER,
    tid,
    name: 'Nia Adeyemi',
    preferred_username: 'nia@contoso.example',
    ver: version,
    scp: 'access_as_user',
    ...shape.claims,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: shape.kid ?? 'entra-key' })
    .setIssuer(issuer)
    .setAudience(shape.audience ?? (version === '2.0' ? CLIENT_ID : APP_ID_URI))
    .setIssuedAt(now + (shape.issuedIn ?? -60))
    .setExpirationTime(now + (shape.expiresIn ?? 3600))
    .sign(shape.key ?? entraKey);
}

async function refusal(authorization: string): Promise<string> {
  try {
    await validate(authorization);
  } catch (error) {
    if (error instanceof Problem && error.status === 401) return error.detail;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('production token validation', () => {
  it('accepts a v2 token (issuer login.microsoftonline.com/{tid}/v2.0, audience the client id)', async () => {
    await expect(validate(`Bearer ${await token()}`)).resolves.toMatchObject({
      userId: USER,
      tenantId: TENANT,
      displayName: 'Nia Adeyemi',
    });
  });

  it('accepts a v1 token (issuer sts.windows.net/{tid}/, audience the app id URI)', async () => {
    await expect(validate(`Bearer ${await token({ version: '1.0' })}`)).resolves.toMatchObject({
      userId: USER,
    });
  });

  it('refuses a tenant that is not on the allow-list', async () => {
    expect(await refusal(`Bearer ${await token({ tid: OTHER_TENANT })}`)).toMatch(
      /not enabled Career Board/,
    );
  });

  it("refuses a token whose issuer is another tenant's than its tid", async () => {
    expect(await refusal(`Bearer ${await token({ issuerTenant: OTHER_TENANT })}`)).toMatch(/iss/);
  });

  it('refuses another audience', async () => {
    expect(await refusal(`Bearer ${await token({ audience: 'api://someone-else' })}`)).toMatch(
      /aud/,
    );
  });

  it('refuses an expired token', async () => {
    expect(await refusal(`Bearer ${await token({ expiresIn: -600 })}`)).toMatch(/expired/);
  });

  it('refuses a token issued in the future, beyond the clock skew', async () => {
    expect(await refusal(`Bearer ${await token({ issuedIn: 3600, expiresIn: 7200 })}`)).toMatch(
      /iat claim rejected/,
    );
    expect(
      await refusal(
        `Bearer ${await token({ issuedIn: 10 * 365 * 86400, expiresIn: 10 * 365 * 86400 + 3600 })}`,
      ),
    ).toMatch(/iat claim rejected/);
  });

  it('refuses a token not valid until later', async () => {
    const nbf = Math.floor(Date.now() / 1000) + 3600;
    expect(await refusal(`Bearer ${await token({ claims: { nbf } })}`)).toMatch(/nbf/);
  });

  it('refuses a lifetime longer than Entra issues (28 h with CAE), accepts one within it', async () => {
    expect(await refusal(`Bearer ${await token({ expiresIn: 5 * 365 * 86400 })}`)).toMatch(
      /exp claim rejected/,
    );
    expect(await refusal(`Bearer ${await token({ expiresIn: 28 * 3600 })}`)).toMatch(
      /exp claim rejected/,
    );
    await expect(
      validate(`Bearer ${await token({ expiresIn: 27 * 3600 })}`),
    ).resolves.toMatchObject({
      userId: USER,
    });
    await expect(validate(`Bearer ${await token({ issuedIn: 30 })}`)).resolves.toMatchObject({
      userId: USER,
    });
  });

  it('refuses alg: none', async () => {
    const unsigned = new UnsecuredJWT({ oid: USER, tid: TENANT })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    expect(await refusal(`Bearer ${unsigned}`)).toMatch(/algorithm/);
  });

  it('refuses a token signed by a key Entra does not publish', async () => {
    expect(await refusal(`Bearer ${await token({ key: strangerKey })}`)).toMatch(
      /signature|unknown key/,
    );
    expect(await refusal(`Bearer ${await token({ key: strangerKey, kid: 'other' })}`)).toMatch(
      /unknown key|signature/,
    );
  });

  it('refuses a tid that is not a GUID', async () => {
    expect(await refusal(`Bearer ${await token({ tid: 'common' })}`)).toMatch(/tenant/);
  });

  it('refuses an app-only (client credentials) token for our audience: idtyp app, roles, no scp', async () => {
    const appOnly = await token({
      claims: {
        oid: 'abababab-1111-4222-8333-444444444444',
        idtyp: 'app',
        roles: ['Admin'],
        scp: undefined,
        name: undefined,
        preferred_username: undefined,
      },
    });
    expect(await refusal(`Bearer ${appOnly}`)).toMatch(/app-only/);
  });

  it('refuses a token with no delegated scope even without idtyp (the optional claim missing)', async () => {
    const noScope = await token({ claims: { scp: undefined, roles: ['Admin'] } });
    expect(await refusal(`Bearer ${noScope}`)).toMatch(/scp/);
  });

  it('refuses a user token that was not granted access_as_user', async () => {
    expect(await refusal(`Bearer ${await token({ claims: { scp: 'User.Read' } })}`)).toMatch(
      /access_as_user/,
    );
    // A scope that merely contains the name is not the scope.
    expect(
      await refusal(`Bearer ${await token({ claims: { scp: 'access_as_user_admin' } })}`),
    ).toMatch(/access_as_user/);
  });

  it('accepts access_as_user among several scopes, with or without idtyp user', async () => {
    for (const claims of [{ scp: 'User.Read access_as_user' }, { idtyp: 'user' }]) {
      await expect(validate(`Bearer ${await token({ claims })}`)).resolves.toMatchObject({
        userId: USER,
      });
    }
  });
});
