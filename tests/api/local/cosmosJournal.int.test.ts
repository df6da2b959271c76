import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CosmosClient } from '@azure/cosmos';
import type { Container } from '@azure/cosmos';

import { EMULATOR_KEY } from '../../../api/src/local/localConfig';
import { JournalCorruptError } from '../../../api/src/local/cosmosJournalReplay';
import { startEmbeddedCosmos } from '../../../api/src/local/cosmosServer';
import { close } from '../../../api/src/local/listen';
import { cosmosDataDir, resetLocalData } from '../../../api/src/local/localData';

/**
 * The embedded Cosmos DB with local data keeps every write it acknowledged: across a clean
 * restart, across `kill -9` in the middle of concurrent writes, and across a journal whose last
 * line a crash tore. `--fresh` (resetLocalData) empties it.
 */

const ROOT = join(__dirname, '..', '..', '..');
const HOST = join(__dirname, 'support', 'journaledCosmosHost.ts');

interface Doc {
  id: string;
  pk: string;
  version: number;
}

const folders: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'career-board-data-'));
  folders.push(folder);
  return folder;
}

function clientFor(port: number): CosmosClient {
  return new CosmosClient({
    endpoint: `https://localhost:${port}/`,
    key: EMULATOR_KEY,
    // The embedded server's certificate is self-signed and expired; loopback only.
    agent: new Agent({ keepAlive: true, rejectUnauthorized: false }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}

async function container(client: CosmosClient): Promise<Container> {
  const { database } = await client.databases.createIfNotExists({ id: 'crash' });
  const { container: docs } = await database.containers.createIfNotExists({
    id: 'docs',
    partitionKey: { paths: ['/pk'] },
  });
  return docs;
}

async function allDocs(docs: Container): Promise<Map<string, Doc>> {
  const { resources } = await docs.items.readAll<Doc>().fetchAll();
  return new Map(resources.map((d) => [d.id, d]));
}

/** Spawns the host as a plain node process (no wrapper), so SIGKILL kills the server itself. */
async function spawnHost(
  dir: string,
): Promise<{ child: ChildProcess; port: number; loaded: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOST, dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        const { port, documentsLoaded } = JSON.parse(line) as {
          port: number;
          documentsLoaded: number;
        };
        resolve({ child, port, loaded: documentsLoaded });
      }
    });
    child.once('exit', () => reject(new Error(`the host exited before it was ready:\n${output}`)));
  });
}

