import type { AspirationView, BoardView } from '../../../../api/src/contract/boardContract';
import { LIMITS } from '../../../../api/src/contract/boardContract';
import type { AspirationRecord } from '../../../../api/src/domain/board/records';
import {
  aspirationSlotId,
  boardPartitionKey,
  commentId,
} from '../../../../api/src/domain/board/records';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { MAX_DOCUMENT_BYTES } from '../../../../api/src/store/documentSize';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { demoCast } from '../../../support/demoCast';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/** Limits hold under concurrency, and a document too large to store is refused, not a 500. */

let stack: TestStack;
const { tenantId } = DEMO.contoso;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const post = (employeeId: string, title: string) =>
  stack.call<AspirationView>(`/boards/${employeeId}/aspirations`, {
    as: employeeId,
    method: 'POST',
    body: { kind: 'skill', horizon: 'next', title },
  });

async function fill(employeeId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const result = await post(employeeId, `Aspiration ${i}`);
    expect(result.status).toBe(201);
  }
}

describe('the aspirations limit', () => {
  it('12 concurrent POSTs to a board 3 short of the limit: exactly 3 land, the board holds 50', async () => {
    const employee = demoCast(stack.orgStore.snapshot()).bigTeamReport;
    await fill(employee, LIMITS.aspirationsPerBoard - 3);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(employee, `Concurrent ${i}`)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 422)).toBe(true);
    for (const refused of results.filter((r) => r.status === 422))
      expect(refused.contentType).toContain('application/problem+json');
    const board = await readBoardAs(stack, employee, employee);
    expect(board.aspirations).toHaveLength(LIMITS.aspirationsPerBoard);
  });

  it('a place claimed by a writer that crashed before creating its aspiration is reclaimed', async () => {
    const employee = demoCast(stack.orgStore.snapshot()).bigTeamReport2;
    await fill(employee, LIMITS.aspirationsPerBoard - 1);
    const pk = boardPartitionKey(tenantId, employee);
    const orphan = {
      type: 'aspiration-slot',
      id: aspirationSlotId(LIMITS.aspirationsPerBoard - 1),
      pk,
      tenantId,
      employeeId: employee,
      slot: LIMITS.aspirationsPerBoard - 1,
      aspirationId: '0e0e0e0e-1111-4222-8333-444444444444',
      claimedAt: new Date().toISOString(),
    };
    const { boards } = stack.services.cosmos.containers;
    await boards.items.create(orphan);
    // Claimed a moment ago: its writer may still be creating the aspiration, so it is honoured.
    expect((await post(employee, 'Blocked for now')).status).toBe(422);
    await boards.items.upsert({
      ...orphan,
      claimedAt: new Date(Date.now() - 600_000).toISOString(),
    });
    expect((await post(employee, 'The last place')).status).toBe(201);
    expect((await readBoardAs(stack, employee, employee)).aspirations).toHaveLength(
      LIMITS.aspirationsPerBoard,
    );
    expect((await post(employee, 'One too many')).status).toBe(422);
  });
});

describe('the comments limit', () => {
  it('10 concurrent comments on an aspiration 5 short of the limit: exactly 5 land', async () => {
    const employee = DEMO.contoso.employee;
    const aspiration = await addAspiration(stack, employee, { steps: [] });
    const pk = boardPartitionKey(tenantId, employee);
    const { boards } = stack.services.cosmos.containers;
    const seeded = LIMITS.commentsPerAspiration - 5;
    for (let from = 0; from < seeded; from += 100) {
      await boards.items.bulk(
        Array.from({ length: Math.min(100, seeded - from) }, (_, k) => ({
          operationType: 'Create' as const,
          partitionKey: pk,
          resourceBody: {
            type: 'comment',
            id: commentId(aspiration.id, from + k),
            pk,
            tenantId,
            employeeId: employee,
            aspirationId: aspiration.id,
            author: { id: employee, displayName: 'Nia' },
            text: `Comment ${from + k}`,
            createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, from + k)).toISOString(),
          },
        })),
      );
    }
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        stack.call(`/boards/${employee}/aspirations/${aspiration.id}/comments`, {
          as: i % 2 === 0 ? employee : DEMO.contoso.manager,
          method: 'POST',
          body: { text: `Concurrent ${i}` },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.every((s) => s === 201 || s === 422 || s === 409)).toBe(true);
    const board = await readBoardAs(stack, employee, employee);
    const comments = board.aspirations.find((a) => a.id === aspiration.id)!.comments;
    expect(comments).toHaveLength(LIMITS.commentsPerAspiration);
  });
});

describe('a document over the 2 MB Cosmos DB item limit', () => {
  it('is refused with 422 saying what to do, before Cosmos DB would answer 413, and nothing changes', async () => {
    const employee = DEMO.contoso.employee;
    const aspiration = await addAspiration(stack, employee, { steps: [] });
    // Entries that each pass every field limit: non-Latin text with characters JSON escapes, and
    // a 2,000-character link in a non-Latin script.
    const entry = (i: number) => ({
      text: '€\u0001'.repeat(LIMITS.evidenceTextLength / 2),
      date: '2026-11-01',
      link: `https://wiki.contoso.example/${i}/${'ü'.repeat(LIMITS.linkLength - 40)}`,
    });
    // Most are written straight to the store to keep the test quick; the API adds the rest.
    const pk = boardPartitionKey(tenantId, employee);
    const item = stack.services.cosmos.containers.boards.item(aspiration.id, pk);
    const { resource } = await item.read<AspirationRecord>();
    // Close enough to the limit that a few API calls cross it.
    const entryBytes = Buffer.byteLength(JSON.stringify(entry(0)));
    const seeded = Math.floor(MAX_DOCUMENT_BYTES / entryBytes) - 3;
    await item.replace({
      ...resource!,
      evidence: Array.from({ length: seeded }, (_, i) => ({
        ...entry(i),
        id: `seeded-${i}`,
        createdAt: '2026-11-01T00:00:00.000Z',
      })),
    });
    let refused: { status: number; contentType: string; body: { detail: string } } | undefined;
    let added = 0;
    let before: BoardView | undefined;
    while (!refused && seeded + added < LIMITS.evidencePerAspiration) {
      before = await readBoardAs(stack, employee, employee);
      const result = await stack.call<{ detail: string }>(
        `/boards/${employee}/aspirations/${aspiration.id}/evidence`,
        { as: employee, method: 'POST', body: entry(seeded + added) },
      );
      expect(result.status).toBeLessThan(500);
      if (result.status === 201) added++;
      else refused = result;
    }
    expect(added).toBeGreaterThan(0);
    expect(refused).toMatchObject({ status: 422, body: { detail: expect.stringMatching(/MB/) } });
    expect(refused!.contentType).toContain('application/problem+json');
    expect(refused!.body.detail).toMatch(/split it into two aspirations/);
    // Refused long before the 200-entry limit: field limits alone do not keep a document storable.
    expect(seeded + added).toBeLessThan(LIMITS.evidencePerAspiration);
    expect(await readBoardAs(stack, employee, employee)).toEqual(before);
    const { resource: stored } = await item.read();
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(
      MAX_DOCUMENT_BYTES + 1024,
    );
  });
});
