import type { BoardView, HistoryEntryView } from '../../../../api/src/contract/boardContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration } from '../../../support/boardFixtures';
import { demoCast } from '../../../support/demoCast';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

describe('a change of manager in the org chart', () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  it('refuses the old manager and lets the new one read the full history', async () => {
    stack = await startTestStack({ orgChartCacheSeconds: 0 });
    const { employee, manager } = DEMO.contoso;
    const { peerManager } = demoCast(stack.orgStore.snapshot());
    const aspiration = await addAspiration(stack, employee);
    const ack = await stack.call(
      `/boards/${employee}/aspirations/${aspiration.id}/acknowledgement`,
      { as: manager, method: 'POST', body: {}, headers: { 'If-Match': aspiration.etag } },
    );
    expect(ack.status).toBe(200);

    stack.orgStore.updateUser(DEMO.contoso.tenantId, employee, { managerId: peerManager });

    expect((await stack.call(`/boards/${employee}`, { as: manager })).status).toBe(403);
    const board = await stack.call<BoardView>(`/boards/${employee}`, { as: peerManager });
    expect(board.status).toBe(200);
    expect(board.body.manager?.id).toBe(peerManager);
    expect(board.body.aspirations.map((a) => a.id)).toContain(aspiration.id);
    const history = await stack.call<{ entries: HistoryEntryView[] }>(
      `/boards/${employee}/history`,
      { as: peerManager },
    );
    expect(history.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['aspiration.created', 'aspiration.acknowledged']),
    );
  });

  it('takes effect for access within the org-chart cache time', async () => {
    stack = await startTestStack({ orgChartCacheSeconds: 1 });
    const { employee, manager } = DEMO.contoso;
    const { peerManager } = demoCast(stack.orgStore.snapshot());
    expect((await stack.call(`/boards/${employee}`, { as: manager })).status).toBe(200);
    stack.orgStore.updateUser(DEMO.contoso.tenantId, employee, { managerId: peerManager });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await stack.call(`/boards/${employee}`, { as: manager })).status).toBe(403);
    expect((await stack.call(`/boards/${employee}`, { as: peerManager })).status).toBe(200);
  });
});
