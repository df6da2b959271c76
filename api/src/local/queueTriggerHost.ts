import { randomUUID } from 'node:crypto';

import { InvocationContext } from '@azure/functions';
import type { StorageQueueHandler } from '@azure/functions';
import type { DequeuedMessageItem, QueueClient, QueueServiceClient } from '@azure/storage-queue';

import { describeError } from '../logging/logSafety';
import type { QueueHostSettings } from './hostQueueSettings';
import { poisonQueueName } from '../functions/queueTrigger';

/**
 * Runs `app.storageQueue` handlers locally the way the Functions host runs them in Azure, over the
 * real Storage SDK against Azurite. Microsoft's description of the trigger ("Azure Queue storage
 * trigger for Azure Functions",
 * https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger)
 * and its host.json settings (hostQueueSettings.ts) are what it follows:
 * - polling backs off exponentially while the queue is empty, up to `maxPollingInterval`, and
 *   returns to fast polling as soon as a message arrives ("Polling algorithm");
 * - a message being processed stays invisible to every other instance: it is fetched hidden for
 *   10 minutes, renewed while the function runs, so a worker that dies mid-item leaves it to
 *   reappear once that lease lapses, with its dequeue count one higher ("Concurrency");
 * - a run that throws puts the message back, visible again after `visibilityTimeout`; once it has
 *   been delivered `maxDequeueCount` times it moves to `<queue>-poison` instead, and a message
 *   fetched with a count already past the limit (its workers kept dying) goes there unrun
 *   ("Poison messages");
 * - message text is base64 unless `messageEncoding` says none; the handler gets parsed JSON when
 *   the text is JSON, with `id`, `dequeueCount`, `popReceipt`, insertion, expiry and next-visible
 *   times as trigger metadata ("Message metadata").
 */

export interface QueueFunction {
  name: string;
  queueName: string;
  handler: StorageQueueHandler;
}

export interface QueueTriggerHostOptions {
  service: QueueServiceClient;
  functions: QueueFunction[];
  settings: QueueHostSettings;
  /** How long a fetched message stays hidden while it runs (renewed at half); the host's 10 min. */
  leaseMs?: number;
  /** The first and shortest wait between polls of an empty queue. */
  minPollingIntervalMs?: number;
  log?: (line: string) => void;
}

export interface QueueTriggerHost {
  /** Stops polling and waits for the runs in progress to finish (and settle their messages). */
  stop(): Promise<void>;
}

const DEFAULT_LEASE_MS = 10 * 60_000;
const DEFAULT_MIN_POLL_MS = 100;

function decodeQueueMessage(text: string, encoding: QueueHostSettings['messageEncoding']): unknown {
  const decoded = encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
  try {
    return JSON.parse(decoded) as unknown;
  } catch {
    return decoded;
  }
}

export async function startQueueTriggerHost(
  options: QueueTriggerHostOptions,
): Promise<QueueTriggerHost> {
  const log = options.log ?? (() => undefined);
  const listeners = await Promise.all(
    options.functions.map(async (fn) => {
      const queue = options.service.getQueueClient(fn.queueName);
      await queue.createIfNotExists();
      return new QueueListener(fn, queue, options, log);
    }),
  );
  for (const listener of listeners) listener.start();
  return {
    async stop() {
      await Promise.all(listeners.map((l) => l.stop()));
    },
  };
}

class QueueListener {
  private stopped = false;
  private readonly running = new Set<Promise<void>>();
  private loop: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private readonly leaseSeconds: number;
  private readonly minPollMs: number;

  constructor(
    private readonly fn: QueueFunction,
    private readonly queue: QueueClient,
    private readonly options: QueueTriggerHostOptions,
    private readonly log: (line: string) => void,
  ) {
    this.leaseSeconds = Math.max(1, Math.round((options.leaseMs ?? DEFAULT_LEASE_MS) / 1000));
    this.minPollMs = options.minPollingIntervalMs ?? DEFAULT_MIN_POLL_MS;
  }

  start(): void {
    this.loop = this.poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await Promise.all(this.running);
  }

