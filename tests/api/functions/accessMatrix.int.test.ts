import type { AspirationView } from '../../../api/src/contract/boardContract';
import type { RouteDefinition } from '../../../api/src/http/route';
import { routes } from '../../../api/src/functions/routes';
import { nextQuarter, quarterBounds, quarterOf } from '../../../api/src/domain/scheduling';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { oneOnOneChatId } from '../../../api/src/local/graph-simulator/graphSimulator';
import type { PickSuggestionsView } from '../../../api/src/contract/conversationContract';
import { addAspiration, addConversation, clearBoard } from '../../support/boardFixtures';
import { addMeetingConversation } from '../../support/meetingFixtures';
import { addUnbookedConversation } from '../../support/pickFixtures';
import { demoCast } from '../../support/demoCast';
import { startTestStack } from '../../support/testStack';
import type { ApiCall, TestStack } from '../../support/testStack';

/**
 * Every route × every kind of caller, with the status each must get. The table is checked against
 * the route table, so a new route cannot be added without deciding who may call it, and each row
 * only supplies values for its route's placeholders: the path is built from the route's own
 * template and the method must be one the route serves, so a row cannot test the wrong endpoint.
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
  /** Nia shared her whole board with Kavya as a sponsor (issue 13). */
  'sponsor',
  /** Nia shared her board with this colleague, then revoked it. */
  'revokedSponsor',
  /** Nia asked this colleague a question about one aspiration; nothing else is shared. */
  'asked',
] as const;
type Persona = (typeof PERSONAS)[number];

