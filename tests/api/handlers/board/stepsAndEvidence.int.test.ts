import type { AspirationView, HistoryEntryView } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

let stack: TestStack;
const { employee, manager } = DEMO.contoso;
const base = `/boards/${employee}/aspirations`;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

async function withEvidence(): Promise<AspirationView> {
  const aspiration = await addAspiration(stack, employee);
  const result = await stack.call<AspirationView>(`${base}/${aspiration.id}/evidence`, {
    as: employee,
    method: 'POST',
    body: { text: 'Ran the design review', date: '2026-11-02', link: 'https://wiki.example/rfc' },
  });
  expect(result.status).toBe(201);
  return result.body;
}

const history = async () =>
  (
    await stack.call<{ entries: HistoryEntryView[] }>(`/boards/${employee}/history`, {
      as: manager,
    })
  ).body.entries;

describe('the employee corrects their plan and what they did', () => {
  it('removes a step, and the history says so', async () => {
    const aspiration = await withEvidence();
    const [first, second] = aspiration.steps;
    const removed = await stack.call<AspirationView>(`${base}/${aspiration.id}/steps/${first.id}`, {
      as: employee,
      method: 'DELETE',
      headers: { 'If-Match': aspiration.etag },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.steps.map((s) => s.id)).toEqual([second.id]);
    expect(removed.body.etag).not.toBe(aspiration.etag);
    const entries = await history();
    expect(entries[0]).toMatchObject({ action: 'step.removed', aspirationId: aspiration.id });

    const again = await stack.call(`${base}/${aspiration.id}/steps/${first.id}`, {
      as: employee,
      method: 'DELETE',
      headers: { 'If-Match': removed.body.etag },
    });
    expect(again.status).toBe(404);
  });

  it('corrects an evidence entry and removes one', async () => {
    const aspiration = await withEvidence();
    const [entry] = aspiration.evidence;
    const edited = await stack.call<AspirationView>(
      `${base}/${aspiration.id}/evidence/${entry.id}`,
      {
        as: employee,
        method: 'PATCH',
        headers: { 'If-Match': aspiration.etag },
        body: { text: 'Ran the architecture design review', link: null },
      },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.evidence[0]).toMatchObject({
      id: entry.id,
      text: 'Ran the architecture design review',
      date: '2026-11-02',
      link: null,
    });
    expect((await history())[0].action).toBe('evidence.updated');

    const removed = await stack.call<AspirationView>(
      `${base}/${aspiration.id}/evidence/${entry.id}`,
      { as: employee, method: 'DELETE', headers: { 'If-Match': edited.body.etag } },
    );
    expect(removed.status).toBe(200);
    expect(removed.body.evidence).toEqual([]);
    expect((await history())[0].action).toBe('evidence.removed');
  });

  it('refuses a stale or missing If-Match and changes nothing', async () => {
    const aspiration = await withEvidence();
    const [entry] = aspiration.evidence;
    const renamed = await stack.call<AspirationView>(`${base}/${aspiration.id}`, {
      as: employee,
      method: 'PATCH',
      headers: { 'If-Match': aspiration.etag },
      body: { title: 'Principal engineer' },
    });
    expect(renamed.status).toBe(200);
    const before = await readBoardAs(stack, employee, employee);

    const stale = await stack.call(`${base}/${aspiration.id}/evidence/${entry.id}`, {
      as: employee,
      method: 'DELETE',
      headers: { 'If-Match': aspiration.etag },
    });
    expect(stale.status).toBe(412);
    const missing = await stack.call(`${base}/${aspiration.id}/steps/${aspiration.steps[0].id}`, {
      as: employee,
      method: 'DELETE',
    });
    expect(missing.status).toBe(428);
    const empty = await stack.call(`${base}/${aspiration.id}/evidence/${entry.id}`, {
      as: employee,
      method: 'PATCH',
      headers: { 'If-Match': renamed.body.etag },
      body: {},
    });
    expect(empty.status).toBe(400);
    expect(empty.contentType).toContain('application/problem+json');
    expect(await readBoardAs(stack, employee, employee)).toEqual(before);
  });

  it('the manager cannot remove or rewrite what the employee recorded', async () => {
    const aspiration = await withEvidence();
    const [entry] = aspiration.evidence;
    const refused = await stack.call(`${base}/${aspiration.id}/evidence/${entry.id}`, {
      as: manager,
      method: 'PATCH',
      headers: { 'If-Match': aspiration.etag },
      body: { text: 'Did nothing' },
    });
    expect(refused.status).toBe(403);
    const board = await readBoardAs(stack, employee, manager);
    expect(board.aspirations.find((a) => a.id === aspiration.id)?.evidence[0].text).toBe(
      'Ran the design review',
    );
  });
});
