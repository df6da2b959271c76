import { spawn } from 'node:child_process';
import { join } from 'node:path';

import type { LoadResult, LoadSpec } from './loadWorker';

/** Runs one autocannon load in a child process (loadWorker.ts) and returns what it measured. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'loadWorker.ts'), JSON.stringify(spec)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) {
        reject(new Error(`load generator failed (exit ${code}): ${err.slice(0, 500)}`));
        return;
      }
      resolve(JSON.parse(line) as LoadResult);
    });
  });
}
