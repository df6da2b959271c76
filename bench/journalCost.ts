import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CosmosClient } from '@azure/cosmos';

import { EMULATOR_KEY } from '../api/src/local/localConfig';
import { startEmbeddedCosmos } from '../api/src/local/cosmosServer';
import { close } from '../api/src/local/listen';
import { median, round } from './stats';

/**
 * What keeping local data costs a write (api/README.md, "Local data"): the embedded Cosmos DB in
 * memory against the same server journalling every write (fdatasync before the answer). Upserts
 * of a board-sized document, one at a time and 16 at a time; a standalone comparison, not a
 * section of `npm run bench`. Run: `npx tsx bench/journalCost.ts [writes]`.
 */

const WRITES = Number(process.argv[2] ?? 1000);
const CONCURRENCY = 16;

async function measure(dataDir: string | undefined) {
  const cosmos = await startEmbeddedCosmos(0, { dataDir });
  const client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: EMULATOR_KEY,
    // The embedded server's certificate is self-signed and expired; loopback only.
    agent: new Agent({ keepAlive: true, rejectUnauthorized: false }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: 'bench' });
    const { container } = await database.containers.createIfNotExists({
      id: 'boards',
      partitionKey: { paths: ['/pk'] },
    });
    const details = 'x'.repeat(1500);
    const write = async (i: number) => {
      const started = performance.now();
      await container.items.upsert({ id: `a-${i % 200}`, pk: `t|${i % 20}`, details, i });
      return performance.now() - started;
    };
    for (let i = 0; i < 100; i += 1) await write(i); // warm-up: connections, JIT
    const serial: number[] = [];
    for (let i = 0; i < WRITES; i += 1) serial.push(await write(i));
    const queue = Array.from({ length: WRITES }, (_, i) => i);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = queue.pop(); i !== undefined; i = queue.pop()) await write(i);
      }),
    );
    const concurrentSeconds = (performance.now() - started) / 1000;
    const sorted = [...serial].sort((a, b) => a - b);
    return {
      medianMs: round(median(serial)),
      p99Ms: round(sorted[Math.floor(sorted.length * 0.99)]),
      serialPerSecond: Math.round(WRITES / (serial.reduce((a, b) => a + b, 0) / 1000)),
      concurrentPerSecond: Math.round(WRITES / concurrentSeconds),
    };
  } finally {
    client.dispose();
    await close(cosmos.server);
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'career-board-journal-bench-'));
  try {
    const memory = await measure(undefined);
    const journal = await measure(dir);
    console.log(`${WRITES} upserts each way, one at a time, then ${CONCURRENCY} at a time`);
    console.table({ 'in memory': memory, journalled: journal });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
