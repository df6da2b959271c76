import type { Client } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, User } from '@microsoft/microsoft-graph-types';

import { createGraphClient } from '../../../../api/src/graph/graphClient';
import { DEMO, buildDemoDirectory } from '../../../../api/src/local/demo-org/demoDirectory';
import { createIdentityIssuer } from '../../../../api/src/local/identityIssuer';
import { oneOnOneChatId } from '../../../../api/src/local/graph-simulator/graphSimulator';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';

const { contoso, fabrikam } = DEMO;

let server: SimulatorServer;
let graph: Client;
let graphAs: (tenantId: string) => Client;

beforeAll(async () => {
  server = await startSimulatorServer(buildDemoDirectory(new Date('2025-05-14T10:00:00Z')));
  graphAs = (tenantId) =>
    createGraphClient({
      baseUrl: server.graphBaseUrl,
      getAccessToken: () => server.issuer.mintAppToken(tenantId),
    });
  graph = graphAs(contoso.tenantId);
});
afterAll(() => server.close());

/** The status and Graph error of a failing SDK call. */
async function failure(
  call: Promise<unknown>,
): Promise<{ statusCode: number; code: string; body: string }> {
  try {
    await call;
  } catch (error) {
    return error as { statusCode: number; code: string; body: string };
  }
  throw new Error('expected the Graph call to fail');
}

async function rawGet(path: string, authorization?: string) {
  const response = await fetch(`${server.origin}/graph/v1.0${path}`, {
    headers: authorization ? { Authorization: authorization } : {},
  });
  return {
    status: response.status,
    body: (await response.json()) as { error?: { code: string; message: string } },
  };
}

describe('authentication', () => {
  it('answers 401 in Graph’s error shape when there is no token', async () => {
    const { status, body } = await rawGet('/users');
    expect(status).toBe(401);
    expect(body).toEqual({
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token is empty.',
        innerError: expect.objectContaining({
          'request-id': expect.any(String),
          date: expect.any(String),
        }),
      },
    });
  });

  it('answers 401 to a token signed by another key or minted for another audience', async () => {
    const impostor = await createIdentityIssuer({
      baseUrl: `${server.origin}/identity`,
      apiAudience: 'api://career-board-tests',
      clientId: 'x',
      clientSecret: 'y',
      directory: () => server.store.snapshot(),
    });
    const forged = await rawGet(
      '/users',
      `Bearer ${await impostor.mintAppToken(contoso.tenantId)}`,
    );
    expect(forged.status).toBe(401);
    expect(forged.body.error?.code).toBe('InvalidAuthenticationToken');

    const employee = server.store.getUser(contoso.tenantId, contoso.employee);
    if (!employee) throw new Error('demo employee missing');
    const userToken = await rawGet(
      '/users',
      `Bearer ${await server.issuer.mintUserToken(employee)}`,
    );
    expect(userToken.status).toBe(401);
  });

  it('lets a tenant’s token see only its own tenant', async () => {
    const fabrikamGraph = graphAs(fabrikam.tenantId);
    const error = await failure(fabrikamGraph.api(`/users/${contoso.employee}`).get());
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('Request_ResourceNotFound');
    const page = (await fabrikamGraph.api('/users').get()) as { value: User[] };
    expect(page.value.map((u) => u.id)).toContain(fabrikam.employee);
    expect(page.value).toHaveLength(6);
  });
});

