import type { AspirationView, HistoryEntryView } from '../../../../api/src/contract/boardContract';
import { boardPartitionKey } from '../../../../api/src/domain/board/records';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';
import { injectStoreFaults } from './faultyStore';

/** Deleting an aspiration removes everything stored about it, not just the aspiration. */

let stack: TestStack;
const { employee, manager, tenantId } = DEMO.contoso;
const base = `/boards/${employee}`;
const pk = boardPartitionKey(tenantId, employee);

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

/** Every stored document that is, is about, or holds a place for this aspiration, read past the API. */
async function storedAbout(aspirationId: string): Promise<{ id: string; type: string }[]> {
  const { resources } = await stack.services.cosmos.containers.boards.items
    .query<{ id: string; type: string }>(
      {
        query:
          'SELECT c.id, c.type FROM c WHERE c.pk = @pk AND (c.id = @id OR c.aspirationId = @id)',
        parameters: [
          { name: '@pk', value: pk },
          { name: '@id', value: aspirationId },
        ],
      },
      { partitionKey: pk },
    )
    .fetchAll();
  return resources;
}

async function discussed(title: string): Promise<AspirationView> {
  const aspiration = await addAspiration(stack, employee, { title, steps: [] });
  for (const [as, text] of [
    [manager, 'What would help?'],
    [employee, 'A sponsor, and time for the course'],
  ])
    expect(
      (
        await stack.call(`${base}/aspirations/${aspiration.id}/comments`, {
          as,
          method: 'POST',
          body: { text },
        })
      ).status,
    ).toBe(201);
  const ack = await stack.call<AspirationView>(
    `${base}/aspirations/${aspiration.id}/acknowledgement`,
    {
      as: manager,
      method: 'POST',
      body: { note: 'I will sponsor it' },
      headers: { 'If-Match': aspiration.etag },
    },
  );
  expect(ack.status).toBe(200);
  const types = (await storedAbout(aspiration.id)).map((d) => d.type).sort();
  expect(types).toEqual(['acknowledgement', 'aspiration', 'aspiration-slot', 'comment', 'comment']);
  return ack.body;
}

describe('deleting an aspiration', () => {
  it('removes its acknowledgement, comments and place too, and records the deletion once', async () => {
    const aspiration = await discussed('Move to the data team');
    const deletion = await stack.call(`${base}/aspirations/${aspiration.id}`, {
      as: employee,
      method: 'DELETE',
      headers: { 'If-Match': aspiration.etag },
    });
    expect(deletion.status).toBe(204);
    expect(await storedAbout(aspiration.id)).toEqual([]);
    const history = await stack.call<{ entries: HistoryEntryView[] }>(`${base}/history`, {
      as: manager,
    });
    expect(
      history.body.entries.filter(
        (e) => e.aspirationId === aspiration.id && e.action === 'aspiration.deleted',
      ),
    ).toHaveLength(1);
  });

  it('a deletion interrupted half-way is invisible at once and finished by the next read', async () => {
    const aspiration = await discussed('Lead the Fabrikam account');
    let failing = true;
    // The bulk removal of the comments and acknowledgement fails after the aspiration is gone.
    const restore = injectStoreFaults(stack, { boards: { items: ['bulk'] } }, () => failing);
    try {
      const deletion = await stack.call(`${base}/aspirations/${aspiration.id}`, {
        as: employee,
        method: 'DELETE',
        headers: { 'If-Match': aspiration.etag },
      });
      expect(deletion.status).toBe(204);
      // Nothing of it is shown to anyone, and it cannot be written to any more.
      for (const as of [employee, manager]) {
        const board = await readBoardAs(stack, employee, as);
        expect(board.aspirations.some((a) => a.id === aspiration.id)).toBe(false);
      }
      const comment = await stack.call(`${base}/aspirations/${aspiration.id}/comments`, {
        as: manager,
        method: 'POST',
        body: { text: 'too late' },
      });
      expect(comment.status).toBe(404);
      // Only the content-free tombstone and what it still has to remove are left.
      const left = (await storedAbout(aspiration.id)).map((d) => d.type).sort();
      expect(left).toEqual([
        'acknowledgement',
        'aspiration-deleted',
        'aspiration-slot',
        'comment',
        'comment',
      ]);
    } finally {
      failing = false;
      restore();
    }
    await readBoardAs(stack, employee, manager);
    expect(await storedAbout(aspiration.id)).toEqual([]);
    // Deleting again is a plain 404, and finishing twice changed nothing.
    const again = await stack.call(`${base}/aspirations/${aspiration.id}`, {
      as: employee,
      method: 'DELETE',
      headers: { 'If-Match': aspiration.etag },
    });
    expect(again.status).toBe(404);
    const history = await stack.call<{ entries: HistoryEntryView[] }>(`${base}/history`, {
      as: employee,
    });
    expect(
      history.body.entries.filter(
        (e) => e.aspirationId === aspiration.id && e.action === 'aspiration.deleted',
      ),
    ).toHaveLength(1);
  });

  it('comments and acknowledgements left behind by an old deletion are removed on read', async () => {
    const gone = '0d0d0d0d-1111-4222-8333-444444444444';
    const { boards } = stack.services.cosmos.containers;
    for (const doc of [
      { type: 'comment', id: `${gone}-legacy`, aspirationId: gone, text: 'sensitive' },
      { type: 'acknowledgement', id: `ack-${gone}`, aspirationId: gone, note: 'sensitive' },
    ])
      await boards.items.create({ ...doc, pk, tenantId, employeeId: employee });
    expect(await storedAbout(gone)).toHaveLength(2);
    await readBoardAs(stack, employee, employee);
    expect(await storedAbout(gone)).toEqual([]);
  });
});
