import type { QueueTriggerDefinition } from '../../../api/src/functions/queueTrigger';
import { queueTriggers } from '../../../api/src/functions/queueTriggers';
import { encodeQueueMessage } from '../../../api/src/store/workQueue';
import { startQueueWorker } from '../../../api/src/local/queueWorker';
import type { QueueWorker } from '../../../api/src/local/queueWorker';
import { startWorkers } from '../../../bench/fanOutWorkers';
import { startTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

/**
 * A queue worker is another Functions instance of a running stack: its own Services, but the
 * stack's Cosmos DB, Graph simulator and Azurite. The bench's worker processes are built on it.
 */

const seen: Array<{ settingsEtag: string | null; person: string | null }> = [];
let failures = 0;

const triggers: QueueTriggerDefinition[] = [
  {
    name: 'readThroughStack',
    queueName: 'worker-reads',
    run: async ({ services, message }) => {
      const { tenantId, userId } = message as { tenantId: string; userId: string };
      const settings = await services.settings.read(tenantId);
      const person = await services.directory.getPerson(tenantId, userId);
      seen.push({ settingsEtag: settings.etag, person: person?.displayName ?? null });
    },
  },
  {
    name: 'failOnce',
    queueName: 'worker-flaky',
    run: async ({ dequeueCount }) => {
      if (dequeueCount === 1) {
        failures++;
        throw new Error('transient');
      }
    },
  },
];

let stack: TestStack;
let worker: QueueWorker | undefined;
beforeAll(async () => {
  // The stack's own process runs no triggers: only the worker consumes the queues.
  stack = await startTestStack({ queueTriggers: [] });
});
afterAll(async () => {
  await worker?.stop();
  await stack?.close();
});

async function until(check: () => boolean, what: string): Promise<void> {
  const giveUp = Date.now() + 45_000;
  while (!check()) {
    if (Date.now() > giveUp) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a queue worker on a running stack', () => {
  it("runs its triggers against the stack's Cosmos DB and Graph simulator and counts the runs", async () => {
    worker = await startQueueWorker({
      ports: stack.ports,
      tenants: stack.config.scheduler.tenants,
      orgChartCacheSeconds: 0,
      triggers,
    });
    // Settings the stack seeded (seedPilots.ts) exist only in the stack's Cosmos DB.
    const [tenantId] = await stack.services.settings.tenantsWithSettings();
    const stored = await stack.services.settings.read(tenantId);
    expect(stored.etag).not.toBeNull();
    const user = stack.orgStore.snapshot().users.find((u) => u.tenantId === tenantId)!;

    await stack.queues.service
      .getQueueClient('worker-reads')
      .sendMessage(encodeQueueMessage({ tenantId, userId: user.id }, 'base64'));
    await stack.queues.service
      .getQueueClient('worker-flaky')
      .sendMessage(encodeQueueMessage({ n: 1 }, 'base64'));
    await until(() => seen.length > 0, 'the read ran');
    await until(() => worker!.counters().runs.failOnce.done === 1, 'the retry succeeded');

    expect(seen).toEqual([{ settingsEtag: stored.etag, person: user.displayName }]);
    expect(failures).toBe(1);
    const counters = worker.counters();
    expect(counters.runs).toEqual({
      readThroughStack: { done: 1, failed: 0 },
      failOnce: { done: 1, failed: 1 },
    });
    expect(counters.busyMs).toBeGreaterThan(0);
  });

  it("starts the bench's worker processes and collects each one's report when they stop", async () => {
    const pool = await startWorkers(stack, 2, () => undefined);
    const reports = await pool.stop();
    expect(reports.map((r) => r.index).sort()).toEqual([0, 1]);
    for (const report of reports) {
      // Each process ran the app's own trigger table, and measured its own CPU.
      expect(Object.keys(report.counters.runs).sort()).toEqual(
        queueTriggers.map((t) => t.name).sort(),
      );
      expect(report.processCpu.total).toBeGreaterThan(0);
      expect(report.cpu.total).toBeLessThanOrEqual(report.processCpu.total);
      expect(report.maxRssMb).toBeGreaterThan(0);
    }
  });
});
