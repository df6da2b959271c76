import fc from 'fast-check';

import { ASPIRATION_KINDS, HORIZONS, LIMITS } from '../../../api/src/contract/boardContract';
import { RELATIONSHIPS } from '../../../api/src/contract/sharingContract';
import type { AspirationView, BoardView } from '../../../api/src/contract/boardContract';
import type { RouteDefinition } from '../../../api/src/http/route';
import { routes } from '../../../api/src/functions/routes';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { oneOnOneChatId } from '../../../api/src/local/graph-simulator/graphSimulator';
import { addAspiration, addConversation } from '../../support/boardFixtures';
import { startTestStack } from '../../support/testStack';
import type { ApiResult, TestStack } from '../../support/testStack';

/**
 * Throws generated requests at every route: bodies of the right shape carrying one hostile value
 * (huge, unicode, control characters, a wrong type), the real current ETag as well as stale and
 * malformed ones, and fuzzed query parameters (cursors, paging) on every GET. Whatever arrives,
 * the API never answers 5xx, and a refused request (4xx), like every GET, leaves the board,
 * history, notes, conversations and settings exactly as they were.
 */

let stack: TestStack;
const { employee, manager, admin } = DEMO.contoso;
let conversationKey: string;

/** What the next request is aimed at: read from the latest snapshot, so ETags are real. */
interface Targets {
  aspiration: AspirationView;
  staleEtag: string;
  conversationEtag: string | null;
  settingsEtag: string | null;
  notesEtag: Record<string, string | null>;
}
let baseline: string;
let targets: Targets;

beforeAll(async () => {
  stack = await startTestStack();
  const aspiration = await addTarget();
  conversationKey = (await addConversation(stack, employee, manager)).id;
  targets = {
    aspiration,
    staleEtag: aspiration.etag,
    conversationEtag: null,
    settingsEtag: null,
    notesEtag: {},
  };
  baseline = await snapshot();
});
afterAll(async () => {
  await stack.close();
});

const get = <T>(path: string, as: string) => stack.call<T>(path, { as });

/** Everything a request might change, serialised; also refreshes the targets of the next one. */
async function snapshot(): Promise<string> {
  const [board, history, employeeNotes, managerNotes, conversations, settings] = await Promise.all([
    get<BoardView>(`/boards/${employee}`, employee),
    get<{ entries: unknown[] }>(`/boards/${employee}/history`, employee),
    get<{ etag: string | null }>(`/boards/${employee}/notes`, employee),
    get<{ etag: string | null }>(`/boards/${employee}/notes`, manager),
    get<{ conversations: { id: string; etag: string }[] }>(
      `/boards/${employee}/conversations`,
      employee,
    ),
    get<{ etag: string | null }>('/settings', admin),
  ]);
  // A target had to be recreated: that changed the board, so read it all again.
  if (await refreshTargets(board.body)) return snapshot();
  targets.conversationEtag =
    conversations.body.conversations.find((c) => c.id === conversationKey)?.etag ?? null;
  targets.settingsEtag = settings.body.etag;
  targets.notesEtag = { [employee]: employeeNotes.body.etag, [manager]: managerNotes.body.etag };
  return JSON.stringify([
    board.body,
    history.body.entries,
    employeeNotes.body,
    managerNotes.body,
    conversations.body,
    settings.body,
  ]);
}

const aimable = (a: AspirationView | undefined): a is AspirationView =>
  a !== undefined && a.steps.length > 0 && a.evidence.length > 0;

/** An aspiration with a step and evidence to aim at, made through the API. */
async function addTarget(): Promise<AspirationView> {
  const aspiration = await addAspiration(stack, employee);
  const result = await stack.call<AspirationView>(
    `/boards/${employee}/aspirations/${aspiration.id}/evidence`,
    { as: employee, method: 'POST', body: { text: 'Ran the design review', date: '2026-11-02' } },
  );
  if (result.status !== 201) throw new Error(`Could not add evidence: ${result.status}`);
  return result.body;
}

/**
 * Keeps an aspiration with a step and evidence to aim at, even after generated DELETEs removed
 * the last of them.
 */
