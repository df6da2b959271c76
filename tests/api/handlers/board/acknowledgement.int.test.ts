import type { AspirationView, BoardView } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/** An acknowledgement says which version the manager saw, so an unseen edit is never marked seen. */

let stack: TestStack;
const { employee, manager } = DEMO.contoso;
const path = (id: string) => `/boards/${employee}/aspirations/${id}`;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const acknowledge = (id: string, headers: Record<string, string>, note = 'Seen') =>
  stack.call<AspirationView>(`${path(id)}/acknowledgement`, {
    as: manager,
    method: 'POST',
    body: { note },
    headers,
  });

describe('acknowledging an aspiration', () => {
  it('an edit made after the manager loaded the board is refused with 412, not marked as seen', async () => {
    const aspiration = await addAspiration(stack, employee, { steps: [] });
    const loadedByManager = (await readBoardAs(stack, employee, manager)).aspirations.find(
      (a) => a.id === aspiration.id,
    )!;
    const edit = await stack.call<AspirationView>(path(aspiration.id), {
      as: employee,
      method: 'PATCH',
      body: { details: 'Now I also want to lead the on-call rota' },
      headers: { 'If-Match': aspiration.etag },
    });
    expect(edit.status).toBe(200);

    const stale = await acknowledge(aspiration.id, { 'If-Match': loadedByManager.etag });
    expect(stale.status).toBe(412);
    expect(stale.contentType).toContain('application/problem+json');
    const unseen = (await readBoardAs(stack, employee, employee)).aspirations.find(
      (a) => a.id === aspiration.id,
    )!;
    expect(unseen.acknowledgement).toBeNull();

    // Reloaded, the manager acknowledges what they now see; the employee's ETag still holds.
    const fresh = await acknowledge(aspiration.id, { 'If-Match': edit.body.etag }, 'Happy to help');
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      acknowledgement: { by: { id: manager }, note: 'Happy to help' },
      changedSinceAcknowledged: false,
      etag: edit.body.etag,
    });
    const later = await stack.call<AspirationView>(path(aspiration.id), {
      as: employee,
      method: 'PATCH',
      body: { title: 'Staff engineer and on-call lead' },
      headers: { 'If-Match': edit.body.etag },
    });
    expect(later.status).toBe(200);
    expect(later.body.changedSinceAcknowledged).toBe(true);
  });

  it('without If-Match it is refused with 428 and nothing is stored', async () => {
    const aspiration = await addAspiration(stack, employee, { steps: [] });
    const result = await acknowledge(aspiration.id, {});
    expect(result.status).toBe(428);
    expect(result.contentType).toContain('application/problem+json');
    const board = await stack.call<BoardView>(`/boards/${employee}`, { as: employee });
    expect(board.body.aspirations.find((a) => a.id === aspiration.id)!.acknowledgement).toBeNull();
  });

  it('a reorder changes the ETag too, so an acknowledgement based on the old one is refused', async () => {
    const aspiration = await addAspiration(stack, employee, { steps: [] });
    const moved = await stack.call<AspirationView>(path(aspiration.id), {
      as: employee,
      method: 'PATCH',
      body: { position: aspiration.position + 1 },
      headers: { 'If-Match': aspiration.etag },
    });
    expect(moved.status).toBe(200);
    expect((await acknowledge(aspiration.id, { 'If-Match': aspiration.etag })).status).toBe(412);
    expect((await acknowledge(aspiration.id, { 'If-Match': moved.body.etag })).status).toBe(200);
  });
});
