import fc from 'fast-check';

import { routes } from '../../../api/src/http/routes';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, addConversation } from '../../support/boardFixtures';
import { startTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

/**
 * Throws random bodies, parameters and headers at every write route. Whatever arrives, the API
 * never answers 5xx, and a refused request (4xx) leaves the board exactly as it was.
 */

let stack: TestStack;
const { employee, manager } = DEMO.contoso;
let aspirationId: string;
let stepId: string;
let conversationKey: string;

beforeAll(async () => {
  stack = await startTestStack();
  const aspiration = await addAspiration(stack, employee);
  aspirationId = aspiration.id;
  stepId = aspiration.steps[0].id;
  conversationKey = (await addConversation(stack, employee, manager)).id;
});
afterAll(async () => {
  await stack.close();
});

async function snapshot(): Promise<string> {
  const [board, history, employeeNotes, managerNotes, conversations, settings] = await Promise.all([
    stack.call(`/boards/${employee}`, { as: employee }),
    stack.call<{ entries: unknown[] }>(`/boards/${employee}/history`, { as: employee }),
    stack.call(`/boards/${employee}/notes`, { as: employee }),
    stack.call(`/boards/${employee}/notes`, { as: manager }),
    stack.call(`/boards/${employee}/conversations`, { as: employee }),
    stack.call('/settings', { as: DEMO.contoso.admin }),
  ]);
  return JSON.stringify([
    board.body,
    history.body.entries.length,
    employeeNotes.body,
    managerNotes.body,
    conversations.body,
    settings.body,
  ]);
}

const idArb = (real: () => string) =>
  fc
    .oneof(
      fc.constant('real'),
      fc.uuid(),
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.constantFrom('..', '%2e%2e', 'null', '0', "'; DROP", '<script>'),
    )
    .map((v) => (v === 'real' ? real() : v));

const bodyArb = fc.oneof(
  fc
    .record(
      {
        kind: fc.oneof(fc.constantFrom('title', 'project', 'skill', 'x'), fc.anything()),
        horizon: fc.oneof(fc.constantFrom('next', '1y', '3y', '5y'), fc.anything()),
        title: fc.oneof(fc.string({ maxLength: 250 }), fc.anything()),
        sharedNotes: fc.oneof(fc.string({ maxLength: 50 }), fc.anything()),
        actionItems: fc.anything(),
        privateNotes: fc.oneof(fc.string({ maxLength: 50 }), fc.anything()),
        dailyCap: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.anything()),
        durationMinutes: fc.anything(),
        pilot: fc.anything(),
        text: fc.oneof(fc.string({ maxLength: 300 }), fc.anything()),
        status: fc.oneof(fc.constantFrom('open', 'done', 'maybe'), fc.anything()),
        date: fc.oneof(fc.constantFrom('2026-02-30', '2026-11-01', 'yesterday'), fc.anything()),
        link: fc.oneof(
          fc.constantFrom('javascript:alert(1)', 'https://ok.example', 'ftp://x'),
          fc.anything(),
        ),
        note: fc.anything(),
        position: fc.oneof(fc.double(), fc.anything()),
        steps: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((b) => JSON.stringify(b)),
  fc.json(),
  fc.string({ maxLength: 200 }),
  fc.constant(''),
);

const ifMatchArb = fc.oneof(
  fc.constant(undefined),
  fc.constant('"stale-etag"'),
  fc.constant('*'),
  fc.string({ minLength: 1, maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);

const contentTypeArb = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/json; charset=utf-8',
  undefined,
);

const writeRoutes = routes.filter((r) => !r.methods.includes('GET'));

it('covers every write route', () => {
  expect(writeRoutes.map((r) => r.name).sort()).toEqual(
    [
      'acknowledge',
      'aspirationCreate',
      'aspirationDelete',
      'aspirationUpdate',
      'commentCreate',
      'conversationUpdate',
      'evidenceCreate',
      'notesWrite',
      'settingsWrite',
      'stepCreate',
      'stepUpdate',
    ].sort(),
  );
});

describe.each(writeRoutes.map((r) => [r.name, r] as const))('%s', (_name, route) => {
  it('never answers 5xx, and a refused request changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        idArb(() => employee),
        idArb(() => aspirationId),
        idArb(() => stepId),
        idArb(() => conversationKey),
        bodyArb,
        ifMatchArb,
        contentTypeArb,
        fc.constantFrom(employee, manager, DEMO.contoso.admin),
        async (
          employeeParam,
          aspirationParam,
          stepParam,
          conversationParam,
          body,
          ifMatch,
          contentType,
          as,
        ) => {
          const path = route.route
            .replace('{employeeId}', encodeURIComponent(employeeParam))
            .replace('{aspirationId}', encodeURIComponent(aspirationParam))
            .replace('{stepId}', encodeURIComponent(stepParam))
            .replace('{conversationId}', encodeURIComponent(conversationParam));
          const before = await snapshot();
          const headers: Record<string, string> = {};
          if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
          if (contentType !== undefined) headers['Content-Type'] = contentType;
          const result = await stack.call(`/${path}`, {
            as,
            method: route.methods[0],
            rawBody: body,
            headers,
          });
          expect(result.status).toBeLessThan(500);
          if (result.status >= 400) {
            expect(result.contentType).toContain('application/problem+json');
            expect(await snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: 25, seed: 20261123 },
    );
  });
});