  private async poll(): Promise<void> {
    const { batchSize, newBatchThreshold, maxPollingIntervalMs } = this.options.settings;
    let delay = this.minPollMs;
    while (!this.stopped) {
      let messages: DequeuedMessageItem[] = [];
      try {
        const response = await this.queue.receiveMessages({
          numberOfMessages: batchSize,
          visibilityTimeout: this.leaseSeconds,
        });
        messages = response.receivedMessageItems;
      } catch (error) {
        this.log(`[${this.fn.name}] polling ${this.fn.queueName} failed: ${describeError(error)}`);
      }
      if (messages.length === 0) {
        await this.sleep(delay);
        delay = Math.min(delay * 2, Math.max(maxPollingIntervalMs, this.minPollMs));
        continue;
      }
      delay = this.minPollMs;
      for (const message of messages) this.track(this.process(message));
      // Like the host: fetch the next batch once no more than newBatchThreshold are still running.
      while (!this.stopped && this.running.size > newBatchThreshold) {
        await Promise.race(this.running);
      }
    }
  }

  private track(run: Promise<void>): void {
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async process(message: DequeuedMessageItem): Promise<void> {
    const { maxDequeueCount, messageEncoding, visibilityTimeoutMs } = this.options.settings;
    const tag = `[${this.fn.name}] message ${message.messageId}`;
    try {
      if (message.dequeueCount > maxDequeueCount) {
        await this.moveToPoison(message, message.popReceipt);
        this.log(
          `${tag} moved to ${poisonQueueName(this.fn.queueName)} unrun (delivery ${message.dequeueCount})`,
        );
        return;
      }
      const lease = this.keepHidden(message);
      let failed = false;
      try {
        const context = new InvocationContext({
          invocationId: randomUUID(),
          functionName: this.fn.name,
          triggerMetadata: {
            id: message.messageId,
            dequeueCount: message.dequeueCount,
            popReceipt: message.popReceipt,
            insertionTime: message.insertedOn.toISOString(),
            expirationTime: message.expiresOn.toISOString(),
            nextVisibleTime: message.nextVisibleOn.toISOString(),
          },
          logHandler: (level, ...args) =>
            this.log(`[${this.fn.name}] [${level}] ${args.map(String).join(' ')}`),
        });
        await this.fn.handler(decodeQueueMessage(message.messageText, messageEncoding), context);
      } catch (error) {
        failed = true;
        this.log(`${tag} failed (delivery ${message.dequeueCount}): ${describeError(error)}`);
      }
      const popReceipt = await lease.release();
      if (!failed) {
        await this.queue.deleteMessage(message.messageId, popReceipt);
      } else if (message.dequeueCount >= maxDequeueCount) {
        await this.moveToPoison(message, popReceipt);
        this.log(
          `${tag} moved to ${poisonQueueName(this.fn.queueName)} after ${message.dequeueCount} deliveries`,
        );
      } else {
        await this.queue.updateMessage(
          message.messageId,
          popReceipt,
          undefined,
          Math.round(visibilityTimeoutMs / 1000),
        );
      }
    } catch (error) {
      // Settling the message failed (e.g. its lease lapsed and another instance holds it now):
      // it is visible again or owned elsewhere, and the next delivery decides.
      this.log(`${tag} could not be settled: ${describeError(error)}`);
    }
  }

  /** Renews the message's invisibility at half its lease while the run goes on. */
  private keepHidden(message: DequeuedMessageItem): { release(): Promise<string> } {
    let popReceipt = message.popReceipt;
    let renewing: Promise<void> = Promise.resolve();
    const timer = setInterval(
      () => {
        renewing = this.queue
          .updateMessage(message.messageId, popReceipt, undefined, this.leaseSeconds)
          .then((r) => {
            if (r.popReceipt) popReceipt = r.popReceipt;
          })
          .catch((error: unknown) =>
            this.log(
              `[${this.fn.name}] renewing ${message.messageId} failed: ${describeError(error)}`,
            ),
          );
      },
      (this.leaseSeconds * 1000) / 2,
    );
    return {
      async release() {
        clearInterval(timer);
        await renewing;
        return popReceipt;
      },
    };
  }

  private async moveToPoison(message: DequeuedMessageItem, popReceipt: string): Promise<void> {
    const poison = this.options.service.getQueueClient(poisonQueueName(this.fn.queueName));
    await poison.createIfNotExists();
    // The text as it was (still encoded), so the poison queue's messages read like the original's.
    await poison.sendMessage(message.messageText);
    await this.queue.deleteMessage(message.messageId, popReceipt);
  }
}