async function refreshTargets(board: BoardView): Promise<boolean> {
  const same = board.aspirations.find((a) => a.id === targets.aspiration.id);
  const withStep = aimable(same) ? same : board.aspirations.find(aimable);
  if (withStep) {
    if (withStep.etag !== targets.aspiration.etag) targets.staleEtag = targets.aspiration.etag;
    targets.aspiration = withStep;
    return false;
  }
  if (board.aspirations.length >= LIMITS.aspirationsPerBoard) {
    const spare = board.aspirations[0];
    await stack.call(`/boards/${employee}/aspirations/${spare.id}`, {
      as: employee,
      method: 'DELETE',
      headers: { 'If-Match': spare.etag },
    });
  }
  targets.aspiration = await addTarget();
  return true;
}

// ---- Arbitraries ----

const text = (max: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((s) => s.trim() !== '');
const date = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

/** Values a field of the right name may still hold: each alone is a plausible attack or accident. */
const hostileSmall: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\u0001\u0002\u001b[31m',
      '\u202eevil',
      'e\u0301\u0301\u0301',
      '\ud800',
      '😀'.repeat(150),
      '<script>alert(1)</script>',
      "'; DROP TABLE boards; --",
      '2026-02-30',
      'javascript:alert(1)',
      'https://example.com/' + 'ü'.repeat(1990),
    ),
  },
  { weight: 3, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    ),
  },
);

/** The same, plus sizes around every length limit and far past them (bodies only: URLs cap). */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileSmall },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(200, 201, 500, 501, 2000, 2001, 4000, 4001, 20000, 20001)
      .chain((n) => fc.constantFrom('x'.repeat(n), '€'.repeat(n), '\u0001'.repeat(n))),
  },
  { weight: 1, arbitrary: fc.constant('€'.repeat(300_000)) },
);

const step = fc.record(
  { text: text(60), status: fc.constantFrom('open', 'done'), dueDate: nullable(date) },
  { requiredKeys: ['text'] },
);

/** Bodies each route's schema accepts. */
const VALID: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  aspirationCreate: fc.record(
    {
      kind: fc.constantFrom(...ASPIRATION_KINDS),
      horizon: fc.constantFrom(...HORIZONS),
      title: text(80),
      details: fc.string({ maxLength: 200 }),
      targetDate: nullable(date),
      steps: fc.array(step, { maxLength: 3 }),
    },
    { requiredKeys: ['kind', 'horizon', 'title'] },
  ),
  aspirationUpdate: fc.record(
    {
      kind: fc.constantFrom(...ASPIRATION_KINDS),
      horizon: fc.constantFrom(...HORIZONS),
      title: text(80),
      details: fc.string({ maxLength: 200 }),
      targetDate: nullable(date),
      position: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    },
    { requiredKeys: ['title'] },
  ),
  aspirationDelete: fc.constant({}),
  stepCreate: step,
  stepUpdate: fc.record(
    { text: text(60), status: fc.constantFrom('open', 'done'), dueDate: nullable(date) },
    { requiredKeys: ['status'] },
  ),
  stepDelete: fc.constant({}),
  evidenceCreate: fc.record(
    { text: text(80), date, link: nullable(fc.webUrl({ withQueryParameters: true })) },
    { requiredKeys: ['text', 'date'] },
  ),
  evidenceUpdate: fc.record(
    { text: text(80), date, link: nullable(fc.webUrl({ withQueryParameters: true })) },
    { requiredKeys: ['text'] },
  ),
  evidenceDelete: fc.constant({}),
  acknowledge: fc.record({ note: fc.string({ maxLength: 200 }) }, { requiredKeys: [] }),
  commentCreate: fc.record({ text: text(120) }),
  notesWrite: fc.record({ text: fc.string({ maxLength: 300 }) }),
  settingsWrite: fc.record(
    {
      durationMinutes: fc.integer({ min: 15, max: 120 }),
      dailyCap: fc.integer({ min: 1, max: 10 }),
      window: fc
        .tuple(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 13 }))
        .map(([a, b]) => ({ startWeek: Math.min(a, b), endWeek: Math.max(a, b) })),
      pilot: fc.constant({ group: null }),
    },
    { requiredKeys: ['dailyCap'] },
  ),
  // Erasure takes no body; a hostile one must be ignored, never a 5xx.
  personErase: fc.constant({}),
  conversationUpdate: fc.record(
    {
      sharedNotes: fc.string({ maxLength: 200 }),
      privateNotes: fc.string({ maxLength: 200 }),
      actionItems: fc.array(
        fc.record({
          text: text(60),
          owner: fc.constantFrom('employee', 'manager'),
          dueDate: nullable(date),
          done: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ['privateNotes'] },
  ),
  conversationPick: fc
    .date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
    .chain((start) =>
      fc.record({
        start: fc.constant(start.toISOString()),
        end: fc
          .constantFrom(30, 45, 60)
          .map((m) => new Date(start.getTime() + m * 60_000).toISOString()),
      }),
    ),
  shareCreate: fc.record(
    {
      personId: fc.constantFrom(DEMO.contoso.peer, DEMO.contoso.ceo, DEMO.contoso.skipLevel),
      relationship: fc.constantFrom(...RELATIONSHIPS),
      aspirationIds: nullable(fc.constant([] as string[]).map(() => [targets.aspiration.id])),
    },
    { requiredKeys: ['personId', 'relationship'] },
  ),
  shareRevoke: fc.constant({}),
  adviceAsk: fc.record({
    personId: fc.constantFrom(DEMO.contoso.peer, DEMO.contoso.ceo),
    question: text(120),
  }),
  adviceReply: fc.record({ text: text(120) }),
  sponsorshipWrite: fc.constant({}),
  sponsorshipWithdraw: fc.constant({}),
};

/** Mostly valid-shaped bodies, most of them with exactly one hostile field; some raw junk. */
const bodyFor = (routeName: string): fc.Arbitrary<string> => {
  const valid = VALID[routeName];
  const withOneHostile = fc.tuple(valid, fc.nat(), hostile).map(([body, pick, value]) => {
    const keys = Object.keys(body);
    const key = keys.length > 0 ? keys[pick % keys.length] : 'text';
    return { ...body, [key]: value };
  });
  return fc.oneof(
    { weight: 3, arbitrary: valid.map((b) => JSON.stringify(b)) },
    { weight: 5, arbitrary: withOneHostile.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: valid.map((b) => JSON.stringify({ ...b, unexpected: true })) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '[]', '"text"', '{"text":') },
  );
};

const idArb = (real: () => string) =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.uuid(),
          fc.string({ minLength: 1, maxLength: 40 }),
          fc.constantFrom('..', '%2e%2e', 'null', '0', "'; DROP", '<script>'),
        ),
      },
    )
    .map((v) => v ?? real());

