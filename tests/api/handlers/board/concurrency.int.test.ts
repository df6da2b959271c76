import type { AspirationView } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

let stack: TestStack;
const employee = () => DEMO.contoso.employee;
const path = (id: string) => `/boards/${employee()}/aspirations/${id}`;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

describe('concurrent edits never lose data', () => {
  it('a stale ETag is refused with 412 and nothing changes', async () => {
    const original = await addAspiration(stack, employee());
    const first = await stack.call<AspirationView>(path(original.id), {
      as: employee(),
      method: 'PATCH',
      body: { title: 'Engineering manager' },
      headers: { 'If-Match': original.etag },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(first.body.etag);
    expect(first.body.etag).not.toBe(original.etag);

    const stale = await stack.call(path(original.id), {
      as: employee(),
      method: 'PATCH',
      body: { title: 'Overwrites the other edit' },
      headers: { 'If-Match': original.etag },
    });
    expect(stale.status).toBe(412);
    expect(stale.contentType).toContain('application/problem+json');
    const board = await readBoardAs(stack, employee(), employee());
    expect(board.aspirations.find((a) => a.id === original.id)?.title).toBe('Engineering manager');
  });

  it('a write without If-Match is refused with 428', async () => {
    const original = await addAspiration(stack, employee());
    const result = await stack.call(path(original.id), {
      as: employee(),
      method: 'PATCH',
      body: { title: 'x' },
    });
    expect(result.status).toBe(428);
    const deletion = await stack.call(path(original.id), { as: employee(), method: 'DELETE' });
    expect(deletion.status).toBe(428);
    const board = await readBoardAs(stack, employee(), employee());
    expect(board.aspirations.find((a) => a.id === original.id)?.title).toBe(original.title);
  });

  it('20 concurrent writers with the same ETag: exactly one applied, 19 refused with 412', async () => {
    const original = await addAspiration(stack, employee());
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stack.call<AspirationView>(path(original.id), {
          as: employee(),
          method: 'PATCH',
          body: { title: `Writer ${i}` },
          headers: { 'If-Match': original.etag },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!.body.title;
    const board = await readBoardAs(stack, employee(), employee());
    expect(board.aspirations.find((a) => a.id === original.id)?.title).toBe(winner);
  });

  it('edits of different aspirations never conflict', async () => {
    const [a, b] = [
      await addAspiration(stack, employee()),
      await addAspiration(stack, employee(), { title: 'Second' }),
    ];
    const [ra, rb] = await Promise.all([
      stack.call(path(a.id), {
        as: employee(),
        method: 'PATCH',
        body: { details: 'A' },
        headers: { 'If-Match': a.etag },
      }),
      stack.call(path(b.id), {
        as: employee(),
        method: 'PATCH',
        body: { details: 'B' },
        headers: { 'If-Match': b.etag },
      }),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
  });

  it("the manager's acknowledgement does not invalidate the employee's ETag", async () => {
    const original = await addAspiration(stack, employee());
    const ack = await stack.call(`${path(original.id)}/acknowledgement`, {
      as: DEMO.contoso.manager,
      method: 'POST',
      body: {},
      headers: { 'If-Match': original.etag },
    });
    expect(ack.status).toBe(200);
    const edit = await stack.call<AspirationView>(path(original.id), {
      as: employee(),
      method: 'PATCH',
      body: { details: 'Updated after the 1:1' },
      headers: { 'If-Match': original.etag },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.changedSinceAcknowledged).toBe(true);
  });

  it('concurrent appends of steps without If-Match all land', async () => {
    const original = await addAspiration(stack, employee(), { steps: [] });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        stack.call(`${path(original.id)}/steps`, {
          as: employee(),
          method: 'POST',
          body: { text: `Step ${i}` },
        }),
      ),
    );
    // An append re-applies until saved (20 writers: concurrentAppends.int.test.ts).
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const board = await readBoardAs(stack, employee(), employee());
    expect(board.aspirations.find((a) => a.id === original.id)?.steps).toHaveLength(5);
  });
});
