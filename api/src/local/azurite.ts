import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { PortInUseError } from './listen';
import { stopChild } from './serviceProcess';

/**
 * Azurite, Microsoft's Storage emulator (the npm package `azurite`), queue service only: where the
 * local host's queue triggers (queueTriggerHost.ts) read their messages. It runs in its own
 * process, as Storage is its own service in Azure, so a busy API never slows the queue down and
 * the bench can count the product's CPU apart from the emulator's.
 */

/** Azurite's well-known development account and key (the same for every Azurite install). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const HOST = '127.0.0.1';
const QUEUE_MAIN = join(require.resolve('azurite/package.json'), '..', 'dist/src/queue/main.js');
const LISTENING = /successfully listens on https?:\/\/[^:\s]+:(\d+)/;

/**
 * Runs Azurite's queue entry point in a child that follows its parent: when the stack's process
 * dies, even by kill -9, the IPC channel closes and Azurite shuts down as on Ctrl-C, so the port
 * and the data folder are free for the next start. On a signal the child lets go of the channel
 * too, or the open channel alone would keep it running once Azurite has closed its server.
 * (Azurite reads its flags from process.argv.)
 */
const FOLLOW_PARENT = [
  `process.argv.splice(1, 0, ${JSON.stringify(QUEUE_MAIN)});`,
  "process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));",
  'const letGo = () => { if (process.connected) process.disconnect(); };',
  "process.on('SIGTERM', letGo);",
  "process.on('SIGINT', letGo);",
  `require(${JSON.stringify(QUEUE_MAIN)});`,
].join('\n');

export interface AzuriteOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Keep the queues in this folder across restarts; in memory only without it. */
  location?: string;
}

export interface Azurite {
  port: number;
  /** A connection string for `@azure/storage-queue` (`QueueServiceClient.fromConnectionString`). */
  connectionString: string;
  queueServiceUrl: string;
  close(): Promise<void>;
}

export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `QueueEndpoint=http://${HOST}:${port}/${AZURITE_ACCOUNT};`
  );
}

export function startAzurite(options: AzuriteOptions): Promise<Azurite> {
  const args = [
    '-e',
    FOLLOW_PARENT,
    // Azurite's flags after `--`, or node would read them as its own.
    '--',
    '--queueHost',
    HOST,
    '--queuePort',
    String(options.port),
    // Loose: ignore headers Azurite does not implement rather than refuse the request; the SDK's
    // newer API versions are accepted as well.
    '--loose',
    '--skipApiVersionCheck',
    '--silent',
    '--disableTelemetry',
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // The channel is only for the child to notice its parent's death: it keeps nothing alive here.
  child.channel?.unref();
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (!match) return;
      child.off('exit', onEarlyExit);
      child.stdout?.off('data', onData);
      // Keep draining the pipes, or a chatty child would block on a full one.
      child.stdout?.resume();
      child.stderr?.resume();
      const port = Number(match[1]);
      resolve({
        port,
        connectionString: azuriteConnectionString(port),
        queueServiceUrl: `http://${HOST}:${port}/${AZURITE_ACCOUNT}`,
        close: () => stopChild(child),
      });
    };
    const onEarlyExit = () => {
      reject(
        /EADDRINUSE/.test(output)
          ? new PortInUseError(options.port, 'Azurite queues', 'QUEUE_PORT')
          : new Error(`Azurite stopped while starting (exit code ${child.exitCode})`),
      );
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', onEarlyExit);
    child.once('error', reject);
  });
}
