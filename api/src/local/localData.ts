import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where `npm start` keeps the embedded default's data between runs: `.localdata/` at the
 * repository root (git-ignored). `npm start -- --fresh` empties it; `--data-dir` moves it (tests
 * give each run a temporary folder). Local mode only: with COSMOS_ENDPOINT nothing is kept here.
 */

export const DEFAULT_DATA_DIR = resolve(__dirname, '../../../.localdata');

export function cosmosDataDir(dataDir: string): string {
  return join(dataDir, 'cosmos');
}

/** Where Azurite keeps its queues (azurite.ts). */
export function azuriteDataDir(dataDir: string): string {
  return join(dataDir, 'azurite');
}

/** `--fresh`: forget everything the embedded Cosmos DB and Azurite kept. */
export function resetLocalData(dataDir: string): void {
  rmSync(cosmosDataDir(dataDir), { recursive: true, force: true });
  rmSync(azuriteDataDir(dataDir), { recursive: true, force: true });
}

export class DataDirInUseError extends Error {}

/**
 * One process at a time per data folder: two servers appending to one journal would interleave
 * their writes. A lock file names the owner's pid; a lock left by a process that no longer runs
 * (after `kill -9`) is taken over. Returns the release.
 */
export function claimDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'lock');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lock, 'utf8'));
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
      throw new DataDirInUseError(
        `The local data in ${dir} is in use by process ${owner} (is Career Board already running?).`,
      );
    }
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
