import type { QueueTriggerDefinition } from '../../../api/src/functions/queueTrigger';
import { encodeQueueMessage } from '../../../api/src/store/workQueue';
import { startTestStack } from '../../support/testStack';
import type { TestStack } from '../../support/testStack';

/**
 * The local stack runs its queue triggers from Azurite with the stack's own services, as the
 * Functions host runs `app.storageQueue` registrations (toQueueHandler) in Azure.
 */

const seen: Array<{ message: unknown; dequeueCount: number; tenants: string[] }> = [];
const failures: number[] = [];

const triggers: QueueTriggerDefinition[] = [
  {
    name: 'recordWork',
    queueName: 'stack-work',
    run: async ({ services, message, dequeueCount }) => {
      seen.push({ message, dequeueCount, tenants: services.config.scheduler.tenants });
    },
  },
  {
    name: 'failOnce',
    queueName: 'stack-flaky',
    run: async ({ dequeueCount }) => {
      failures.push(dequeueCount);
      if (dequeueCount === 1) throw new Error('transient');
    },
  },
];

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ queueTriggers: triggers });
});
afterAll(async () => stack?.close());

async function until(check: () => boolean, what: string): Promise<void> {
  const giveUp = Date.now() + 45_000;
  while (!check()) {
    if (Date.now() > giveUp) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('queue triggers in the local stack', () => {
  it('creates the queues and runs a message with the stack services', async () => {
    const queue = stack.queues.service.getQueueClient('stack-work');
    expect(await queue.exists()).toBe(true);
    await queue.sendMessage(encodeQueueMessage({ tenantId: 't1', managers: ['m1'] }, 'base64'));
    await until(() => seen.length > 0, 'the message ran');
    expect(seen).toEqual([
      {
        message: { tenantId: 't1', managers: ['m1'] },
        dequeueCount: 1,
        tenants: stack.config.scheduler.tenants,
      },
    ]);
  });

  it('retries a run that failed (host.json visibilityTimeout 0) until it succeeds', async () => {
    const queue = stack.queues.service.getQueueClient('stack-flaky');
    await queue.sendMessage(encodeQueueMessage({ n: 1 }, 'base64'));
    await until(() => failures.length >= 2, 'the retry');
    expect(failures).toEqual([1, 2]);
  });
});
