import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { z } from 'zod';

/**
 * The queue settings of api/host.json (`extensions.queues`), read by the local queue-trigger host
 * so it delivers messages the way the deployed Functions host does with the same file. Defaults
 * are Microsoft's for an absent setting ("Azure Queue storage trigger and bindings for Azure
 * Functions overview", host.json settings,
 * https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#hostjson-settings).
 */

export interface QueueHostSettings {
  /** Deliveries before a failing message moves to `<queue>-poison` (default 5). */
  maxDequeueCount: number;
  /** How long a message whose run failed stays hidden before its retry (default 0). */
  visibilityTimeoutMs: number;
  /** Messages fetched per poll, 1 to 32 (default 16). */
  batchSize: number;
  /** Fetch again once this few are still running (default batchSize / 2 per core; here one host). */
  newBatchThreshold: number;
  /** The longest wait between polls of an empty queue (default 1 minute). */
  maxPollingIntervalMs: number;
  /** How message text is encoded (default base64). */
  messageEncoding: 'base64' | 'none';
}

const DEFAULT_HOST_JSON = resolve(__dirname, '../../host.json');

const timespan = z
  .string()
  .regex(/^\d{2}:\d{2}:\d{2}$/, 'a time span hh:mm:ss')
  .transform((text) => {
    const [h, m, s] = text.split(':').map(Number) as [number, number, number];
    return ((h * 60 + m) * 60 + s) * 1000;
  });

const queuesSchema = z.object({
  maxDequeueCount: z.number().int().min(1).default(5),
  visibilityTimeout: timespan.default(0),
  batchSize: z.number().int().min(1).max(32).default(16),
  newBatchThreshold: z.number().int().min(0).optional(),
  maxPollingInterval: timespan.default(60_000),
  messageEncoding: z.enum(['base64', 'none']).default('base64'),
});

export function readQueueHostSettings(hostJsonPath = DEFAULT_HOST_JSON): QueueHostSettings {
  const hostJson = JSON.parse(readFileSync(hostJsonPath, 'utf8')) as {
    extensions?: { queues?: unknown };
  };
  const q = queuesSchema.parse(hostJson.extensions?.queues ?? {});
  return {
    maxDequeueCount: q.maxDequeueCount,
    visibilityTimeoutMs: q.visibilityTimeout,
    batchSize: q.batchSize,
    newBatchThreshold: q.newBatchThreshold ?? Math.floor(q.batchSize / 2),
    maxPollingIntervalMs: q.maxPollingInterval,
    messageEncoding: q.messageEncoding,
  };
}
