import type {
  AspirationView,
  BoardView,
  HistoryEntryView,
  TeamView,
} from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { demoCast } from '../../../support/demoCast';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

let stack: TestStack;
const { employee, manager, peer } = DEMO.contoso;
const base = `/boards/${DEMO.contoso.employee}`;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

describe('the shared board', () => {
  it('the employee says it, the manager sees and acknowledges it, the employee sees that', async () => {
    const aspiration = await addAspiration(stack, employee);
    const step = await stack.call<AspirationView>(`${base}/aspirations/${aspiration.id}/evidence`, {
      as: employee,
      method: 'POST',
      body: {
        text: 'Ran the design review',
        date: '2026-11-02',
        link: 'https://wiki.contoso.example/rfc-12',
      },
    });
    expect(step.status).toBe(201);

    const team = await stack.call<TeamView>('/team', { as: manager });
    const row = team.body.members.find((m) => m.id === employee)!;
    expect(row.flags).toContain('needs-acknowledgement');
    expect(row.latestByHorizon.next).toBeTruthy();

    const ack = await stack.call<AspirationView>(
      `${base}/aspirations/${aspiration.id}/acknowledgement`,
      {
        as: manager,
        method: 'POST',
        body: { note: 'I will introduce you to the platform sponsor.' },
        headers: { 'If-Match': step.body.etag },
      },
    );
    expect(ack.status).toBe(200);

    const board = await readBoardAs(stack, employee, employee);
    const seen = board.aspirations.find((a) => a.id === aspiration.id)!;
    expect(seen.acknowledgement).toMatchObject({
      by: { id: manager },
      note: 'I will introduce you to the platform sponsor.',
    });
    expect(seen.changedSinceAcknowledged).toBe(false);
    expect(seen.evidence[0]).toMatchObject({
      text: 'Ran the design review',
      link: 'https://wiki.contoso.example/rfc-12',
    });

    const edit = await stack.call<AspirationView>(`${base}/aspirations/${aspiration.id}`, {
      as: employee,
      method: 'PATCH',
      body: { title: 'Staff engineer, platform' },
      headers: { 'If-Match': seen.etag },
    });
    expect(edit.body.changedSinceAcknowledged).toBe(true);
  });

  it('refuses bad input with problem+json naming each field, and changes nothing', async () => {
    const before = await readBoardAs(stack, employee, employee);
    const result = await stack.call<{ errors: { path: string }[]; status: number }>(
      `${base}/aspirations`,
      {
        as: employee,
        method: 'POST',
        body: { kind: 'dream', horizon: '10y', title: '', details: 'x'.repeat(4001), extra: true },
      },
    );
    expect(result.status).toBe(400);
    expect(result.contentType).toContain('application/problem+json');
    const paths = result.body.errors.map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['details', 'horizon', 'kind', 'title']));
    expect(await readBoardAs(stack, employee, employee)).toEqual(before);
  });

  it('refuses invalid JSON and the wrong content type with a clear 4xx', async () => {
    const invalid = await stack.call(`${base}/aspirations`, {
      as: employee,
      method: 'POST',
      rawBody: '{"title": ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(invalid.status).toBe(400);
    const wrongType = await stack.call(`${base}/aspirations`, {
      as: employee,
      method: 'POST',
      rawBody: 'title=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.status).toBe(415);
  });

  it('stops at 50 aspirations with a clear message', async () => {
    const someone = demoCast(stack.orgStore.snapshot()).bigTeamReport;
    for (let i = 0; i < 50; i++)
      await addAspiration(stack, someone, { title: `Aspiration ${i}`, steps: [] });
    const over = await stack.call<{ detail: string }>(`/boards/${someone}/aspirations`, {
      as: someone,
      method: 'POST',
      body: { kind: 'skill', horizon: 'next', title: 'One too many' },
    });
    expect(over.status).toBe(422);
    expect(over.body.detail).toMatch(/at most 50/);
  });

  it('records every change in a history both people can read', async () => {
    const aspiration = await addAspiration(stack, employee, {
      title: 'Lead the Northwind account',
    });
    await stack.call(`${base}/aspirations/${aspiration.id}/comments`, {
      as: manager,
      method: 'POST',
      body: { text: 'Let us talk Friday' },
    });
    for (const reader of [employee, manager]) {
      const history = await stack.call<{ entries: HistoryEntryView[] }>(`${base}/history`, {
        as: reader,
      });
      expect(history.status).toBe(200);
      const forThis = history.body.entries.filter((e) => e.aspirationId === aspiration.id);
      expect(forThis.map((e) => e.action)).toEqual(['comment.added', 'aspiration.created']);
      expect(forThis[1]).toMatchObject({
        actor: { id: employee },
        summary: 'Added the aspiration "Lead the Northwind account"',
      });
    }
  });

  it('reordering moves an aspiration within its horizon without marking it changed', async () => {
    const someone = demoCast(stack.orgStore.snapshot()).bigTeamReport2;
    const first = await addAspiration(stack, someone, { title: 'First', steps: [] });
    const second = await addAspiration(stack, someone, { title: 'Second', steps: [] });
    const moved = await stack.call<AspirationView>(`/boards/${someone}/aspirations/${second.id}`, {
      as: someone,
      method: 'PATCH',
      body: { position: first.position - 1 },
      headers: { 'If-Match': second.etag },
    });
    expect(moved.status).toBe(200);
    const board = await stack.call<BoardView>(`/boards/${someone}`, { as: someone });
    expect(board.body.aspirations.map((a) => a.title)).toEqual(['Second', 'First']);
  });

  it('a peer cannot read a board, and is told why', async () => {
    const result = await stack.call<{ detail: string }>(base, { as: peer });
    expect(result.status).toBe(403);
    expect(result.body.detail).toMatch(/current manager/);
  });
});