interface Request {
  /** A value for every `{placeholder}` of the route template, and nothing else. */
  params?: Record<string, string>;
  /** Defaults to the route's only method. */
  method?: string;
  /** Query parameters, appended to the path built from the template. */
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The row's request as sent: path from the route template, method checked against the route. */
function wire(route: RouteDefinition, request: Request): { path: string; method: string } {
  const placeholders = [...route.route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const given = Object.keys(request.params ?? {}).sort();
  if (JSON.stringify(given) !== JSON.stringify(placeholders)) {
    throw new Error(
      `Row ${route.name} gives params [${given.join(', ')}] for ${route.route} (needs [${placeholders.join(', ')}])`,
    );
  }
  const method = request.method ?? route.methods[0];
  if (!(route.methods as string[]).includes(method)) {
    throw new Error(
      `Row ${route.name} uses ${method}; the route serves ${route.methods.join(', ')}`,
    );
  }
  const path = route.route.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(request.params![name]),
  );
  const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
  return { path: `/${path}${query}`, method };
}

type Expectations = Record<Persona, number>;

let stack: TestStack;
const E = () => DEMO.contoso.employee;

/** The people Nia chose (or un-chose) beyond her manager: refused everywhere but their own routes. */
const CHOSEN_REFUSED = { sponsor: 403, revokedSponsor: 403, asked: 403 } as const;

const readers = (ok: number): Expectations => ({
  employee: ok,
  manager: ok,
  peer: 403,
  skipLevel: 403,
  admin: 403,
  otherTenant: 404,
  noToken: 401,
  expiredToken: 401,
  ...CHOSEN_REFUSED,
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
  sponsor: ok,
  revokedSponsor: ok,
  asked: ok,
});

let created = 0;
async function withAspiration(
  build: (a: {
    id: string;
    etag: string;
    stepId: string;
    evidenceId: string;
  }) => Request | Promise<Request>,
): Promise<Request> {
  if (++created % 40 === 0) await clearBoard(stack, E());
  const aspiration = await addAspiration(stack, E());
  const withEvidence = await stack.call<AspirationView>(
    `/boards/${E()}/aspirations/${aspiration.id}/evidence`,
    { as: E(), method: 'POST', body: { text: 'Gave a talk', date: '2026-10-01' } },
  );
  if (withEvidence.status !== 201)
    throw new Error(`Could not add evidence: ${withEvidence.status}`);
  return build({
    id: aspiration.id,
    etag: withEvidence.body.etag,
    stepId: aspiration.steps[0].id,
    evidenceId: withEvidence.body.evidence[0].id,
  });
}

const board = () => ({ employeeId: E() });

const adminOnly = (ok: number): Expectations => ({
  employee: 403,
  manager: 403,
  peer: 403,
  skipLevel: 403,
  admin: ok,
  otherTenant: 403,
  noToken: 401,
  expiredToken: 401,
  ...CHOSEN_REFUSED,
});

let conversation: { id: string; etag: string } | undefined;
async function withConversation(): Promise<{ id: string; etag: string }> {
  if (!conversation) {
    const record = await addConversation(stack, E(), DEMO.contoso.manager);
    conversation = { id: record.id, etag: `"${record._etag}"` };
  }
  return conversation;
}

let meetingChat: string | undefined;
/** The pair's Teams meeting, booked in the simulator: its chat id is what the side panel sends. */
async function withMeeting(): Promise<string> {
  meetingChat ??= (
    await addMeetingConversation(stack, E(), DEMO.contoso.manager, { quarter: '2026-Q3' })
  ).chatId;
  return meetingChat;
}

/** Only the pair's current manager picks the time of a conversation the pass could not book. */
const managerOnly = (ok: number): Expectations => ({ ...readers(ok), employee: 403 });

const DAY = 24 * 60 * 60 * 1000;

// Next quarter's, so it does not meet this quarter's booked conversation of the same pair.
let waiting: string | undefined;
let offeredSlot: { start: string; end: string } | undefined;
async function withWaitingConversation(): Promise<string> {
  waiting ??= (
    await addUnbookedConversation(stack, E(), DEMO.contoso.manager, {
      // Ten days into next quarter, whatever the date: its times are all still ahead.
      now: new Date(
        Date.parse(quarterBounds(nextQuarter(quarterOf(stack.services.now()))).start) + 10 * DAY,
      ),
    })
  ).id;
  return waiting;
}

/** Kavya (sponsor), a colleague whose share was revoked, and a colleague asked for advice. */
let cast: { sponsor: string; revokedSponsor: string; asked: string };
/** Whom the employee's own share rows share with and revoke: nobody else's access depends on it. */
const SHARE_TARGET = () => DEMO.contoso.ceo;

/** A fresh aspiration with a question asked of the `asked` persona: their way into the board. */
const withAdvice = (build: (a: { id: string; etag: string }) => Request) =>
  withAspiration(async (a) => {
    const asked = await stack.call(`/boards/${E()}/aspirations/${a.id}/advice`, {
      as: E(),
      method: 'POST',
      body: { personId: cast.asked, question: 'What would you need to see from me?' },
    });
    if (asked.status !== 201) throw new Error(`Could not ask for advice: ${asked.status}`);
    return build(a);
  });

async function shareWith(personId: string, present: boolean): Promise<void> {
  const result = present
    ? await stack.call(`/boards/${E()}/shares`, {
        as: E(),
        method: 'POST',
        body: { personId, relationship: 'sponsor' },
      })
    : await stack.call(`/boards/${E()}/shares/${personId}`, { as: E(), method: 'DELETE' });
  if (![201, 204, 404, 409].includes(result.status))
    throw new Error(`Could not set up the share: ${result.status}`);
}

/** Only the people Nia chose reach what she shared; everyone else as for her board. */
const sharedReaders = (): Expectations => ({
  ...readers(403),
  otherTenant: 404,
  noToken: 401,
  expiredToken: 401,
  sponsor: 200,
  asked: 200,
});

const MATRIX: Record<string, { expect: Expectations; request: () => Promise<Request> }> = {
  health: {
    expect: { ...anyoneSignedIn(200), noToken: 200, expiredToken: 200 },
    request: async () => ({}),
  },
  me: { expect: anyoneSignedIn(200), request: async () => ({}) },
  team: { expect: anyoneSignedIn(200), request: async () => ({}) },
  chatPair: {
    expect: readers(200),
    request: async () => ({ params: { chatId: oneOnOneChatId(E(), DEMO.contoso.manager) } }),
  },
  // The pair comes from the stored record of the meeting; the other tenant has no such meeting.
  meetingPanel: {
    expect: readers(200),
    request: async () => ({ params: { chatId: await withMeeting() } }),
  },
  board: { expect: readers(200), request: async () => ({ params: board() }) },
  history: {
    expect: readers(200),
    request: async () => ({ params: board() }),
  },
  notesRead: {
    expect: readers(200),
    request: async () => ({ params: board() }),
  },
  notesWrite: {
    expect: readers(200),
    request: async () => ({ params: board(), body: { text: 'mine' } }),
  },
  aspirationCreate: {
    expect: employeeOnly(201),
    request: async () => ({
      params: board(),
      body: { kind: 'skill', horizon: '1y', title: 'Kotlin' },
    }),
  },
  aspirationUpdate: {
    expect: employeeOnly(200),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id },
        body: { title: 'Principal' },
        headers: { 'If-Match': a.etag },
      })),
  },
  aspirationDelete: {
    expect: employeeOnly(204),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id },
        headers: { 'If-Match': a.etag },
      })),
  },
  stepCreate: {
    expect: employeeOnly(201),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id },
        body: { text: 'Read the book' },
      })),
  },
  stepUpdate: {
    expect: employeeOnly(200),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id, stepId: a.stepId },
        body: { status: 'done' },
        headers: { 'If-Match': a.etag },
      })),
  },
  stepDelete: {
    expect: employeeOnly(200),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id, stepId: a.stepId },
        headers: { 'If-Match': a.etag },
      })),
  },
  evidenceUpdate: {
    expect: employeeOnly(200),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id, evidenceId: a.evidenceId },
        body: { text: 'Gave a talk at the guild' },
        headers: { 'If-Match': a.etag },
      })),
  },
  evidenceDelete: {
    expect: employeeOnly(200),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id, evidenceId: a.evidenceId },
        headers: { 'If-Match': a.etag },
      })),
  },
  evidenceCreate: {
    expect: employeeOnly(201),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id },
        body: { text: 'Gave a talk', date: '2026-10-01' },
      })),
  },
  acknowledge: {
    expect: { ...readers(200), employee: 403 },
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id },
        body: { note: 'Will sponsor' },
        headers: { 'If-Match': a.etag },
      })),
  },
  settingsRead: {
    expect: adminOnly(200),
    request: async () => ({}),
  },
  adoption: {
    expect: adminOnly(200),
    request: async () => ({}),
  },
  // Group names are directory data an admin needs to choose the pilot; nobody else searches them.
  pilotGroupSearch: {
    expect: adminOnly(200),
    request: async () => ({ query: { search: 'Career' } }),
  },
  settingsWrite: {
    expect: adminOnly(200),
    // The local stack has saved Contoso's settings (its demo pilot), so a write names that version.
    request: async () => {
      const current = await stack.call('/settings', { as: DEMO.contoso.admin });
      return { body: { dailyCap: 3 }, headers: { 'If-Match': current.headers.get('ETag') ?? '' } };
    },
  },
  conversations: {
    expect: readers(200),
    request: async () => ({ params: board() }),
  },
  conversationUpdate: {
    expect: readers(200),
    request: async () => ({
      params: { ...board(), conversationId: (await withConversation()).id },
      body: { privateNotes: 'only mine' },
    }),
  },
  conversationSlots: {
    expect: managerOnly(200),
    request: async () => ({
      params: { ...board(), conversationId: await withWaitingConversation() },
    }),
  },
  conversationPick: {
    expect: managerOnly(200),
    // The manager's own call books the first time offered; everyone else is refused before that.
    request: async () => {
      const conversationId = await withWaitingConversation();
      // Read once, before the manager's call books it (the offer is gone afterwards).
      offeredSlot ??= (
        await stack.call<PickSuggestionsView>(
          `/boards/${E()}/conversations/${conversationId}/slots`,
          { as: DEMO.contoso.manager },
        )
      ).body.suggestions[0];
      return {
        params: { ...board(), conversationId },
        body: { start: offeredSlot.start, end: offeredSlot.end },
      };
    },
  },
  // Names and reasons of pairs not booked: for admins, never anyone else.
  unbookedPairs: { expect: adminOnly(200), request: async () => ({}) },
  // Everyone signed in exports their own journal; there is no way to name anyone else's.
  myDataExport: { expect: anyoneSignedIn(200), request: async () => ({}) },
  // Diego has left the demo organisation: an admin may erase him (again, harmlessly, per persona).
  personErase: {
    expect: adminOnly(200),
    request: async () => ({ params: { personId: DEMO.contoso.disabled }, method: 'DELETE' }),
  },
  sharesRead: { expect: employeeOnly(200), request: async () => ({ params: board() }) },
  shareCreate: {
    expect: employeeOnly(201),
    request: async () => {
      await shareWith(SHARE_TARGET(), false);
      return { params: board(), body: { personId: SHARE_TARGET(), relationship: 'mentor' } };
    },
  },
  shareRevoke: {
    expect: employeeOnly(204),
    request: async () => {
      await shareWith(SHARE_TARGET(), true);
      return { params: { ...board(), personId: SHARE_TARGET() } };
    },
  },
  // The manager reads the whole board on its own route; this one is for the people Nia chose.
  sharedBoard: {
    expect: sharedReaders(),
    request: () => withAdvice(() => ({ params: board() })),
  },
  // Everyone has a "shared with me" list: their own, possibly empty.
  sharedWithMe: { expect: anyoneSignedIn(200), request: async () => ({}) },
  adviceAsk: {
    expect: employeeOnly(201),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id },
        body: { personId: SHARE_TARGET(), question: 'What would make me ready for team lead?' },
      })),
  },
  // Only the two people in the thread write in it: not the manager, not another sponsor.
  adviceReply: {
    expect: { ...sharedReaders(), employee: 201, sponsor: 403, asked: 201 },
    request: () =>
      withAdvice((a) => ({
        params: { ...board(), aspirationId: a.id, personId: cast.asked },
        body: { text: 'Lead the next incident review.' },
      })),
  },
  sponsorshipWrite: {
    expect: { ...readers(200), employee: 403 },
    request: () => withAspiration((a) => ({ params: { ...board(), aspirationId: a.id } })),
  },
  sponsorshipWithdraw: {
    expect: { ...readers(204), employee: 403 },
    request: () => withAspiration((a) => ({ params: { ...board(), aspirationId: a.id } })),
  },
  // Names and job titles of the caller's own tenant, as any colleague sees them in Teams.
  peopleSearch: { expect: anyoneSignedIn(200), request: async () => ({ query: { search: 'Ni' } }) },
  commentCreate: {
    expect: readers(201),
    request: () =>
      withAspiration((a) => ({
        params: { ...board(), aspirationId: a.id },
        body: { text: 'Nice' },
      })),
  },
};

