import { monitorEventLoopDelay } from 'node:perf_hooks';

import { startQueueWorker } from '../api/src/local/queueWorker';
import type { QueueWorkerCounters } from '../api/src/local/queueWorker';
import type { LocalPorts } from '../api/src/local/localConfig';
import { recordRequestTimes } from './requestTimes';
import type { RequestTimes } from './requestTimes';

/**
 * One worker process of the fan-out bench (spawned by fanOutWorkers.ts): a Functions instance of
 * its own (api/src/local/queueWorker.ts) consuming the parent stack's queues with the app's queue
 * triggers, while the parent keeps the embedded Cosmos server and the Graph simulator, and Azurite
 * runs in its own child. Separate processes, so each worker has its own event loop and its CPU
 * time is the product's alone, apart from the simulators'.
 *
 * Input: one JSON `FanOutWorkerSpec` as argv[2]. Over IPC it sends `ready` once it polls the
 * queues, and on `stop` it stops polling, lets the runs in progress settle their messages, sends
 * its `report` and exits.
 */

export interface FanOutWorkerSpec {
  index: number;
  ports: LocalPorts;
  tenants: string[];
  orgChartCacheSeconds?: number;
}

export interface CpuMs {
  user: number;
  system: number;
  total: number;
}

export type FanOutWorkerMessage =
  | { kind: 'ready'; startupMs: number; startupCpu: CpuMs }
  | {
      kind: 'report';
      /** CPU time from `ready` to the end of `stop`: the product's work on the queue. */
      cpu: CpuMs;
      /** The process's whole CPU time, start-up (module loading, clients) included. */
      processCpu: CpuMs;
      counters: QueueWorkerCounters;
      /** This worker's requests to Cosmos DB, Graph and Azurite from `ready` on, by time taken. */
      requests: RequestTimes;
      /** How late this worker's event loop ran from `ready` on (its CPU, or a core, in demand). */
      loopDelay: { meanMs: number; p99Ms: number; maxMs: number };
      maxRssMb: number;
    };

export type FanOutParentMessage = { kind: 'stop' };

function cpuMs(usage: NodeJS.CpuUsage): CpuMs {
  const user = usage.user / 1000;
  const system = usage.system / 1000;
  return { user: Math.round(user), system: Math.round(system), total: Math.round(user + system) };
}

function send(message: FanOutWorkerMessage): Promise<void> {
  return new Promise((resolve, reject) =>
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('fanOutWorker.ts runs as a child with an IPC channel');
  const spec = JSON.parse(process.argv[2] ?? '{}') as FanOutWorkerSpec;
  // The parent's end is the only reason to live: if it dies, so does this worker.
  process.once('disconnect', () => process.exit(2));
  const worker = await startQueueWorker({
    ports: spec.ports,
    tenants: spec.tenants,
    orgChartCacheSeconds: spec.orgChartCacheSeconds,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const readyCpu = process.cpuUsage();
  const requests = recordRequestTimes(spec.ports);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  process.on('message', (message: FanOutParentMessage) => {
    if (message.kind !== 'stop') return;
    void (async () => {
      await worker.stop();
      await send({
        kind: 'report',
        cpu: cpuMs(process.cpuUsage(readyCpu)),
        processCpu: cpuMs(process.cpuUsage()),
        counters: worker.counters(),
        requests: requests.read(),
        loopDelay: { meanMs: ms(loop.mean), p99Ms: ms(loop.percentile(99)), maxMs: ms(loop.max) },
        maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      });
      process.exit(0);
    })().catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
  });
  await send({
    kind: 'ready',
    startupMs: Math.round(performance.now()),
    startupCpu: cpuMs(readyCpu),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
