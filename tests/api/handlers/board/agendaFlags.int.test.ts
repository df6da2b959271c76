import type { AspirationView } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration } from '../../../support/boardFixtures';
import { startSchedulerStack } from '../../scheduler/schedulerKit';
import type { SchedulerStack } from '../../scheduler/schedulerKit';

/**
 * Every change the invite's agenda shows flags the employee's board for the invite refresh, a
 * comment (not on the agenda) does not, and an edit never turns a deletion's flag into an edit's
 * (which would let the noise limits hold deleted text back).
 */

const { tenantId, employee: nia, manager: tobias } = DEMO.contoso;

let stack: SchedulerStack;
beforeAll(async () => {
  stack = await startSchedulerStack();
});
afterAll(async () => {
  await stack.close();
});

async function flag() {
  const flags = await stack.services.boards.listAgendaRefreshes(tenantId);
  return flags.find((f) => f.employeeId === nia) ?? null;
}

async function clearFlag(): Promise<void> {
  const current = await flag();
  if (current) await stack.services.boards.clearAgendaRefresh(current);
  expect(await flag()).toBeNull();
}

const base = (id: string) => `/boards/${nia}/aspirations/${id}`;

it('each change the agenda shows flags the board; a comment does not', async () => {
  await clearFlag();
  let aspiration = await addAspiration(stack, nia, { title: 'Principal engineer' });
  expect(await flag()).toMatchObject({ reason: 'changed' });

  const changes: [string, () => Promise<{ status: number; body: unknown }>][] = [
    [
      'a step',
      () =>
        stack.call(`${base(aspiration.id)}/steps`, {
          as: nia,
          method: 'POST',
          body: { text: 'Write the RFC' },
        }),
    ],
    [
      'evidence',
      () =>
        stack.call(`${base(aspiration.id)}/evidence`, {
          as: nia,
          method: 'POST',
          body: { text: 'Gave the talk', date: '2027-01-10' },
        }),
    ],
    [
      'a move to another column',
      () =>
        stack.call(base(aspiration.id), {
          as: nia,
          method: 'PATCH',
          body: { horizon: '3y' },
          headers: { 'If-Match': aspiration.etag },
        }),
    ],
    [
      "the manager's acknowledgement with a support note",
      () =>
        stack.call(`${base(aspiration.id)}/acknowledgement`, {
          as: tobias,
          method: 'POST',
          body: { note: 'I will find you a sponsor' },
          headers: { 'If-Match': aspiration.etag },
        }),
    ],
  ];
  for (const [what, change] of changes) {
    await clearFlag();
    const result = await change();
    expect({ what, saved: result.status === 200 || result.status === 201 }).toEqual({
      what,
      saved: true,
    });
    if (result.body && typeof result.body === 'object' && 'etag' in result.body)
      aspiration = result.body as AspirationView;
    expect({ what, flagged: (await flag()) !== null }).toEqual({ what, flagged: true });
  }

  await clearFlag();
  const comment = await stack.call(`${base(aspiration.id)}/comments`, {
    as: tobias,
    method: 'POST',
    body: { text: 'Nice progress' },
  });
  expect(comment.status).toBe(201);
  expect(await flag()).toBeNull();
});

it("an edit after a deletion keeps the deletion's flag", async () => {
  await clearFlag();
  const doomed = await addAspiration(stack, nia, { title: 'Leave for a competitor' });
  const other = await addAspiration(stack, nia, { title: 'Staff engineer' });
  const deleted = await stack.call(base(doomed.id), {
    as: nia,
    method: 'DELETE',
    headers: { 'If-Match': doomed.etag },
  });
  expect(deleted.status).toBe(204);
  const afterDeletion = await flag();
  expect(afterDeletion?.reason).toBeUndefined();

  const edited = await stack.call(base(other.id), {
    as: nia,
    method: 'PATCH',
    body: { title: 'Staff engineer, platform' },
    headers: { 'If-Match': other.etag },
  });
  expect(edited.status).toBe(200);
  const afterEdit = await flag();
  expect(afterEdit?.reason).toBeUndefined();
  // Touched all the same: a refresh that read the board before the edit cannot clear it.
  expect(afterEdit?._etag).not.toBe(afterDeletion?._etag);
  await stack.services.boards.clearAgendaRefresh(afterDeletion!);
  expect(await flag()).not.toBeNull();
});