type EtagChoice = 'real' | 'weak' | 'bare' | 'stale' | 'none' | 'star' | 'junk';

const etagChoiceArb = fc.tuple(
  fc.constantFrom<EtagChoice>(
    'real',
    'real',
    'real',
    'weak',
    'bare',
    'stale',
    'none',
    'star',
    'junk',
  ),
  fc.string({ minLength: 1, maxLength: 60 }).filter((s) => /^[\x20-\x7e]+$/.test(s)),
);

function ifMatchFor(
  route: RouteDefinition,
  as: string,
  [choice, junk]: [EtagChoice, string],
): string | undefined {
  const real =
    route.name === 'conversationUpdate'
      ? targets.conversationEtag
      : route.name === 'settingsWrite'
        ? targets.settingsEtag
        : route.name === 'notesWrite'
          ? (targets.notesEtag[as] ?? null)
          : targets.aspiration.etag;
  switch (choice) {
    case 'real':
      return real ?? undefined;
    case 'weak':
      return real ? `W/${real}` : undefined;
    case 'bare':
      return real ? real.replace(/^"|"$/g, '') : undefined;
    case 'stale':
      return targets.staleEtag;
    case 'none':
      return undefined;
    case 'star':
      return '*';
    case 'junk':
      return junk;
  }
}

const contentTypeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', undefined),
  },
);

/** Who may call each route: mostly them (so requests get past the access check), sometimes not. */
const ALLOWED: Record<string, string[]> = {
  acknowledge: [manager],
  commentCreate: [employee, manager],
  notesWrite: [employee, manager],
  conversationUpdate: [employee, manager],
  settingsWrite: [admin],
  settingsRead: [admin],
  conversationPick: [manager],
  shareCreate: [employee],
  shareRevoke: [employee],
  adviceAsk: [employee],
  adviceReply: [employee, DEMO.contoso.peer],
  sponsorshipWrite: [manager],
  sponsorshipWithdraw: [manager],
  personErase: [admin],
  myDataExport: [employee, manager, admin],
  adoption: [admin],
  board: [employee, manager],
  history: [employee, manager],
  notesRead: [employee, manager],
  conversations: [employee, manager],
  chatPair: [employee, manager],
  health: [employee],
  me: [employee, manager, admin],
  team: [manager],
};
const callerArb = (route: RouteDefinition) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...(ALLOWED[route.name] ?? [employee])) },
    { weight: 1, arbitrary: fc.constantFrom(employee, manager, admin, DEMO.contoso.peer) },
  );

