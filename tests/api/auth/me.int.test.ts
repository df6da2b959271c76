import { SignJWT, UnsecuredJWT, decodeJwt, generateKeyPair } from 'jose';

import { LOCAL_APP_CLIENT_ID, LOCAL_APP_SECRET } from '../../../api/src/local/localConfig';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { startTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const employee = () => stack.orgStore.snapshot().users.find((u) => u.id === DEMO.contoso.employee)!;

async function forgedToken(
  overrides: { audience?: string; issuerTenant?: string; tid?: string } = {},
): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  const user = employee();
  const tid = overrides.tid ?? user.tenantId;
  return new SignJWT({
    oid: user.id,
    tid,
    name: user.displayName,
    preferred_username: user.userPrincipalName,
    ver: '2.0',
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'attacker' })
    .setIssuer(stack.issuer.issuerFor(overrides.issuerTenant ?? tid))
    .setAudience(overrides.audience ?? stack.config.auth.audiences[0])
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

function expectRefused(
  result: { status: number; contentType: string; body: unknown; headers: Headers },
  detail: RegExp,
) {
  expect(result.status).toBe(401);
  expect(result.contentType).toContain('application/problem+json');
  expect(result.headers.get('www-authenticate')).toBe('Bearer');
  expect(result.body).toMatchObject({
    status: 401,
    title: 'Sign-in required',
    detail: expect.stringMatching(detail),
  });
}

describe('GET /api/me', () => {
  it("returns the signed-in person's name, manager and direct reports from the org chart", async () => {
    const result = await stack.call<{
      id: string;
      displayName: string;
      manager: { id: string } | null;
      directReports: unknown[];
      tenantId: string;
    }>('/me', { as: DEMO.contoso.manager });
    expect(result.status).toBe(200);
    const snapshot = stack.orgStore.snapshot();
    const me = snapshot.users.find((u) => u.id === DEMO.contoso.manager)!;
    expect(result.body.displayName).toBe(me.displayName);
    expect(result.body.tenantId).toBe(me.tenantId);
    expect(result.body.manager?.id).toBe(me.managerId);
    const reports = snapshot.users.filter(
      (u) => u.managerId === me.id && u.accountEnabled && u.userType === 'Member',
    );
    expect(result.body.directReports).toHaveLength(reports.length);
  });

  it('refuses a request without a token', async () => {
    expectRefused(await stack.call('/me'), /no access token/);
  });

  it('refuses a malformed Authorization header', async () => {
    expectRefused(await stack.call('/me', { headers: { Authorization: 'Basic abc' } }), /Bearer/);
  });

  it('refuses an expired token', async () => {
    const token = await stack.tokenFor(DEMO.contoso.employee, { expiresInSeconds: -600 });
    expectRefused(await stack.call('/me', { token }), /expired/);
  });

  it('refuses a token signed by another key', async () => {
    expectRefused(await stack.call('/me', { token: await forgedToken() }), /unknown key|signature/);
  });

  it('refuses a token for another audience', async () => {
    // Signed by the real issuer: only the audience is wrong.
    const token = await stack.tokenFor(DEMO.contoso.employee, { audience: 'api://someone-else' });
    expectRefused(await stack.call('/me', { token }), /aud claim/);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const user = employee();
    const token = new UnsecuredJWT({ oid: user.id, tid: user.tenantId, name: user.displayName })
      .setIssuer(stack.issuer.issuerFor(user.tenantId))
      .setAudience(stack.config.auth.audiences[0])
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    expectRefused(await stack.call('/me', { token }), /algorithm/);
  });

  it('refuses a token whose tenant was altered after signing', async () => {
    const valid = await stack.tokenFor(DEMO.contoso.employee);
    // Re-sign is impossible without the key, so tamper with the payload: the signature breaks.
    const [header, payload, signature] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    claims.tid = DEMO.fabrikam.tenantId;
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expectRefused(await stack.call('/me', { token: tampered }), /signature/);
  });
});

describe('app-only tokens', () => {
  it('refuses a client-credentials token the local issuer minted for the API itself', async () => {
    const tenantId = DEMO.contoso.tenantId;
    const response = await fetch(`${stack.urls.dev}/identity/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: LOCAL_APP_CLIENT_ID,
        client_secret: LOCAL_APP_SECRET,
        scope: `${stack.config.auth.audiences[0]}/.default`,
      }),
    });
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    const claims = decodeJwt(token);
    // Signed by the trusted issuer, for our audience, with an oid: only its kind is wrong.
    expect(claims).toMatchObject({ aud: stack.config.auth.audiences[0], idtyp: 'app' });
    expect(claims.scp).toBeUndefined();
    expectRefused(await stack.call('/me', { token }), /app-only/);
    expectRefused(await stack.call(`/boards/${DEMO.contoso.employee}`, { token }), /app-only/);
  });

  it("still issues the app's own Graph token, which the Graph simulator accepts", async () => {
    const token = await stack.issuer.mintAppToken(DEMO.contoso.tenantId);
    expect(await stack.issuer.verifyGraphToken(`Bearer ${token}`)).toMatchObject({
      tenantId: DEMO.contoso.tenantId,
    });
    // And the API's Graph calls work: /me reads the org chart through it.
    expect((await stack.call('/me', { as: DEMO.contoso.employee })).status).toBe(200);
  });

  it('gives user tokens the claims of a Teams SSO token: scp access_as_user, no idtyp', async () => {
    const claims = decodeJwt(await stack.tokenFor(DEMO.contoso.employee));
    expect(claims).toMatchObject({
      scp: 'access_as_user',
      oid: DEMO.contoso.employee,
      tid: DEMO.contoso.tenantId,
      ver: '2.0',
    });
    expect(claims.idtyp).toBeUndefined();
  });
});

describe('GET /api/health', () => {
  it('reports Cosmos DB and Graph reachable without a token', async () => {
    const result = await stack.call<{
      status: string;
      cosmos: { ok: boolean };
      graph: { ok: boolean };
    }>('/health');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: 'healthy',
      cosmos: { ok: true },
      graph: { ok: true },
    });
  });
});
