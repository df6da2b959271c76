import { createCalendarGateway } from '../../../api/src/graph/calendarGateway';
import { intoBatches, readEventsBatched } from '../../../api/src/graph/batchedEventReads';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { startTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

/** Re-reading booked events through $batch, against the simulator's throttling and faults. */

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

describe('batched event reads', () => {
  it('put at most 20 items in a batch and never one mailbox twice', () => {
    const reads = Array.from({ length: 45 }, (_, i) => ({
      key: `k${i}`,
      organizerId: `m${i % 3}`,
      eventId: `e${i}`,
    }));
    const batches = intoBatches(reads);
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(20);
      expect(new Set(batch.map((r) => r.organizerId)).size).toBe(batch.length);
    }
    expect(batches.flat()).toHaveLength(45);
  });

  it('retry items throttled inside a batch, honouring Retry-After, until every event is read', async () => {
    const tenantId = DEMO.contoso.tenantId;
    const client = stack.services.graphFor(tenantId);
    const calendar = createCalendarGateway(client, stack.services.mailboxLimiter);
    const directory = stack.orgStore.snapshot();
    const managers = directory.users
      .filter(
        (u) =>
          u.tenantId === tenantId && u.mail && directory.users.some((r) => r.managerId === u.id),
      )
      .slice(0, 6);
    const created = [];
    for (const [i, manager] of managers.entries()) {
      const report = directory.users.find((u) => u.managerId === manager.id && u.mail)!;
      const start = new Date(Date.now() + (3 + i) * 86_400_000);
      start.setUTCHours(23, 0, 0, 0);
      created.push({
        manager,
        event: await calendar.createEvent({
          organizerId: manager.id,
          attendee: { mail: report.mail!, displayName: report.displayName },
          subject: 'Batch test',
          agendaHtml: '<p>x</p>',
          start: start.toISOString(),
          end: new Date(start.getTime() + 30 * 60_000).toISOString(),
          transactionId: `00000000-0000-4000-a000-00000000000${i}`,
        }),
      });
    }
    await fetch(`${stack.urls.dev}/dev/graph-stats`, { method: 'DELETE' });
    const faults = await fetch(`${stack.urls.dev}/dev/graph-faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ failureRate: 0.5, statuses: [429], seed: 3, retryAfterSeconds: 0 }),
    });
    expect(faults.status).toBeLessThan(300);
    const waits: number[] = [];
    const results = await readEventsBatched(
      client,
      stack.services.mailboxLimiter,
      created.map(({ manager, event }) => ({
        key: event.id,
        organizerId: manager.id,
        eventId: event.id,
      })),
      undefined,
      async (ms) => {
        waits.push(ms);
      },
    );
    await fetch(`${stack.urls.dev}/dev/graph-faults`, { method: 'DELETE' });
    const stats = (await (await fetch(`${stack.urls.dev}/dev/graph-stats`)).json()) as {
      faulted: number;
      batches: number;
    };
    expect(stats.faulted).toBeGreaterThan(0);
    expect(stats.batches).toBeGreaterThan(1);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms === 0)).toBe(true);
    for (const { event } of created)
      expect(results.get(event.id)).toMatchObject({ ok: true, event: { id: event.id } });
  });
});
