import type { AspirationView, HistoryEntryView } from '../../../../api/src/contract/boardContract';
import { LIMITS } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/**
 * The README's promise for appends: a step, evidence or comment sent without If-Match is never
 * refused because someone else wrote at the same moment, and lands exactly once; the limits hold
 * exactly however many arrive together.
 */

let stack: TestStack;
const { employee, manager } = DEMO.contoso;
const WRITERS = 20;
const path = (id: string) => `/boards/${employee}/aspirations/${id}`;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

async function aspirationNow(id: string): Promise<AspirationView> {
  const board = await readBoardAs(stack, employee, employee);
  const found = board.aspirations.find((a) => a.id === id);
  if (!found) throw new Error('The aspiration is gone');
  return found;
}

/** Every history entry about one aspiration, all pages. */
async function historyOf(aspirationId: string): Promise<HistoryEntryView[]> {
  const entries: HistoryEntryView[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const page = await stack.call<{ entries: HistoryEntryView[]; nextCursor: string | null }>(
      `/boards/${employee}/history${query}`,
      { as: employee },
    );
    expect(page.status).toBe(200);
    entries.push(...page.body.entries.filter((e) => e.aspirationId === aspirationId));
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return entries;
}

function inParallel(send: (i: number) => ReturnType<TestStack['call']>) {
  return Promise.all(Array.from({ length: WRITERS }, (_, i) => send(i)));
}

const countOf = (values: string[], value: string) => values.filter((v) => v === value).length;

describe('appends without If-Match under 20 concurrent writers', () => {
  const appends = [
    {
      what: 'steps',
      action: 'step.added',
      body: (i: number) => ({ text: `Concurrent step ${i}` }),
      stored: (a: AspirationView) => a.steps.map((s) => s.text),
    },
    {
      what: 'evidence',
      action: 'evidence.added',
      body: (i: number) => ({ text: `Concurrent evidence ${i}`, date: '2026-11-02' }),
      stored: (a: AspirationView) => a.evidence.map((e) => e.text),
    },
    {
      what: 'comments',
      action: 'comment.added',
      body: (i: number) => ({ text: `Concurrent comment ${i}` }),
      stored: (a: AspirationView) => a.comments.map((c) => c.text),
    },
  ];

  it.each(appends)(
    '20 writers of $what (both people for comments): all 201, each present once, one history entry each',
    async ({ what, action, body, stored }) => {
      const { id } = await addAspiration(stack, employee, { steps: [] });
      const results = await inParallel((i) =>
        stack.call(`${path(id)}/${what}`, {
          as: what === 'comments' && i % 2 === 1 ? manager : employee,
          method: 'POST',
          body: body(i),
        }),
      );
      expect(results.map((r) => r.status)).toEqual(Array(WRITERS).fill(201));
      const texts = stored(await aspirationNow(id));
      expect(texts).toHaveLength(WRITERS);
      for (let i = 0; i < WRITERS; i++) expect(countOf(texts, body(i).text)).toBe(1);
      expect((await historyOf(id)).filter((e) => e.action === action)).toHaveLength(WRITERS);
    },
  );

  it('near the step limit, concurrent appends never overshoot it: the losers get 422', async () => {
    const room = 3;
    const steps = Array.from({ length: LIMITS.stepsPerAspiration - room }, (_, i) => ({
      text: `Existing step ${i}`,
    }));
    const { id } = await addAspiration(stack, employee, { steps });
    const results = await inParallel((i) =>
      stack.call(`${path(id)}/steps`, {
        as: employee,
        method: 'POST',
        body: { text: `Last-minute step ${i}` },
      }),
    );
    const statuses = results.map((r) => r.status);
    expect(countOf(statuses.map(String), '201')).toBe(room);
    expect(countOf(statuses.map(String), '422')).toBe(WRITERS - room);
    for (const refused of results.filter((r) => r.status === 422)) {
      expect(refused.contentType).toContain('application/problem+json');
    }
    expect((await aspirationNow(id)).steps).toHaveLength(LIMITS.stepsPerAspiration);
  });

  it('appends sent with a stale If-Match are still refused with 412 and change nothing', async () => {
    const original = await addAspiration(stack, employee, { steps: [] });
    const moved = await stack.call(`${path(original.id)}/steps`, {
      as: employee,
      method: 'POST',
      body: { text: 'Changes the ETag' },
    });
    expect(moved.status).toBe(201);
    const stale = await Promise.all([
      stack.call(`${path(original.id)}/steps`, {
        as: employee,
        method: 'POST',
        body: { text: 'Stale step' },
        headers: { 'If-Match': original.etag },
      }),
      stack.call(`${path(original.id)}/evidence`, {
        as: employee,
        method: 'POST',
        body: { text: 'Stale evidence', date: '2026-11-02' },
        headers: { 'If-Match': original.etag },
      }),
    ]);
    expect(stale.map((r) => r.status)).toEqual([412, 412]);
    const now = await aspirationNow(original.id);
    expect(now.steps.map((s) => s.text)).toEqual(['Changes the ETag']);
    expect(now.evidence).toEqual([]);
  });
});
