import type { PrivateNotesView } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration } from '../../../support/boardFixtures';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

let stack: TestStack;
const { employee, manager, peer, skipLevel } = DEMO.contoso;
const base = `/boards/${DEMO.contoso.employee}`;
const EMPLOYEE_SECRET = 'EMPLOYEE-SECRET-7f3a: thinking about leaving if the promotion stalls';
const MANAGER_SECRET = 'MANAGER-SECRET-91bc: budget for the course is uncertain';

beforeAll(async () => {
  stack = await startTestStack();
  await addAspiration(stack, employee);
  expect(
    (
      await stack.call(`${base}/notes`, {
        as: employee,
        method: 'PUT',
        body: { text: EMPLOYEE_SECRET },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await stack.call(`${base}/notes`, {
        as: manager,
        method: 'PUT',
        body: { text: MANAGER_SECRET },
      })
    ).status,
  ).toBe(200);
});
afterAll(async () => {
  await stack.close();
});

describe('private notes are visible to their author alone', () => {
  it('each person reads back only their own notes', async () => {
    expect((await stack.call<PrivateNotesView>(`${base}/notes`, { as: employee })).body.text).toBe(
      EMPLOYEE_SECRET,
    );
    expect((await stack.call<PrivateNotesView>(`${base}/notes`, { as: manager })).body.text).toBe(
      MANAGER_SECRET,
    );
  });

  it('never appear in any other response: board, history, team view, errors', async () => {
    const responses = await Promise.all([
      stack.call(base, { as: employee }),
      stack.call(base, { as: manager }),
      stack.call(`${base}/history`, { as: employee }),
      stack.call(`${base}/history`, { as: manager }),
      stack.call('/team', { as: manager }),
      stack.call('/me', { as: manager }),
      stack.call(`${base}/notes`, { as: peer }),
      stack.call(`${base}/notes`, { as: skipLevel }),
      stack.call(`/boards/${employee}/notes`, { as: DEMO.fabrikam.employee }),
      stack.call(`${base}/notes`, { as: manager, method: 'PUT', body: { text: 5 } }),
    ]);
    const employeeSees = [responses[0], responses[2]].map((r) => JSON.stringify(r.body)).join('\n');
    const managerSees = [responses[1], responses[3], responses[4], responses[5], responses[9]]
      .map((r) => JSON.stringify(r.body))
      .join('\n');
    const othersSee = responses
      .slice(6, 9)
      .map((r) => JSON.stringify(r.body))
      .join('\n');
    expect(employeeSees).not.toContain('MANAGER-SECRET');
    expect(managerSees).not.toContain('EMPLOYEE-SECRET');
    expect(othersSee).not.toMatch(/SECRET/);
    expect(responses.slice(6, 8).map((r) => r.status)).toEqual([403, 403]);
  });

  it('a stale If-Match on notes is refused and the notes stay', async () => {
    const current = await stack.call<PrivateNotesView>(`${base}/notes`, { as: employee });
    const saved = await stack.call<PrivateNotesView>(`${base}/notes`, {
      as: employee,
      method: 'PUT',
      body: { text: `${EMPLOYEE_SECRET} (edited)` },
      headers: { 'If-Match': current.body.etag! },
    });
    expect(saved.status).toBe(200);
    const stale = await stack.call(`${base}/notes`, {
      as: employee,
      method: 'PUT',
      body: { text: 'lost update' },
      headers: { 'If-Match': current.body.etag! },
    });
    expect(stale.status).toBe(412);
    expect((await stack.call<PrivateNotesView>(`${base}/notes`, { as: employee })).body.text).toBe(
      `${EMPLOYEE_SECRET} (edited)`,
    );
  });

  it('replacing existing notes without If-Match is refused with 428 and the notes stay', async () => {
    const before = await stack.call<PrivateNotesView>(`${base}/notes`, { as: manager });
    const blind = await stack.call(`${base}/notes`, {
      as: manager,
      method: 'PUT',
      body: { text: 'blind overwrite' },
    });
    expect(blind.status).toBe(428);
    expect(blind.contentType).toContain('application/problem+json');
    const after = await stack.call<PrivateNotesView>(`${base}/notes`, { as: manager });
    expect(after.body).toEqual(before.body);
  });

  it('the first notes on a board need no If-Match', async () => {
    const otherBoard = `/boards/${DEMO.contoso.manager}/notes`;
    const first = await stack.call<PrivateNotesView>(otherBoard, {
      as: manager,
      method: 'PUT',
      body: { text: 'first notes' },
    });
    expect(first.status).toBe(200);
    expect(first.body.etag).toEqual(expect.any(String));
  });
});
