import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { Config } from '../api/src/config';
import type { LocalPorts } from '../api/src/local/localConfig';
import type {
  CpuMs,
  FanOutParentMessage,
  FanOutWorkerMessage,
  FanOutWorkerSpec,
} from './fanOutWorker';

/**
 * Starts N worker processes (fanOutWorker.ts) on a running stack, the way loadWorker.ts is run
 * (this Node with tsx), and stops them again, collecting what each measured about itself.
 */

export type WorkerReport = Extract<FanOutWorkerMessage, { kind: 'report' }> & { index: number };

export interface WorkerPool {
  size: number;
  /** The worker processes, for reading their CPU while they run. */
  pids: number[];
  /** Wall time from spawning to the last worker polling its queues. */
  startupMs: number;
  /** CPU the workers spent starting (module loading, clients), summed. */
  startupCpuMs: number;
  /** Stops every worker (each finishes its runs in progress) and returns their reports. */
  stop(): Promise<WorkerReport[]>;
  /** Kills whatever is still running; for failures. */
  kill(): void;
}

/** How long a worker may take to start, and to settle its runs after `stop`. */
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 120_000;
/** Lines of a worker's log passed on to the progress output; the rest are only counted. */
const LOG_LINES_SHOWN = 10;

export async function startWorkers(
  stack: { ports: LocalPorts; config: Config },
  count: number,
  log: (line: string) => void,
): Promise<WorkerPool> {
  const started = performance.now();
  const children: ChildProcess[] = [];
  const kill = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    const ready = await Promise.all(
      Array.from({ length: count }, (_, index) => {
        const spec: FanOutWorkerSpec = {
          index,
          ports: stack.ports,
          tenants: stack.config.scheduler.tenants,
          orgChartCacheSeconds: stack.config.orgChartCacheSeconds,
        };
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(__dirname, 'fanOutWorker.ts'), JSON.stringify(spec)],
          { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
        );
        children.push(child);
        forwardLog(child, index, log);
        return nextMessage(child, 'ready', READY_TIMEOUT_MS);
      }),
    );
    return {
      size: count,
      pids: children.map((child) => child.pid!),
      startupMs: Math.round(performance.now() - started),
      startupCpuMs: ready.reduce((sum, r) => sum + r.startupCpu.total, 0),
      async stop() {
        const reports = await Promise.all(
          children.map(async (child, index) => {
            const report = nextMessage(child, 'report', STOP_TIMEOUT_MS);
            child.send({ kind: 'stop' } satisfies FanOutParentMessage);
            return { ...(await report), index };
          }),
        );
        await Promise.all(children.map(exited));
        return reports;
      },
      kill,
    };
  } catch (error) {
    kill();
    throw error;
  }
}

/** The workers' CPU summed, per field. */
export function totalCpu(reports: readonly WorkerReport[]): CpuMs {
  return reports.reduce(
    (sum, r) => ({
      user: sum.user + r.cpu.user,
      system: sum.system + r.cpu.system,
      total: sum.total + r.cpu.total,
    }),
    { user: 0, system: 0, total: 0 },
  );
}

function nextMessage<K extends FanOutWorkerMessage['kind']>(
  child: ChildProcess,
  kind: K,
  timeoutMs: number,
): Promise<Extract<FanOutWorkerMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`worker ${child.pid} sent no "${kind}" within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onMessage = (message: FanOutWorkerMessage) => {
      if (message.kind !== kind) return;
      cleanup();
      resolve(message as Extract<FanOutWorkerMessage, { kind: K }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`worker ${child.pid} exited (${code}) before "${kind}"`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function forwardLog(child: ChildProcess, index: number, log: (line: string) => void): void {
  let shown = 0;
  let buffer = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (shown === LOG_LINES_SHOWN) log(`worker ${index}: (further log lines not shown)`);
      if (shown++ < LOG_LINES_SHOWN) log(`worker ${index}: ${line}`);
    }
  });
}
