import type {
  AspirationView,
  BoardView,
  HistoryEntryView,
} from '../../../../api/src/contract/boardContract';
import { boardPartitionKey } from '../../../../api/src/domain/board/records';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { demoCast } from '../../../support/demoCast';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';
import { injectStoreFaults } from './faultyStore';

/**
 * Every saved change has exactly one history entry, and no entry exists for a change that was not
 * saved, whether the history write or the change write is the one that fails.
 */

let stack: TestStack;
const { manager } = DEMO.contoso;
let employee: string = DEMO.contoso.employee;
const base = () => `/boards/${employee}`;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

async function historyOf(as: string): Promise<HistoryEntryView[]> {
  const result = await stack.call<{ entries: HistoryEntryView[] }>(`${base()}/history`, { as });
  expect(result.status).toBe(200);
  return result.body.entries;
}

/** What is stored in the history container for the board, read past the API. */
async function storedHistory(): Promise<{ id: string; action: string; aspirationId: string }[]> {
  const pk = boardPartitionKey(DEMO.contoso.tenantId, employee);
  const { resources } = await stack.services.cosmos.containers.history.items
    .query<{ id: string; action: string; aspirationId: string }>(
      {
        query: 'SELECT c.id, c.action, c.aspirationId FROM c WHERE c.pk = @pk',
        parameters: [{ name: '@pk', value: pk }],
      },
      { partitionKey: pk },
    )
    .fetchAll();
  return resources;
}

async function pendingDocuments(): Promise<number> {
  const pk = boardPartitionKey(DEMO.contoso.tenantId, employee);
  const { resources } = await stack.services.cosmos.containers.boards.items
    .query<number>(
      {
        query: 'SELECT VALUE COUNT(1) FROM c WHERE c.pk = @pk AND IS_DEFINED(c.pendingHistory)',
        parameters: [{ name: '@pk', value: pk }],
      },
      { partitionKey: pk },
    )
    .fetchAll();
  return resources[0] ?? 0;
}

