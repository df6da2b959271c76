import type { AspirationView, BoardView } from '../../../../api/src/contract/boardContract';
import type { TenantSettingsView } from '../../../../api/src/contract/settingsContract';
import { DEMO } from '../../../../api/src/local/demo-org/demoDirectory';
import { addAspiration, readBoardAs } from '../../../support/boardFixtures';
import { recordDemoPilotMembers } from '../../../support/demoPilot';
import { startTestStack } from '../../../support/testStack';
import type { TestStack } from '../../../support/testStack';

/** An acknowledgement says which version the manager saw, so an unseen edit is never marked seen. */

let stack: TestStack;
const { employee, manager } = DEMO.contoso;
const OTHER_GROUP = '0b6a4d1e-2f3c-4a5b-8c7d-9e0f1a2b3c4d';
const path = (id: string) => `/boards/${employee}/aspirations/${id}`;

beforeAll(async () => {
  stack = await startTestStack();
  await recordDemoPilotMembers(stack, DEMO.contoso.tenantId);
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

describe('the employee hears of an acknowledgement in their Teams activity feed', () => {
  interface Sent {
    tenantId: string;
    recipientId: string;
    activityType: string;
    topic: { value: string; webUrl: string | null };
    text: string;
  }
  const notifications = async () => {
    const response = await fetch(`${stack.urls.dev}/dev/activity-notifications`);
    return ((await response.json()) as Sent[]).filter(
      (n) => n.activityType === 'aspirationAcknowledged',
    );
  };
  const dev = (method: string, path: string, body?: unknown) =>
    fetch(`${stack.urls.dev}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const TITLE = 'Principal engineer for the payments platform, privately';
  const NOTE = 'I will sponsor you for the architecture guild';

  beforeEach(async () => {
    await dev('DELETE', '/dev/activity-notifications');
  });
  afterEach(async () => {
    await dev('DELETE', '/dev/activity-notifications/failure');
  });

  it('exactly once per acknowledged version, naming neither the aspiration nor the note', async () => {
    const aspiration = await addAspiration(stack, employee, { title: TITLE, steps: [] });
    expect((await acknowledge(aspiration.id, { 'If-Match': aspiration.etag }, NOTE)).status).toBe(
      200,
    );
    // The manager presses again (or the request is retried): the employee already knows.
    expect((await acknowledge(aspiration.id, { 'If-Match': aspiration.etag }, NOTE)).status).toBe(
      200,
    );

    const sent = await notifications();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      tenantId: DEMO.contoso.tenantId,
      recipientId: employee,
      text: 'Your manager acknowledged an aspiration on your board',
    });
    expect(sent[0].topic.webUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/entity\/[^/]+\/board\?/,
    );
    const everything = JSON.stringify(sent);
    expect(everything).not.toContain('Principal engineer');
    expect(everything).not.toContain('payments');
    expect(everything).not.toContain('architecture guild');
    expect(everything).not.toContain(aspiration.id);

    // The employee changes it and the manager acknowledges what is new: that is news again.
    const edit = await stack.call<AspirationView>(path(aspiration.id), {
      as: employee,
      method: 'PATCH',
      body: { details: 'And I would like to own the incident review' },
      headers: { 'If-Match': aspiration.etag },
    });
    expect(edit.status).toBe(200);
    expect((await acknowledge(aspiration.id, { 'If-Match': edit.body.etag })).status).toBe(200);
    expect(await notifications()).toHaveLength(2);
  });

  it('a notification that fails (the app is not installed for her) leaves the acknowledgement saved', async () => {
    await dev('PUT', '/dev/activity-notifications/failure', { status: 403, userIds: [employee] });
    const aspiration = await addAspiration(stack, employee, { title: TITLE, steps: [] });
    const result = await acknowledge(aspiration.id, { 'If-Match': aspiration.etag }, NOTE);
    expect(result.status).toBe(200);
    expect(result.body.acknowledgement).toMatchObject({ by: { id: manager }, note: NOTE });
    const stored = (await readBoardAs(stack, employee, employee)).aspirations.find(
      (a) => a.id === aspiration.id,
    )!;
    expect(stored.acknowledgement).toMatchObject({ note: NOTE });
    expect(await notifications()).toEqual([]);
  });

  it('a Graph outage does not fail the acknowledgement either', async () => {
    await dev('PUT', '/dev/activity-notifications/failure', { status: 503 });
    const aspiration = await addAspiration(stack, employee, { title: TITLE, steps: [] });
    const result = await acknowledge(aspiration.id, { 'If-Match': aspiration.etag });
    expect(result.status).toBe(200);
    expect(result.body.acknowledgement).toMatchObject({ by: { id: manager } });
    expect(await notifications()).toEqual([]);
  });

  it('nobody outside the pilot is notified', async () => {
    const admin = DEMO.contoso.admin;
    const before = await stack.call<TenantSettingsView>('/settings', { as: admin });
    const set = await stack.call<{ etag: string }>('/settings', {
      as: admin,
      method: 'PUT',
      // A group Nia is not in: the pilot members synced for the demo pilot do not count for it.
      body: { pilot: { group: { id: OTHER_GROUP, displayName: 'Another group' } } },
      headers: { 'If-Match': before.body.etag! },
    });
    expect(set.status).toBe(200);
    try {
      const aspiration = await addAspiration(stack, employee, { title: TITLE, steps: [] });
      expect((await acknowledge(aspiration.id, { 'If-Match': aspiration.etag })).status).toBe(200);
      expect(await notifications()).toEqual([]);
    } finally {
      const back = await stack.call('/settings', {
        as: admin,
        method: 'PUT',
        body: { pilot: before.body.pilot },
        headers: { 'If-Match': set.body.etag },
      });
      expect(back.status).toBe(200);
    }
  });
});