describe('GET /users', () => {
  it('returns Graph’s default properties and an absolute nextLink in pages of 100', async () => {
    const page = (await graph.api('/users').top(10).get()) as {
      value: User[];
      '@odata.nextLink'?: string;
    };
    expect(page.value).toHaveLength(10);
    expect(Object.keys(page.value[0]).sort()).toEqual(
      [
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    expect(page['@odata.nextLink']).toMatch(
      new RegExp(`^${server.origin}/graph/v1\\.0/users\\?\\$skiptoken=`),
    );
    const all = (await graph.api('/users').get()) as { value: User[]; '@odata.nextLink'?: string };
    expect(all.value).toHaveLength(45);
    expect(all['@odata.nextLink']).toBeUndefined();
  });

  it('trims each user to the $select list (id always included)', async () => {
    const page = (await graph.api('/users').select('displayName,accountEnabled').top(5).get()) as {
      value: User[];
    };
    for (const user of page.value)
      expect(Object.keys(user).sort()).toEqual(['accountEnabled', 'displayName', 'id']);
  });

  it('excludes disabled accounts with $filter=accountEnabled eq true', async () => {
    const page = (await graph
      .api('/users')
      .filter('accountEnabled eq true')
      .select('id')
      .get()) as { value: User[] };
    const ids = page.value.map((u) => u.id);
    expect(ids).toHaveLength(44);
    expect(ids).not.toContain(contoso.disabled);
    expect(ids).toContain(contoso.employee);
  });

  it('refuses $top above 999, unknown properties and unsupported filters with a 400', async () => {
    const tooMany = await failure(graph.api('/users').top(1000).get());
    expect(tooMany).toMatchObject({ statusCode: 400, code: 'Request_UnsupportedQuery' });
    const unknown = await failure(graph.api('/users').select('id,favouriteColour').get());
    expect(unknown).toMatchObject({ statusCode: 400, code: 'Request_UnsupportedQuery' });
    const filter = await failure(graph.api('/users').filter("department eq 'Sales'").get());
    expect(filter.statusCode).toBe(400);
  });
});

describe('a user, their manager and their reports', () => {
  it('reads a user by id or user principal name, with $select', async () => {
    const byId = (await graph
      .api(`/users/${contoso.employee}`)
      .select('displayName,department')
      .get()) as User;
    expect(byId).toMatchObject({
      id: contoso.employee,
      displayName: 'Nia Adeyemi',
      department: 'Engineering',
    });
    expect(byId.mail).toBeUndefined();
    const byUpn = (await graph
      .api('/users/nia.adeyemi@contoso.example')
      .select('id')
      .get()) as User;
    expect(byUpn.id).toBe(contoso.employee);
  });

  it('renders mailbox settings as Exchange does, and has none for a user without a mailbox', async () => {
    const user = (await graph
      .api(`/users/${contoso.partTimer}`)
      .select('mailboxSettings')
      .get()) as User;
    expect(user.mailboxSettings?.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday'],
      startTime: '09:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: 'Europe/Berlin' },
    });
    const noMailbox = (await graph
      .api(`/users/${contoso.noMailbox}`)
      .select('mail,mailboxSettings')
      .get()) as User;
    expect(noMailbox.mail).toBeNull();
    expect(noMailbox.mailboxSettings).toBeUndefined();
    const error = await failure(graph.api(`/users/${contoso.noMailbox}/mailboxSettings`).get());
    expect(error).toMatchObject({ statusCode: 404, code: 'MailboxNotEnabledForRESTAPI' });
  });

  it('returns the manager as a directory object, and 404 for someone without one', async () => {
    const manager = (await graph
      .api(`/users/${contoso.employee}/manager`)
      .select('id,displayName')
      .get()) as User & {
      '@odata.type': string;
    };
    expect(manager).toMatchObject({ '@odata.type': '#microsoft.graph.user', id: contoso.manager });
    const error = await failure(graph.api(`/users/${contoso.ceo}/manager`).get());
    expect(error).toMatchObject({ statusCode: 404, code: 'Request_ResourceNotFound' });
    expect(JSON.parse(error.body)).toMatchObject({
      message:
        "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
      innerError: { 'request-id': expect.any(String) },
    });
  });

  it('pages through a big team’s direct reports', async () => {
    const first = (await graph
      .api(`/users/${contoso.bigTeamManager}/directReports`)
      .select('id')
      .top(10)
      .get()) as {
      value: User[];
      '@odata.nextLink'?: string;
    };
    expect(first.value).toHaveLength(10);
    const ids = first.value.map((u) => u.id);
    let next = first['@odata.nextLink'];
    while (next) {
      const page = (await graph.api(next).get()) as { value: User[]; '@odata.nextLink'?: string };
      ids.push(...page.value.map((u) => u.id));
      next = page['@odata.nextLink'];
    }
    expect(new Set(ids).size).toBe(22);
  });

  it('answers 404 for an unknown user and 400 for an unknown segment', async () => {
    expect(
      (await failure(graph.api('/users/00000000-0000-0000-0000-000000000000').get())).statusCode,
    ).toBe(404);
    const segment = await failure(graph.api('/applications').get());
    expect(segment).toMatchObject({ statusCode: 400, code: 'BadRequest' });
  });
});

describe('GET /chats/{id}/members', () => {
  it('lists the two people of a manager–report 1:1 chat as aadUserConversationMembers', async () => {
    const chatId = oneOnOneChatId(contoso.manager, contoso.employee);
    const page = (await graph.api(`/chats/${encodeURIComponent(chatId)}/members`).get()) as {
      '@odata.count': number;
      value: (AadUserConversationMember & { '@odata.type': string })[];
    };
    expect(page['@odata.count']).toBe(2);
    expect(page.value.map((m) => m.userId).sort()).toEqual(
      [contoso.employee, contoso.manager].sort(),
    );
    expect(page.value.find((m) => m.userId === contoso.employee)).toEqual({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      id: expect.any(String),
      roles: ['owner'],
      displayName: 'Nia Adeyemi',
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      userId: contoso.employee,
      email: 'nia.adeyemi@contoso.example',
      tenantId: contoso.tenantId,
    });
  });

  it('lists the two people of any 1:1 chat in the tenant, manager and report or not', async () => {
    // Peers chat too, as in Teams; whether they are a pair is the API's question, not Graph's.
    const peers = oneOnOneChatId(contoso.employee, contoso.peer);
    const page = (await graph.api(`/chats/${encodeURIComponent(peers)}/members`).get()) as {
      value: AadUserConversationMember[];
    };
    expect(page.value.map((m) => m.userId).sort()).toEqual([contoso.employee, contoso.peer].sort());
    const skipLevel = oneOnOneChatId(contoso.bigTeamManager, contoso.employee);
    const other = (await graph.api(`/chats/${encodeURIComponent(skipLevel)}/members`).get()) as {
      value: AadUserConversationMember[];
    };
    expect(other.value).toHaveLength(2);
  });

  it('answers 404 for a chat id that is not a 1:1 chat, names someone unknown, or is in another tenant', async () => {
    const garbage = await failure(graph.api('/chats/19%3Anot-a-chat%40thread.v2/members').get());
    expect(garbage).toMatchObject({ statusCode: 404, code: 'Request_ResourceNotFound' });
    const stranger = oneOnOneChatId(contoso.employee, '00000000-0000-4000-8000-000000000000');
    expect(
      (await failure(graph.api(`/chats/${encodeURIComponent(stranger)}/members`).get())).statusCode,
    ).toBe(404);
    const withSelf = `19:${contoso.employee}_${contoso.employee}@unq.gbl.spaces`;
    expect(
      (await failure(graph.api(`/chats/${encodeURIComponent(withSelf)}/members`).get())).statusCode,
    ).toBe(404);
    // The ids in the wrong order are not how Teams builds the id: not found either.
    const [first, second] = [contoso.manager, contoso.employee].sort();
    const unsorted = `19:${second}_${first}@unq.gbl.spaces`;
    expect(
      (await failure(graph.api(`/chats/${encodeURIComponent(unsorted)}/members`).get())).statusCode,
    ).toBe(404);
    const pair = oneOnOneChatId(contoso.manager, contoso.employee);
    const fabrikamGraph = graphAs(fabrikam.tenantId);
    expect(
      (await failure(fabrikamGraph.api(`/chats/${encodeURIComponent(pair)}/members`).get()))
        .statusCode,
    ).toBe(404);
  });
});