describe('history is recorded with the change, never apart from it', () => {
  it('when the history write fails, every change still stands, and each entry appears exactly once on the next read', async () => {
    employee = demoCast(stack.orgStore.snapshot()).bigTeamReport;
    let failing = true;
    const restore = injectStoreFaults(
      stack,
      { history: { items: ['upsert', 'create'] } },
      () => failing,
    );
    const boardManager = stack.orgStore.findUser(employee)!.managerId!;
    try {
      const created = await addAspiration(stack, employee, { title: 'Support lead', steps: [] });
      const edited = await stack.call<AspirationView>(`${base()}/aspirations/${created.id}`, {
        as: employee,
        method: 'PATCH',
        body: { title: 'Support team lead' },
        headers: { 'If-Match': created.etag },
      });
      expect(edited.status).toBe(200);
      const step = await stack.call<AspirationView>(`${base()}/aspirations/${created.id}/steps`, {
        as: employee,
        method: 'POST',
        body: { text: 'Shadow the current lead' },
        headers: { 'If-Match': edited.body.etag },
      });
      expect(step.status).toBe(201);
      const ack = await stack.call<AspirationView>(
        `${base()}/aspirations/${created.id}/acknowledgement`,
        {
          as: boardManager,
          method: 'POST',
          body: { note: 'Yes' },
          headers: { 'If-Match': step.body.etag },
        },
      );
      expect(ack.status).toBe(200);
      const comment = await stack.call(`${base()}/aspirations/${created.id}/comments`, {
        as: boardManager,
        method: 'POST',
        body: { text: 'Let us plan it' },
      });
      expect(comment.status).toBe(201);
      const doomed = await addAspiration(stack, employee, { title: 'Temporary', steps: [] });
      const deletion = await stack.call(`${base()}/aspirations/${doomed.id}`, {
        as: employee,
        method: 'DELETE',
        headers: { 'If-Match': doomed.etag },
      });
      expect(deletion.status).toBe(204);

      // The changes are there for both people even though no entry reached the history container.
      const board = await stack.call<BoardView>(base(), { as: employee });
      const seen = board.body.aspirations.find((a) => a.id === created.id)!;
      expect(seen).toMatchObject({ title: 'Support team lead', acknowledgement: { note: 'Yes' } });
      expect(seen.steps.map((s) => s.text)).toEqual(['Shadow the current lead']);
      expect(board.body.aspirations.some((a) => a.id === doomed.id)).toBe(false);
      expect(await storedHistory()).toEqual([]);
      expect(await pendingDocuments()).toBeGreaterThan(0);
    } finally {
      failing = false;
      restore();
    }

    // Several readers at once copy the carried entries; the fixed ids keep each one single.
    await Promise.all([
      historyOf(employee),
      historyOf(boardManager),
      readBoardAs(stack, employee, employee),
      readBoardAs(stack, employee, boardManager),
    ]);
    const entries = await historyOf(employee);
    expect(entries.map((e) => e.action).sort()).toEqual(
      [
        'aspiration.created',
        'aspiration.updated',
        'step.added',
        'aspiration.acknowledged',
        'comment.added',
        'aspiration.created',
        'aspiration.deleted',
      ].sort(),
    );
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect((await storedHistory()).length).toBe(entries.length);
    expect(await pendingDocuments()).toBe(0);
  });

  it('a write refused with 412 leaves no history entry', async () => {
    employee = demoCast(stack.orgStore.snapshot()).bigTeamReport2;
    const created = await addAspiration(stack, employee, { title: 'Quality lead', steps: [] });
    const first = await stack.call(`${base()}/aspirations/${created.id}`, {
      as: employee,
      method: 'PATCH',
      body: { details: 'first' },
      headers: { 'If-Match': created.etag },
    });
    expect(first.status).toBe(200);
    const before = await storedHistory();
    const stale = await stack.call(`${base()}/aspirations/${created.id}`, {
      as: employee,
      method: 'PATCH',
      body: { details: 'second, from a stale tab' },
      headers: { 'If-Match': created.etag },
    });
    expect(stale.status).toBe(412);
    const staleAck = await stack.call(`${base()}/aspirations/${created.id}/acknowledgement`, {
      as: stack.orgStore.findUser(employee)!.managerId!,
      method: 'POST',
      body: {},
      headers: { 'If-Match': created.etag },
    });
    expect(staleAck.status).toBe(412);
    expect(await historyOf(employee)).toHaveLength(before.length);
    expect((await storedHistory()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      before.sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('20 concurrent writers with one ETag: one change, one entry', async () => {
    employee = DEMO.contoso.employee;
    const created = await addAspiration(stack, employee, { title: 'Architect', steps: [] });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stack.call(`${base()}/aspirations/${created.id}`, {
          as: employee,
          method: 'PATCH',
          body: { title: `Architect ${i}` },
          headers: { 'If-Match': created.etag },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const forThis = (await historyOf(manager)).filter((e) => e.aspirationId === created.id);
    expect(forThis.map((e) => e.action).sort()).toEqual([
      'aspiration.created',
      'aspiration.updated',
    ]);
  });

  it('when the change write fails, no entry is recorded and the board is unchanged', async () => {
    employee = demoCast(stack.orgStore.snapshot()).bigTeamReport;
    const created = await addAspiration(stack, employee, { title: 'Trainer', steps: [] });
    const before = await storedHistory();
    const boardBefore = await readBoardAs(stack, employee, employee);
    let failing = true;
    const restore = injectStoreFaults(
      stack,
      { boards: { item: ['replace'], itemId: new RegExp(created.id) } },
      () => failing,
    );
    try {
      const edit = await stack.call(`${base()}/aspirations/${created.id}`, {
        as: employee,
        method: 'PATCH',
        body: { title: 'Head trainer' },
        headers: { 'If-Match': created.etag },
      });
      // The store failed, not the request: a 5xx, and nothing half-done.
      expect(edit.status).toBe(500);
      const deletion = await stack.call(`${base()}/aspirations/${created.id}`, {
        as: employee,
        method: 'DELETE',
        headers: { 'If-Match': created.etag },
      });
      expect(deletion.status).toBe(500);
    } finally {
      failing = false;
      restore();
    }
    expect(await readBoardAs(stack, employee, employee)).toEqual(boardBefore);
    await historyOf(employee);
    expect((await storedHistory()).length).toBe(before.length);
  });
});