function pathFor(route: RouteDefinition, ids: Record<string, string>): string {
  return `/${route.route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name]))}`;
}

function idsArb() {
  return fc.record({
    employeeId: idArb(() => employee),
    aspirationId: idArb(() => targets.aspiration.id),
    stepId: idArb(() => targets.aspiration.steps[0]?.id ?? '00000000-0000-4000-8000-000000000000'),
    evidenceId: idArb(
      () => targets.aspiration.evidence[0]?.id ?? '00000000-0000-4000-8000-000000000000',
    ),
    conversationId: idArb(() => conversationKey),
    chatId: idArb(() => oneOnOneChatId(employee, manager)),
    // Diego has left the demo organisation: the one person these runs may erase.
    personId: idArb(() => DEMO.contoso.disabled),
  });
}

async function expectInvariants(result: ApiResult, mustNotChange: boolean): Promise<void> {
  expect(result.status).toBeLessThan(500);
  const after = await snapshot();
  if (result.status >= 400) expect(result.contentType).toContain('application/problem+json');
  if (result.status >= 400 || mustNotChange) expect(after).toBe(baseline);
  baseline = after;
}

// ---- Write routes ----

const writeRoutes = routes.filter((r) => !r.methods.includes('GET'));

it('covers every write route', () => {
  expect(writeRoutes.map((r) => r.name).sort()).toEqual(Object.keys(VALID).sort());
});

describe.each(writeRoutes.map((r) => [r.name, r] as const))('%s', (_name, route) => {
  it('never answers 5xx, and a refused request changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        idsArb(),
        bodyFor(route.name),
        etagChoiceArb,
        contentTypeArb,
        callerArb(route),
        async (ids, body, etagChoice, contentType, as) => {
          const headers: Record<string, string> = {};
          // Read at run time: the real ETag is the one the latest snapshot saw.
          const ifMatch = ifMatchFor(route, as, etagChoice);
          if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
          if (contentType !== undefined) headers['Content-Type'] = contentType;
          const result = await stack.call(pathFor(route, ids), {
            as,
            method: route.methods[0],
            rawBody: route.name === 'aspirationDelete' ? undefined : body,
            headers,
          });
          await expectInvariants(result, false);
        },
      ),
      { numRuns: 40, seed: 20261123 },
    );
  });
});

// ---- Read routes: query parameters are input too ----

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** Cursors: what we issue, what a client might forge, and what breaks naive decoding. */
const cursorArb: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map(b64),
  fc.string({ unit: 'binary', maxLength: 40 }).map(b64),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .record(
      {
        at: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          hostileSmall,
        ),
        skip: fc.oneof(fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }), hostileSmall),
        offset: fc.oneof(fc.integer({ min: -1000, max: 100_000 }), hostileSmall),
        token: fc.string({ maxLength: 40 }),
      },
      { requiredKeys: [] },
    )
    .map((o) => b64(JSON.stringify(o))),
  fc.constantFrom(
    b64('{"token":"+RID:gAAB#RT:1#TRC:2","range":{"min":"","max":"FF"}}'),
    b64('\u0001'),
    b64(JSON.stringify({ offset: 100 })),
    'A'.repeat(9000),
    '',
  ),
);

const queryArb = fc
  .record(
    {
      cursor: cursorArb,
      pageSize: fc.oneof(fc.integer(), fc.string({ maxLength: 10 })),
      $top: fc.string({ maxLength: 10 }),
      other: fc.string({ unit: 'binary', maxLength: 20 }),
    },
    { requiredKeys: ['cursor'] },
  )
  .map((q) => new URLSearchParams(q as Record<string, string>).toString());

const readRoutes = routes.filter((r) => r.methods.includes('GET'));

describe.each(readRoutes.map((r) => [r.name, r] as const))('GET %s', (_name, route) => {
  it('never answers 5xx to fuzzed query parameters, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(idsArb(), queryArb, callerArb(route), async (ids, query, as) => {
        const result = await stack.call(`${pathFor(route, ids)}?${query}`, { as });
        await expectInvariants(result, true);
      }),
      { numRuns: 25, seed: 20261124 },
    );
  });
});
