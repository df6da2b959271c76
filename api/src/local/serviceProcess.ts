import { spawn } from 'node:child_process';
import type { ChildProcess, Serializable } from 'node:child_process';

import { PortInUseError } from './listen';
import { recordServiceStats } from './serviceStats';
import type { ServiceStats } from './serviceStats';

/**
 * A local service (the embedded Cosmos server, the dev services) run in a process of its own, as
 * it is its own service in Azure: its event loop and its CPU are then apart from the product's,
 * which is what the fan-out bench needs to see which of them sets the pace. The parent sends the
 * service's options over IPC (they may be large: a directory), the child starts the service and
 * answers with what the parent needs to reach it (its port). The child follows its parent: when
 * the parent dies, even by kill -9, the IPC channel closes and the child closes its service and
 * exits, so its port is free for the next start.
 */

/** How long a service process gets to close on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5_000;
/** How long a service process may take to start (the dev services generate a large org first). */
const READY_TIMEOUT_MS = 180_000;

type ChildMessage<R> =
  | { kind: 'ready'; ready: R }
  | { kind: 'failed'; portInUse: { port: number; service: string; envVar: string } | null }
  | { kind: 'stats'; stats: ServiceStats };
/** After the options, the parent only ever asks for the service's stats. */
type ParentRequest = { kind: 'stats' };
/** How long the parent waits for a service's stats. */
const STATS_TIMEOUT_MS = 10_000;

export interface ServiceProcess<R> {
  pid: number;
  /** What the service sent once it was ready (its port, its endpoint). */
  ready: R;
  /** The service's server times and loop delay since ready or the last call (serviceStats.ts). */
  stats(): Promise<ServiceStats>;
  close(): Promise<void>;
}

/**
 * Starts `entry` (a module that calls `serveInThisProcess`) with this Node and tsx, as the bench's
 * worker processes are started, and resolves once it is ready.
 */
export function startServiceProcess<S extends Serializable, R>(
  entry: string,
  spec: S,
  name: string,
): Promise<ServiceProcess<R>> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Structured clone: a directory's Dates and nested objects cross as they are, without JSON.
    serialization: 'advanced',
  });
  return new Promise<ServiceProcess<R>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} was not ready within ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} stopped while starting (exit code ${code})`));
    };
    child.once('exit', onExit);
    child.once('error', reject);
    const statsWaiting: ((stats: ServiceStats) => void)[] = [];
    child.on('message', (message: ChildMessage<R>) => {
      if (message.kind === 'stats') {
        statsWaiting.shift()?.(message.stats);
        return;
      }
      clearTimeout(timer);
      child.off('exit', onExit);
      if (message.kind === 'failed') {
        const p = message.portInUse;
        void stopChild(child).then(() =>
          reject(
            p
              ? new PortInUseError(p.port, p.service, p.envVar)
              : new Error(`${name} failed to start (its log says why)`),
          ),
        );
        return;
      }
      // The channel only tells the child its parent has gone: it keeps nothing alive here.
      child.channel?.unref();
      resolve({
        pid: child.pid!,
        ready: message.ready,
        stats: () =>
          new Promise((answered, failed) => {
            const giveUp = setTimeout(
              () => failed(new Error(`${name} sent no stats within ${STATS_TIMEOUT_MS / 1000} s`)),
              STATS_TIMEOUT_MS,
            );
            statsWaiting.push((stats) => {
              clearTimeout(giveUp);
              answered(stats);
            });
            child.send({ kind: 'stats' } satisfies ParentRequest);
          }),
        close: () => stopChild(child),
      });
    });
    child.send(spec);
  });
}

/** Sends SIGTERM and waits for the exit, killing the process if it has not gone within a grace. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The child's side: waits for its options, starts the service, reports it ready, and closes it
 * on SIGTERM, SIGINT or its parent's end.
 */
export function serveInThisProcess<S, R>(
  start: (spec: S) => Promise<{ ready: R; close(): Promise<void> }>,
): void {
  if (!process.send) throw new Error('A service process runs as a child with an IPC channel');
  const send = (message: ChildMessage<R>) => process.send!(message);
  // Until the options arrive, the parent's end is the end of this process too.
  const orphaned = () => process.exit(2);
  process.once('disconnect', orphaned);
  process.once('message', (spec: S) => {
    process.off('disconnect', orphaned);
    start(spec).then(
      (service) => {
        let closing = false;
        const stop = () => {
          if (closing) return;
          closing = true;
          void service.close().finally(() => process.exit(0));
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        process.once('disconnect', stop);
        const stats = recordServiceStats();
        process.on('message', (request: ParentRequest) => {
          if (request.kind === 'stats') send({ kind: 'stats', stats: stats.take() });
        });
        send({ kind: 'ready', ready: service.ready });
      },
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
        send({
          kind: 'failed',
          portInUse:
            error instanceof PortInUseError
              ? { port: error.port, service: error.service, envVar: error.envVar }
              : null,
        });
      },
    );
  });
}
