import { createGraphClient } from '../../../../api/src/graph/graphClient';
import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import type { DevUser } from '../../../../api/src/local/graph-simulator/devUsers';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';

const { contoso, fabrikam } = DEMO;
let server: SimulatorServer;

beforeEach(async () => {
  server = await startSimulatorServer(buildDemoDirectory(new Date('2025-05-14T10:00:00Z')));
});
afterEach(() => server.close());

const devUsers = async () =>
  (await (await fetch(`${server.origin}/dev/users`)).json()) as DevUser[];

async function patch(id: string, body: unknown) {
  const response = await fetch(`${server.origin}/dev/users/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('GET /dev/users', () => {
  it('lists every demo person of every tenant with the fields the sign-in picker needs', async () => {
    const users = await devUsers();
    expect(users).toHaveLength(51);
    expect(new Set(users.map((u) => u.tenantId))).toEqual(
      new Set([contoso.tenantId, fabrikam.tenantId]),
    );
    expect(users.find((u) => u.id === contoso.employee)).toEqual({
      id: contoso.employee,
      tenantId: contoso.tenantId,
      displayName: 'Nia Adeyemi',
      mail: 'nia.adeyemi@contoso.example',
      userPrincipalName: 'nia.adeyemi@contoso.example',
      jobTitle: 'Software Engineer',
      department: 'Engineering',
      managerId: contoso.manager,
      accountEnabled: true,
      userType: 'Member',
      isCareerBoardAdmin: false,
    });
    expect(users.find((u) => u.id === contoso.ceo)?.managerId).toBeNull();
    expect(users.find((u) => u.id === contoso.guest)?.userType).toBe('Guest');
  });
});

describe('PATCH /dev/users/{id}', () => {
  it('moves a person to a new manager, and Graph reports the new manager', async () => {
    const response = await patch(contoso.employee, {
      managerId: contoso.bigTeamManager,
      jobTitle: 'Support Engineer',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      managerId: contoso.bigTeamManager,
      jobTitle: 'Support Engineer',
    });
    const graph = createGraphClient({
      baseUrl: server.graphBaseUrl,
      getAccessToken: () => server.issuer.mintAppToken(contoso.tenantId),
    });
    const manager = (await graph.api(`/users/${contoso.employee}/manager`).select('id').get()) as {
      id: string;
    };
    expect(manager.id).toBe(contoso.bigTeamManager);
    expect((await devUsers()).find((u) => u.id === contoso.employee)?.managerId).toBe(
      contoso.bigTeamManager,
    );
  });

  it('disables an account and removes a manager', async () => {
    expect(
      (await patch(contoso.peer, { accountEnabled: false, managerId: null })).body,
    ).toMatchObject({
      accountEnabled: false,
      managerId: null,
    });
  });

  it('answers 400 with problem details for a body that is not a valid change', async () => {
    const cases: unknown[] = [
      {},
      { managerId: 'not-a-guid' },
      { accountEnabled: 'yes' },
      { jobTitle: '   ' },
      { displayName: 'Someone Else' },
      [],
      'not json',
    ];
    for (const body of cases) {
      const response = await patch(contoso.employee, body);
      expect(response.status).toBe(400);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 400,
        title: 'Invalid request',
        detail: expect.any(String),
      });
    }
    const unknownField = await patch(contoso.employee, { displayName: 'Someone Else' });
    expect(unknownField.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/displayName/) }),
    ]);
  });

  it('answers 400 for a manager the org chart cannot have, and leaves the person as they were', async () => {
    for (const managerId of [
      fabrikam.manager,
      contoso.employee,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const response = await patch(contoso.manager, { managerId });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'managerId' })]);
    }
    expect((await devUsers()).find((u) => u.id === contoso.manager)?.managerId).toBe(
      contoso.skipLevel,
    );
  });

  it('answers 404 for an unknown user and 405 for other methods', async () => {
    expect((await patch('00000000-0000-4000-8000-000000000000', { jobTitle: 'x' })).status).toBe(
      404,
    );
    const post = await fetch(`${server.origin}/dev/users`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });
});
