import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { Agent, request } from 'node:https';
import { dirname } from 'node:path';

import type { CollectionDefinition, JournalRecord, StoredDocument } from './cosmosJournal';
import { REPLAY_HEADER } from './cosmosJournal';

/**
 * Reading the journal back (cosmosJournal.ts): the records fold into the state they describe
 * (databases, containers, the latest version of each document), the file is rewritten as that
 * state alone (compaction, so it grows only with what changed since the last start), and the
 * state is loaded into the fresh embedded server through its own REST protocol.
 */

export class JournalCorruptError extends Error {}

interface CollectionState {
  def: CollectionDefinition;
  docs: Map<string, StoredDocument>;
}
export type JournalState = Map<string, Map<string, CollectionState>>;

/**
 * The records in the file. Lines are appended whole and synced one write at a time, so only the
 * last line can be torn by a crash (its write was never acknowledged): it is dropped. A bad line
 * anywhere else means the file was damaged some other way, and starting would silently lose data.
 */
export function readJournal(path: string): JournalRecord[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const records: JournalRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch {
      const last = lines.slice(i + 1).every((rest) => rest.trim() === '');
      if (!last) {
        throw new JournalCorruptError(
          `${path} is damaged at line ${i + 1}; start with --fresh to discard the local data.`,
        );
      }
    }
  });
  return records;
}

/** `["value"]`, however the partition key was written (header text or the document's field). */
function partitionKey(value: unknown): string {
  return JSON.stringify([value ?? null]);
}

function headerPartitionKey(header: string | undefined, id: string): string {
  if (header === undefined) return partitionKey(id);
  try {
    const parsed = JSON.parse(header) as unknown;
    return partitionKey(Array.isArray(parsed) ? parsed[0] : parsed);
  } catch {
    return partitionKey(header);
  }
}

function documentPartitionKey(def: CollectionDefinition, doc: StoredDocument): string {
  const path = def.partitionKey?.paths?.[0] ?? '/id';
  let value: unknown = doc;
  for (const part of path.split('/').filter(Boolean)) {
    value = (value as Record<string, unknown> | undefined)?.[part];
  }
  return partitionKey(value);
}

export function foldJournal(records: JournalRecord[]): JournalState {
  const state: JournalState = new Map();
  const collection = (db: string, coll: string) => state.get(db)?.get(coll);
  for (const record of records) {
    switch (record.op) {
      case 'db':
        if (!state.has(record.db)) state.set(record.db, new Map());
        break;
      case 'dropDb':
        state.delete(record.db);
        break;
      case 'coll': {
        const colls = state.get(record.db) ?? new Map<string, CollectionState>();
        state.set(record.db, colls);
        const docs = colls.get(record.def.id)?.docs ?? new Map<string, StoredDocument>();
        colls.set(record.def.id, { def: record.def, docs });
        break;
      }
      case 'dropColl':
        state.get(record.db)?.delete(record.coll);
        break;
      case 'put': {
        const target = collection(record.db, record.coll);
        const key =
          target && `${record.doc.id}\u0000${documentPartitionKey(target.def, record.doc)}`;
        if (target && key) target.docs.set(key, record.doc);
        break;
      }
      case 'del':
        collection(record.db, record.coll)?.docs.delete(
          `${record.id}\u0000${headerPartitionKey(record.pk, record.id)}`,
        );
        break;
    }
  }
  return state;
}

export function stateRecords(state: JournalState): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const [db, colls] of state) {
    records.push({ op: 'db', db });
    for (const { def, docs } of colls.values()) {
      records.push({ op: 'coll', db, def });
      for (const doc of docs.values()) records.push({ op: 'put', db, coll: def.id, doc });
    }
  }
  return records;
}

/** Replaces the journal with `records`, atomically: a crash leaves the old file or the new one. */
export function rewriteJournal(path: string, records: JournalRecord[]): void {
  const temporary = `${path}.compacting`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/**
 * Loads the state into the embedded server at `endpoint` with its REST protocol: databases, then
 * containers, then documents, several at a time. Each request carries the replay header, so the
 * journalling step lets it through unrecorded (it is in the compacted file already).
 */
export async function replayState(
  endpoint: string,
  state: JournalState,
  replayToken: string,
): Promise<number> {
  // The embedded server's certificate is self-signed and expired; this agent talks to it only.
  const agent = new Agent({ keepAlive: true, maxSockets: 8, rejectUnauthorized: false });
  const send = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    new Promise<void>((resolve, reject) => {
      const text = JSON.stringify(body);
      const req = request(
        new URL(path, endpoint),
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(text),
            [REPLAY_HEADER]: replayToken,
            ...headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            (res.statusCode ?? 0) < 300
              ? resolve()
              : reject(new Error(`replaying ${path} got ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  const enc = encodeURIComponent;
  let documents = 0;
  try {
    for (const [db, colls] of state) {
      await send('/dbs', { id: db });
      for (const { def, docs } of colls.values()) {
        await send(`/dbs/${enc(db)}/colls`, def);
        const path = `/dbs/${enc(db)}/colls/${enc(def.id)}/docs`;
        const queue = [...docs.values()];
        documents += queue.length;
        const worker = async () => {
          for (let doc = queue.pop(); doc; doc = queue.pop()) {
            await send(path, doc, {
              'x-ms-documentdb-partitionkey': documentPartitionKey(def, doc),
            });
          }
        };
        await Promise.all(Array.from({ length: 16 }, worker));
      }
    }
  } finally {
    agent.destroy();
  }
  return documents;
}