beforeAll(async () => {
  stack = await startTestStack();
  const people = demoCast(stack.orgStore.snapshot());
  cast = {
    sponsor: DEMO.contoso.bigTeamManager,
    revokedSponsor: people.bigTeamReport,
    asked: people.bigTeamReport2,
  };
  await shareWith(cast.sponsor, true);
  await shareWith(cast.revokedSponsor, true);
  await shareWith(cast.revokedSponsor, false);
});
afterAll(async () => {
  await stack.close();
});

async function callAs(persona: Persona, route: RouteDefinition, request: Request) {
  const { path, method } = wire(route, request);
  const options: ApiCall = { method, body: request.body, headers: request.headers };
  switch (persona) {
    case 'noToken':
      break;
    case 'expiredToken':
      options.token = await stack.tokenFor(E(), { expiresInSeconds: -600 });
      break;
    case 'otherTenant':
      options.as = DEMO.fabrikam.employee;
      break;
    case 'sponsor':
    case 'revokedSponsor':
    case 'asked':
      options.as = cast[persona];
      break;
    default:
      options.as = DEMO.contoso[persona];
  }
  return stack.call(path, options);
}

it('has a row for every route in the route table, and no row for a route that does not exist', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(routes.map((r) => r.name).sort());
});

it('refuses a row wired to another endpoint than its route', () => {
  const byName = (name: string) => routes.find((r) => r.name === name)!;
  // Parameters of another route, a method the route does not serve, a missing placeholder.
  expect(() => wire(byName('board'), { params: { ...board(), aspirationId: E() } })).toThrow(
    /needs \[employeeId\]/,
  );
  expect(() =>
    wire(byName('aspirationDelete'), {
      params: { ...board(), aspirationId: E() },
      method: 'PATCH',
    }),
  ).toThrow(/serves DELETE/);
  expect(() => wire(byName('stepUpdate'), { params: { ...board(), aspirationId: E() } })).toThrow(
    /stepId/,
  );
  expect(
    wire(byName('stepUpdate'), { params: { employeeId: 'e', aspirationId: 'a', stepId: 's' } }),
  ).toEqual({
    path: '/boards/e/aspirations/a/steps/s',
    method: 'PATCH',
  });
});

describe.each(routes.map((r) => [r.name, r.methods.join(','), r.route, r] as const))(
  '%s (%s %s)',
  (name, _methods, _template, route) => {
    it.each(PERSONAS.map((p) => [p] as const))('as %s', async (persona) => {
      const row = MATRIX[name];
      const result = await callAs(persona, route, await row.request());
      expect({ persona, status: result.status }).toEqual({ persona, status: row.expect[persona] });
      if (result.status >= 400) expect(result.contentType).toContain('application/problem+json');
    });
  },
);