describe('the embedded Cosmos DB with local data', () => {
  it('keeps every acknowledged write through kill -9 in the middle of concurrent writes', async () => {
    const dir = dataFolder();
    const first = await spawnHost(dir);
    const client = clientFor(first.port);
    const docs = await container(client);

    // 40 writers; each document is created, then replaced twice; every fifth is then deleted.
    const acknowledged = new Map<string, { version: number; deleted: boolean }>();
    // A delete sent but not answered when the kill came may or may not have been applied, as
    // with any database: its document may be gone. Any other missing document was lost.
    const deleteSent = new Set<string>();
    const failedBeforeKill: string[] = [];
    let acks = 0;
    let killed = false;
    const KILL_AFTER = 600;
    // Every kind of write counts towards the kill, so it comes whichever write is the 600th.
    const acknowledge = (id: string, version: number, deleted: boolean) => {
      acknowledged.set(id, { version, deleted });
      acks += 1;
      if (acks >= KILL_AFTER && !killed) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    };
    const write = async (i: number) => {
      const id = `doc-${i}`;
      const pk = `tenant-${i % 7}`;
      for (let version = 1; version <= 3; version += 1) {
        if (version === 1) await docs.items.create<Doc>({ id, pk, version });
        else await docs.item(id, pk).replace<Doc>({ id, pk, version });
        acknowledge(id, version, false);
      }
      if (i % 5 === 0) {
        deleteSent.add(id);
        await docs.item(id, pk).delete();
        acknowledge(id, 3, true);
      }
    };
    const queue = Array.from({ length: 2000 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        for (let i = queue.shift(); i !== undefined && !killed; i = queue.shift()) {
          await write(i).catch((error: unknown) => {
            // After the kill a write is cut off and not acknowledged; before it, it is a fault.
            if (!killed) failedBeforeKill.push(`doc-${i}: ${String(error)}`);
          });
        }
      }),
    );
    expect({ killed, failedBeforeKill }).toEqual({ killed: true, failedBeforeKill: [] });
    client.dispose();

    const second = await spawnHost(dir);
    const reopened = clientFor(second.port);
    try {
      const present = await allDocs(await container(reopened));
      const missing: string[] = [];
      const stale: string[] = [];
      const resurrected: string[] = [];
      const deletedInFlight: string[] = [];
      for (const [id, ack] of acknowledged) {
        const doc = present.get(id);
        if (ack.deleted) {
          if (doc) resurrected.push(id);
        } else if (!doc && deleteSent.has(id)) deletedInFlight.push(id);
        else if (!doc) missing.push(id);
        else if (doc.version < ack.version) stale.push(id);
      }
      const kept = [...acknowledged.values()].filter((a) => !a.deleted).length;
      const intact = kept - missing.length - stale.length - deletedInFlight.length;
      console.log(
        `kill -9 during writes: ${acks} writes acknowledged (${acknowledged.size} documents, ` +
          `${kept} live, ${acknowledged.size - kept} deleted) before the kill; after restart ` +
          `${intact} of ${kept} present at their latest acknowledged version ` +
          `(${deletedInFlight.length} gone by a delete cut off by the kill), ` +
          `${resurrected.length} deleted ones back; ${second.loaded} documents loaded`,
      );
      expect({ missing, stale, resurrected }).toEqual({ missing: [], stale: [], resurrected: [] });
    } finally {
      reopened.dispose();
      second.child.kill('SIGKILL');
    }
  });

  it('keeps bulk writes and deletes across a clean restart, and --fresh empties it', async () => {
    const dir = dataFolder();
    let cosmos = await startEmbeddedCosmos(0, { dataDir: dir });
    let client = clientFor(cosmos.port);
    let docs = await container(client);
    await docs.items.bulk(
      Array.from({ length: 30 }, (_, i) => ({
        operationType: 'Upsert' as const,
        resourceBody: { id: `bulk-${i}`, pk: 'p', version: 1 },
      })),
    );
    await docs.items.bulk([{ operationType: 'Delete', id: 'bulk-0', partitionKey: 'p' }]);
    await docs.item('bulk-1', 'p').patch<Doc>([{ op: 'set', path: '/version', value: 2 }]);
    client.dispose();
    await close(cosmos.server);

    cosmos = await startEmbeddedCosmos(0, { dataDir: dir });
    client = clientFor(cosmos.port);
    docs = await container(client);
    const present = await allDocs(docs);
    expect(cosmos.documentsLoaded).toBe(29);
    expect(present.has('bulk-0')).toBe(false);
    expect(present.get('bulk-1')?.version).toBe(2);
    expect(present.get('bulk-29')?.version).toBe(1);
    client.dispose();
    await close(cosmos.server);

    resetLocalData(dir);
    cosmos = await startEmbeddedCosmos(0, { dataDir: dir });
    client = clientFor(cosmos.port);
    try {
      expect(cosmos.documentsLoaded).toBe(0);
      const { resources } = await client.databases.readAll().fetchAll();
      expect(resources).toEqual([]);
    } finally {
      client.dispose();
      await close(cosmos.server);
    }
  });

  it('tolerates a torn last journal line and refuses a damaged one in the middle', async () => {
    const dir = dataFolder();
    let cosmos = await startEmbeddedCosmos(0, { dataDir: dir });
    let client = clientFor(cosmos.port);
    await (await container(client)).items.create<Doc>({ id: 'kept', pk: 'p', version: 1 });
    client.dispose();
    await close(cosmos.server);

    const journal = join(cosmosDataDir(dir), 'journal.jsonl');
    appendFileSync(journal, '{"op":"put","db":"crash","coll":"docs","doc":{"id":"torn","pk"');
    cosmos = await startEmbeddedCosmos(0, { dataDir: dir });
    client = clientFor(cosmos.port);
    const present = await allDocs(await container(client));
    expect([...present.keys()]).toEqual(['kept']);
    client.dispose();
    await close(cosmos.server);

    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, [lines[0], '{"op":', ...lines.slice(1)].join('\n'));
    await expect(startEmbeddedCosmos(0, { dataDir: dir })).rejects.toThrow(JournalCorruptError);
  });
});
