import type { HistoryEntryView } from '../../../../api/src/contract/boardContract';
import type { HistoryRecord } from '../../../../api/src/domain/board/records';
import { boardPartitionKey } from '../../../../api/src/domain/board/records';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/** History pages: every entry exactly once, newest first; a cursor we did not issue is a 400. */

let stack: TestStack;
const { employee, manager, tenantId } = DEMO.contoso;
const base = `/boards/${employee}/history`;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

type Page = { entries: HistoryEntryView[]; nextCursor: string | null };

const TOTAL = 250;
const seededIds: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  const start = Date.UTC(2026, 5, 1);
  const entries: HistoryRecord[] = Array.from({ length: TOTAL }, (_, i) => {
    // Entries 90–129 share one instant, so a page boundary (100) falls among equal timestamps.
    const offset = i < 90 ? i : i < 130 ? 90 : i - 39;
    return {
      type: 'history',
      id: `seeded-${String(i).padStart(3, '0')}`,
      pk: boardPartitionKey(tenantId, employee),
      tenantId,
      employeeId: employee,
      at: new Date(start - offset * 1000).toISOString(),
      actor: { id: employee, displayName: 'Nia Adeyemi' },
      action: 'aspiration.updated',
      aspirationId: null,
      summary: `Change ${i}`,
      changes: [],
    };
  });
  for (const e of entries) {
    await stack.services.boards.appendHistory(e);
    seededIds.push(e.id);
  }
});
afterAll(async () => {
  await stack.close();
});

describe('history paging', () => {
  it('pages through every entry exactly once, newest first, across equal timestamps', async () => {
    const seen: HistoryEntryView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const page: { status: number; body: Page } = await stack.call<Page>(`${base}${query}`, {
        as: manager,
      });
      expect(page.status).toBe(200);
      expect(page.body.entries.length).toBeLessThanOrEqual(100);
      seen.push(...page.body.entries);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((e) => e.id).sort()).toEqual([...seededIds].sort());
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1].at >= seen[i].at).toBe(true);
  });

  const issued = () => ({ board: employee, at: '2026-06-01T00:00:00.000Z', skip: ['seeded-000'] });
  const badCursors: [string, string][] = [
    // What used to reach Cosmos DB as a continuation header and answer 500.
    ['control characters', b64('\u0001\u0002{"token":"x"}')],
    ['a NUL byte', b64(Buffer.from([0]))],
    ['non-ASCII', b64('é{"token":"ü"}')],
    [
      'a raw continuation token',
      b64('{"token":"+RID:gAAB#RT:1#TRC:2","range":{"min":"","max":"FF"}}'),
    ],
    ['random bytes', b64(Buffer.from([0xff, 0xfe, 0x80, 0x00, 0x7f]))],
    ['not base64url', '!!not-base64!!'],
    ['padding', `${b64(JSON.stringify(issued()))}==`],
    ['percent-encoded NUL', '%00'],
    ['JSON of the wrong type', b64('[1,2,3]')],
    ['a number', b64('42')],
    ['a wrongly typed field', b64(JSON.stringify({ ...issued(), at: 5 }))],
    ['an unknown field', b64(JSON.stringify({ ...issued(), extra: true }))],
    ['a hostile id', b64(JSON.stringify({ ...issued(), skip: ["' OR 1=1 --"] }))],
    ['an empty skip list', b64(JSON.stringify({ ...issued(), skip: [] }))],
    ['a date that is not an instant', b64(JSON.stringify({ ...issued(), at: '2026-06-01' }))],
    ['a huge value', 'A'.repeat(9000)],
    // Well-formed, but no page of this board could have ended there.
    [
      'a day that does not exist',
      b64(JSON.stringify({ ...issued(), at: '2026-02-31T00:00:00.000Z' })),
    ],
    [
      'an hour that does not exist',
      b64(JSON.stringify({ ...issued(), at: '2026-06-01T25:00:00.000Z' })),
    ],
    [
      'an instant in the future',
      b64(JSON.stringify({ ...issued(), at: '2099-01-01T00:00:00.000Z' })),
    ],
    ["another board's cursor", b64(JSON.stringify({ ...issued(), board: DEMO.contoso.peer }))],
    [
      'no board (a cursor from before boards were named)',
      b64(JSON.stringify({ at: issued().at, skip: issued().skip })),
    ],
  ];

  it('accepts a well-formed cursor for this board (each refusal below differs from it in one way)', async () => {
    const result = await stack.call<Page>(
      `${base}?cursor=${encodeURIComponent(b64(JSON.stringify(issued())))}`,
      { as: employee },
    );
    expect(result.status).toBe(200);
    expect(result.body.entries.map((e) => e.id)).not.toContain('seeded-000');
  });

  it.each(badCursors)(
    'refuses a cursor with %s: 400 problem+json naming the cursor',
    async (_, cursor) => {
      const result = await stack.call<{ status: number; errors: { path: string }[] }>(
        `${base}?cursor=${encodeURIComponent(cursor)}`,
        { as: employee },
      );
      expect(result.status).toBe(400);
      expect(result.contentType).toContain('application/problem+json');
      expect(result.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    },
  );
});
