import { QueueServiceClient } from '@azure/storage-queue';

import { toQueueHandler } from '../functions/queueTrigger';
import type { QueueTriggerDefinition } from '../functions/queueTrigger';
import { queueTriggers } from '../functions/queueTriggers';
import { createServices } from '../services';
import type { Services } from '../services';
import { azuriteConnectionString } from './azurite';
import { readQueueHostSettings } from './hostQueueSettings';
import type { QueueHostSettings } from './hostQueueSettings';
import { buildLocalConfig } from './localConfig';
import type { LocalPorts } from './localConfig';
import { startQueueTriggerHost } from './queueTriggerHost';

/**
 * One more Functions instance for a running local stack: its own Services (Cosmos DB client, Graph
 * client, mailbox limiter) pointed at the stack's embedded Cosmos server, Graph simulator and
 * Azurite, running the app's queue triggers. Started in a process of its own, it is what Azure
 * does when it scales a Function App out on a queue: several hosts share one queue, each with its
 * own memory, and nothing but the storage is common to them. The bench's worker processes
 * (bench/fanOutWorker.ts) are built on it.
 */

export interface QueueWorkerOptions {
  /** The running stack's ports (`Stack.ports`), queues included. */
  ports: LocalPorts;
  /** The stack's scheduler tenants (`Stack.config.scheduler.tenants`). */
  tenants: string[];
  orgChartCacheSeconds?: number;
  env?: NodeJS.ProcessEnv;
  /** The queue-triggered functions to run; the app's table by default. */
  triggers?: QueueTriggerDefinition[];
  /** Changes this worker's Services before its first run (tests: a fixed clock, a chosen death). */
  adapt?: (services: Services) => void;
  /** host.json's queue settings, with these changed (tests: one message at a time). */
  hostSettings?: Partial<QueueHostSettings>;
  /** How long a fetched message stays hidden while it runs (the host's 10 min by default). */
  leaseMs?: number;
  log?: (line: string) => void;
}

/** What this worker's trigger runs did, for the one who started it. */
export interface QueueWorkerCounters {
  /** Runs by function name: finished, and thrown (the host retries or poisons those). */
  runs: Record<string, { done: number; failed: number }>;
  /** Wall time spent inside runs, summed over concurrent runs. */
  busyMs: number;
}

export interface QueueWorker {
  services: Services;
  counters(): QueueWorkerCounters;
  /** Stops polling and waits for the runs in progress to settle their messages. */
  stop(): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const config = buildLocalConfig(options.ports, options.env ?? {}, {
    orgChartCacheSeconds: options.orgChartCacheSeconds,
    schedulerTenants: options.tenants,
  });
  const services = await createServices(config);
  options.adapt?.(services);
  const counters: QueueWorkerCounters = { runs: {}, busyMs: 0 };
  const host = await startQueueTriggerHost({
    service: QueueServiceClient.fromConnectionString(azuriteConnectionString(options.ports.queues)),
    settings: { ...readQueueHostSettings(), ...options.hostSettings },
    leaseMs: options.leaseMs,
    functions: (options.triggers ?? queueTriggers).map((trigger) => {
      const handler = toQueueHandler(trigger, async () => services);
      const runs = (counters.runs[trigger.name] = { done: 0, failed: 0 });
      return {
        name: trigger.name,
        queueName: trigger.queueName,
        handler: async (message, context) => {
          const started = performance.now();
          try {
            await handler(message, context);
            runs.done++;
          } catch (error) {
            runs.failed++;
            throw error;
          } finally {
            counters.busyMs += performance.now() - started;
          }
        },
      };
    }),
    log: options.log,
  });
  return {
    services,
    counters: () => structuredClone(counters),
    stop: () => host.stop(),
  };
}
