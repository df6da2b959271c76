import { routes } from '../../../api/src/http/routes';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { oneOnOneChatId } from '../../../api/src/local/graph-simulator/graphSimulator';
import { addAspiration, addConversation, clearBoard } from '../../support/boardFixtures';
import { startTestStack } from '../../support/testStack';
import type { ApiCall, TestStack } from '../../support/testStack';

/**
 * Every route × every kind of caller, with the status each must get. The table is checked against
 * the route table, so a new route cannot be added without deciding who may call it.
 */

const PERSONAS = [
  'employee',
  'manager',
  'peer',
  'skipLevel',
  'admin',
  'otherTenant',
  'noToken',
  'expiredToken',
] as const;
type Persona = (typeof PERSONAS)[number];

interface Request {
  path: string;
  method: string;
  body?: unknown;
  headers?: Record<string, string>;
}

type Expectations = Record<Persona, number>;

let stack: TestStack;
const E = () => DEMO.contoso.employee;

const readers = (ok: number): Expectations => ({
  employee: ok,
  manager: ok,
  peer: 403,
  skipLevel: 403,
  admin: 403,
  otherTenant: 404,
  noToken: 401,
  expiredToken: 401,
});
const employeeOnly = (ok: number): Expectations => ({ ...readers(ok), manager: 403 });
const anyoneSignedIn = (ok: number): Expectations => ({
  employee: ok,
  manager: ok,
  peer: ok,
  skipLevel: ok,
  admin: ok,
  otherTenant: ok,
  noToken: 401,
  expiredToken: 401,
});

let created = 0;
async function withAspiration(
  build: (a: { id: string; etag: string; stepId: string }) => Request,
): Promise<Request> {
  if (++created % 40 === 0) await clearBoard(stack, E());
  const aspiration = await addAspiration(stack, E());
  return build({ id: aspiration.id, etag: aspiration.etag, stepId: aspiration.steps[0].id });
}

const base = () => `/boards/${E()}`;

const adminOnly = (ok: number): Expectations => ({
  employee: 403,
  manager: 403,
  peer: 403,
  skipLevel: 403,
  admin: ok,
  otherTenant: 403,
  noToken: 401,
  expiredToken: 401,
});

let conversation: { id: string; etag: string } | undefined;
async function withConversation(): Promise<{ id: string; etag: string }> {
  if (!conversation) {
    const record = await addConversation(stack, E(), DEMO.contoso.manager);
    conversation = { id: record.id, etag: `"${record._etag}"` };
  }
  return conversation;
}

const MATRIX: Record<string, { expect: Expectations; request: () => Promise<Request> }> = {
  health: {
    expect: { ...anyoneSignedIn(200), noToken: 200, expiredToken: 200 },
    request: async () => ({ path: '/health', method: 'GET' }),
  },
  me: { expect: anyoneSignedIn(200), request: async () => ({ path: '/me', method: 'GET' }) },
  team: { expect: anyoneSignedIn(200), request: async () => ({ path: '/team', method: 'GET' }) },
  chatPair: {
    expect: readers(200),
    request: async () => ({
      path: `/chats/${encodeURIComponent(oneOnOneChatId(E(), DEMO.contoso.manager))}/pair`,
      method: 'GET',
    }),
  },
  board: { expect: readers(200), request: async () => ({ path: base(), method: 'GET' }) },
  history: {
    expect: readers(200),
    request: async () => ({ path: `${base()}/history`, method: 'GET' }),
  },
  notesRead: {
    expect: readers(200),
    request: async () => ({ path: `${base()}/notes`, method: 'GET' }),
  },
  notesWrite: {
    expect: readers(200),
    request: async () => ({ path: `${base()}/notes`, method: 'PUT', body: { text: 'mine' } }),
  },
  aspirationCreate: {
    expect: employeeOnly(201),
    request: async () => ({
      path: `${base()}/aspirations`,
      method: 'POST',
      body: { kind: 'skill', horizon: '1y', title: 'Kotlin' },
    }),
  },
  aspirationUpdate: {
    expect: employeeOnly(200),
    request: () =>
      withAspiration((a) => ({
        path: `${base()}/aspirations/${a.id}`,
        method: 'PATCH',
        body: { title: 'Principal' },
        headers: { 'If-Match': a.etag },
      })),
  },
  aspirationDelete: {
    expect: employeeOnly(204),
    request: () =>
      withAspiration((a) => ({
        path: `${base()}/aspirations/${a.id}`,
        method: 'DELETE',
        headers: { 'If-Match': a.etag },
      })),
  },
  stepCreate: {
    expect: employeeOnly(201),
    request: () =>
      withAspiration((a) => ({
        path: `${base()}/aspirations/${a.id}/steps`,
        method: 'POST',
        body: { text: 'Read the book' },
      })),
  },
  stepUpdate: {
    expect: employeeOnly(200),
    request: () =>
      withAspiration((a) => ({
        path: `${base()}/aspirations/${a.id}/steps/${a.stepId}`,
        method: 'PATCH',
        body: { status: 'done' },
        headers: { 'If-Match': a.etag },
      })),
  },
  evidenceCreate: {
    expect: employeeOnly(201),
    request: () =>
      withAspiration((a) => ({
        path: `${base()}/aspirations/${a.id}/evidence`,
        method: 'POST',
        body: { text: 'Gave a talk', date: '2026-10-01' },
      })),
  },
  acknowledge: {
    expect: { ...readers(200), employee: 403 },
    request: () =>
      withAspiration((a) => ({
        path: `${base()}/aspirations/${a.id}/acknowledgement`,
        method: 'POST',
        body: { note: 'Will sponsor' },
      })),
  },
  settingsRead: {
    expect: adminOnly(200),
    request: async () => ({ path: '/settings', method: 'GET' }),
  },
  settingsWrite: {
    expect: adminOnly(200),
    request: async () => ({ path: '/settings', method: 'PUT', body: { dailyCap: 3 } }),
  },
  conversations: {
    expect: readers(200),
    request: async () => ({ path: `${base()}/conversations`, method: 'GET' }),
  },
  conversationUpdate: {
    expect: readers(200),
    request: async () => ({
      path: `${base()}/conversations/${(await withConversation()).id}`,
      method: 'PATCH',
      body: { privateNotes: 'only mine' },
    }),
  },
  commentCreate: {
    expect: readers(201),
    request: () =>
      withAspiration((a) => ({
        path: `${base()}/aspirations/${a.id}/comments`,
        method: 'POST',
        body: { text: 'Nice' },
      })),
  },
};

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

async function callAs(persona: Persona, request: Request) {
  const options: ApiCall = { method: request.method, body: request.body, headers: request.headers };
  switch (persona) {
    case 'noToken':
      break;
    case 'expiredToken':
      options.token = await stack.tokenFor(E(), { expiresInSeconds: -600 });
      break;
    case 'otherTenant':
      options.as = DEMO.fabrikam.employee;
      break;
    default:
      options.as = DEMO.contoso[persona];
  }
  return stack.call(request.path, options);
}

it('has a row for every route in the route table, and no row for a route that does not exist', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(routes.map((r) => r.name).sort());
});

describe.each(routes.map((r) => [r.name, r.methods.join(','), r.route] as const))(
  '%s (%s %s)',
  (name) => {
    it.each(PERSONAS.map((p) => [p] as const))('as %s', async (persona) => {
      const row = MATRIX[name];
      const result = await callAs(persona, await row.request());
      expect({ persona, status: result.status }).toEqual({ persona, status: row.expect[persona] });
      if (result.status >= 400) expect(result.contentType).toContain('application/problem+json');
    });
  },
);
