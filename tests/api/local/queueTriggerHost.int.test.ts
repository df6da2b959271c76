import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { InvocationContext } from '@azure/functions';
import { QueueServiceClient } from '@azure/storage-queue';

import { startAzurite } from '../../../api/src/local/azurite';
import type { Azurite } from '../../../api/src/local/azurite';
import { readQueueHostSettings } from '../../../api/src/local/hostQueueSettings';
import type { QueueHostSettings } from '../../../api/src/local/hostQueueSettings';
import { poisonQueueName } from '../../../api/src/functions/queueTrigger';
import { startQueueTriggerHost } from '../../../api/src/local/queueTriggerHost';
import { encodeQueueMessage } from '../../../api/src/store/workQueue';
import type { QueueFunction, QueueTriggerHost } from '../../../api/src/local/queueTriggerHost';

/**
 * The local queue-trigger host against Azurite over real sockets: delivery, retries up to the
 * poison queue, and redelivery after a worker dies mid-item. Waits are for conditions (a message
 * seen, a queue filled), never for a duration that decides the result.
 */

const WORKER = join(__dirname, 'support', 'hangingQueueWorker.ts');

let azurite: Azurite;
let service: QueueServiceClient;
const hosts: QueueTriggerHost[] = [];
const children: ChildProcess[] = [];
let queueNumber = 0;

beforeAll(async () => {
  azurite = await startAzurite({ port: 0 });
  service = QueueServiceClient.fromConnectionString(azurite.connectionString);
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

afterAll(async () => {
  await azurite?.close();
});

const SETTINGS: QueueHostSettings = { ...readQueueHostSettings(), maxPollingIntervalMs: 200 };

async function freshQueue(): Promise<string> {
  const name = `work-items-${process.pid}-${++queueNumber}`;
  await service.getQueueClient(name).create();
  return name;
}

async function send(queueName: string, message: unknown): Promise<void> {
  await service.getQueueClient(queueName).sendMessage(encodeQueueMessage(message, 'base64'));
}

async function host(
  fn: QueueFunction,
  settings: Partial<QueueHostSettings> = {},
  leaseMs?: number,
) {
  const started = await startQueueTriggerHost({
    service,
    functions: [fn],
    settings: { ...SETTINGS, ...settings },
    leaseMs,
    minPollingIntervalMs: 20,
  });
  hosts.push(started);
  return started;
}

/** Polls until `check` answers; a condition that never comes fails by name, within jest's timeout. */
async function until<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const giveUp = Date.now() + 45_000;
  while (Date.now() < giveUp) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

async function messagesIn(queueName: string): Promise<number> {
  const props = await service.getQueueClient(queueName).getProperties();
  return props.approximateMessagesCount ?? 0;
}

describe('queue-trigger host on Azurite', () => {
  it('delivers a message once, decoded, with its trigger metadata, and deletes it', async () => {
    const queueName = await freshQueue();
    const seen: Array<{ message: unknown; context: InvocationContext }> = [];
    const running = await host({
      name: 'bookManager',
      queueName,
      handler: async (message, context) => {
        seen.push({ message, context });
      },
    });
    await send(queueName, { tenantId: 't1', managerId: 'm1' });
    await until(async () => (seen.length > 0 ? true : undefined), 'delivery');
    await running.stop();

    expect(seen).toHaveLength(1);
    expect(seen[0]!.message).toEqual({ tenantId: 't1', managerId: 'm1' });
    expect(seen[0]!.context.functionName).toBe('bookManager');
    expect(seen[0]!.context.triggerMetadata).toEqual(
      expect.objectContaining({ id: expect.any(String), dequeueCount: 1 }),
    );
    expect(await messagesIn(queueName)).toBe(0);
  });

  it('retries a failing run with a rising dequeue count, then moves it to the poison queue', async () => {
    const queueName = await freshQueue();
    const counts: unknown[] = [];
    await host(
      {
        name: 'alwaysFails',
        queueName,
        handler: async (_message, context) => {
          counts.push(context.triggerMetadata?.dequeueCount);
          throw Object.assign(new Error('Graph refused: private agenda text'), { code: 'EBOOK' });
        },
      },
      { maxDequeueCount: 3, visibilityTimeoutMs: 0 },
    );
    await send(queueName, { managerId: 'm2' });

    const poison = service.getQueueClient(poisonQueueName(queueName));
    const moved = await until(async () => {
      if (!(await poison.exists())) return undefined;
      const peeked = await poison.peekMessages({ numberOfMessages: 32 });
      return peeked.peekedMessageItems.length > 0 ? peeked.peekedMessageItems : undefined;
    }, 'poison message');

    expect(counts).toEqual([1, 2, 3]);
    expect(moved).toHaveLength(1);
    expect(JSON.parse(Buffer.from(moved[0]!.messageText, 'base64').toString('utf8'))).toEqual({
      managerId: 'm2',
    });
    // The move is send-then-delete: the poison copy can be seen a moment before the original goes.
    await until(
      async () => ((await messagesIn(queueName)) === 0 ? true : undefined),
      'original removed',
    );
  });

  it('moves a message already delivered past the limit to the poison queue without running it', async () => {
    const queueName = await freshQueue();
    await send(queueName, { managerId: 'm3' });
    const queue = service.getQueueClient(queueName);
    // Two deliveries whose workers never settled them (visibility 1 s lapses each time).
    for (let delivery = 1; delivery <= 2; delivery++) {
      await until(async () => {
        const got = await queue.receiveMessages({ visibilityTimeout: 1 });
        return got.receivedMessageItems.length > 0 ? true : undefined;
      }, `delivery ${delivery}`);
    }
    const runs: unknown[] = [];
    await host(
      { name: 'neverRuns', queueName, handler: async (m) => void runs.push(m) },
      { maxDequeueCount: 2 },
    );
    const poison = service.getQueueClient(poisonQueueName(queueName));
    await until(
      async () =>
        (await poison.exists()) && (await messagesIn(poison.name)) > 0 ? true : undefined,
      'poison',
    );
    expect(runs).toEqual([]);
    // The move is send-then-delete: the poison copy can be seen a moment before the original goes.
    await until(
      async () => ((await messagesIn(queueName)) === 0 ? true : undefined),
      'original removed',
    );
  });

  it('redelivers the item of a worker killed mid-run once its lease lapses', async () => {
    const queueName = await freshQueue();
    await send(queueName, { managerId: 'm4' });
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: {
        ...process.env,
        CONNECTION_STRING: azurite.connectionString,
        QUEUE_NAME: queueName,
        LEASE_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(
      async () => (output.includes('started 1') ? true : undefined),
      'the worker started',
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const seen: Array<{ message: unknown; dequeueCount: unknown }> = [];
    await host({
      name: 'survivor',
      queueName,
      handler: async (message, context) => {
        seen.push({ message, dequeueCount: context.triggerMetadata?.dequeueCount });
      },
    });
    await until(async () => (seen.length > 0 ? true : undefined), 'redelivery');
    expect(seen).toEqual([{ message: { managerId: 'm4' }, dequeueCount: 2 }]);
  });

  it('refuses a taken port with the message the other local servers give', async () => {
    await expect(startAzurite({ port: azurite.port })).rejects.toThrow(
      `Port ${azurite.port} (Azurite queues) is already in use`,
    );
  });
});
