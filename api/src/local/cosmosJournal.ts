import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The embedded Cosmos DB keeps everything in memory; this journal makes what it acknowledged
 * durable. Every successful write it answers (create, replace, upsert, patch, delete of a document,
 * bulk/batch operations, creating or dropping a database or container) is appended to a JSON-lines
 * file as the state it left behind (the stored document, or the fact of a deletion), written and
 * fdatasync'ed before the response leaves. So a write a client saw acknowledged survives `kill -9`;
 * one cut off before its answer may or may not be there, as with any database.
 * `cosmosJournalReplay.ts` reads the file back, compacts it and loads it into a fresh server.
 */

export type JournalRecord =
  | { op: 'db'; db: string }
  | { op: 'dropDb'; db: string }
  | { op: 'coll'; db: string; def: CollectionDefinition }
  | { op: 'dropColl'; db: string; coll: string }
  | { op: 'put'; db: string; coll: string; doc: StoredDocument }
  | { op: 'del'; db: string; coll: string; id: string; pk: string | undefined };

export interface CollectionDefinition {
  id: string;
  partitionKey?: { paths?: string[] };
  indexingPolicy?: unknown;
  uniqueKeyPolicy?: unknown;
}

export type StoredDocument = { id: string } & Record<string, unknown>;

/**
 * Marks the replay's own requests, which load the journal and must not be journalled again. Its
 * value is a secret chosen at each start, so no other client can write around the journal.
 */
export const REPLAY_HEADER = 'x-career-board-journal-replay';

export function isReplay(req: IncomingMessage, replayToken: string): boolean {
  return req.headers[REPLAY_HEADER] === replayToken;
}

export interface JournalWriter {
  append(records: JournalRecord[]): void;
  close(): void;
}

/** Appends to `path`: each call is one write of whole lines, then fdatasync, before returning. */
export function openJournalWriter(path: string): JournalWriter {
  const fd = openSync(path, 'a');
  let open = true;
  return {
    append(records) {
      if (records.length === 0) return;
      writeSync(fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      fdatasyncSync(fd);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** Which resource a request addresses: `/dbs`, `/dbs/{db}`, `/dbs/{db}/colls[/{coll}[/docs[/{id}]]]`. */
type Target =
  | { level: 'dbs' }
  | { level: 'db'; db: string }
  | { level: 'colls'; db: string }
  | { level: 'coll'; db: string; coll: string }
  | { level: 'docs'; db: string; coll: string; id?: string }
  | { level: 'unjournalled' };

function parseTarget(url: string): Target {
  const parts = new URL(url, 'https://localhost').pathname
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const [dbs, db, colls, coll, docs, id] = parts;
  if (dbs !== 'dbs' || parts.length > 6) return { level: 'unjournalled' };
  if (db === undefined) return { level: 'dbs' };
  if (colls === undefined) return { level: 'db', db };
  if (colls !== 'colls') return { level: 'unjournalled' };
  if (coll === undefined) return { level: 'colls', db };
  if (docs === undefined) return { level: 'coll', db, coll };
  if (docs !== 'docs') return { level: 'unjournalled' };
  return { level: 'docs', db, coll, id };
}

const isTrue = (value: string | string[] | undefined) => String(value).toLowerCase() === 'true';

interface BatchOperation {
  operationType?: string;
  id?: string;
  partitionKey?: string;
}
interface BatchResult {
  statusCode?: number;
  resourceBody?: StoredDocument;
}

/** What a successful response to this request changed, as journal records; `null` for reads. */
export function recordsFor(
  req: IncomingMessage,
  status: number,
  responseText: string,
  requestText: () => string,
): JournalRecord[] | null {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD' || status < 200 || status > 299) return null;
  const query =
    isTrue(req.headers['x-ms-documentdb-isquery']) ||
    req.headers['content-type'] === 'application/query+json';
  if (method === 'POST' && query) return null;
  const target = parseTarget(req.url ?? '/');
  const body = () => JSON.parse(responseText) as unknown;
  switch (target.level) {
    case 'unjournalled':
      return null;
    case 'dbs':
      return method === 'POST' ? [{ op: 'db', db: (body() as { id: string }).id }] : null;
    case 'db':
      return method === 'DELETE' ? [{ op: 'dropDb', db: target.db }] : null;
    case 'colls':
      return method === 'POST'
        ? [{ op: 'coll', db: target.db, def: collectionDefinition(body()) }]
        : null;
    case 'coll':
      if (method === 'PUT')
        return [{ op: 'coll', db: target.db, def: collectionDefinition(body()) }];
      return method === 'DELETE' ? [{ op: 'dropColl', db: target.db, coll: target.coll }] : null;
    case 'docs':
      return documentRecords(req, target, body, requestText);
  }
}

function documentRecords(
  req: IncomingMessage,
  { db, coll, id }: { db: string; coll: string; id?: string },
  body: () => unknown,
  requestText: () => string,
): JournalRecord[] {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'DELETE' && id !== undefined) {
    return [
      { op: 'del', db, coll, id, pk: headerText(req.headers['x-ms-documentdb-partitionkey']) },
    ];
  }
  if (method === 'POST' && isTrue(req.headers['x-ms-cosmos-is-batch-request'])) {
    return batchRecords(
      db,
      coll,
      JSON.parse(requestText()) as BatchOperation[],
      body() as BatchResult[],
    );
  }
  // create, upsert (POST), replace (PUT), patch (PATCH): the answer is the stored document.
  return [{ op: 'put', db, coll, doc: body() as StoredDocument }];
}

function batchRecords(
  db: string,
  coll: string,
  operations: BatchOperation[],
  results: BatchResult[],
): JournalRecord[] {
  const records: JournalRecord[] = [];
  results.forEach((result, i) => {
    const status = result.statusCode ?? 0;
    if (status < 200 || status > 299) return;
    const operation = operations[i] ?? {};
    if (operation.operationType === 'Delete' && operation.id !== undefined) {
      records.push({ op: 'del', db, coll, id: operation.id, pk: operation.partitionKey });
    } else if (operation.operationType !== 'Read' && result.resourceBody) {
      records.push({ op: 'put', db, coll, doc: result.resourceBody });
    }
  });
  return records;
}

function collectionDefinition(value: unknown): CollectionDefinition {
  const { id, partitionKey, indexingPolicy, uniqueKeyPolicy } = value as CollectionDefinition;
  return { id, partitionKey, indexingPolicy, uniqueKeyPolicy };
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The journalling step in front of the embedded server (see interceptRequests.ts): it lets the
 * server handle the request, and before the answer is sent appends what a successful write changed.
 * If the journal cannot be written the client gets a 500 instead of the acknowledgement, so
 * nothing is acknowledged that would not survive a restart.
 */
export function journalWrites(
  journal: JournalWriter,
  replayToken: string,
): (req: IncomingMessage, res: ServerResponse, pass: () => void) => void {
  return (req, res, pass) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD' || isReplay(req, replayToken)) {
      pass();
      return;
    }
    if (parseTarget(req.url ?? '/').level === 'unjournalled') {
      // User-defined functions (which the app never creates) are not journalled: refuse to change
      // them rather than acknowledge what a restart would lose.
      req.resume();
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          code: 'BadRequest',
          message:
            'The embedded server with local data keeps documents, databases and containers only.',
        }),
      );
      return;
    }
    // Batch answers do not say which document a delete removed; the request does. The server
    // reads the body in this same tick, so listening here misses no chunk.
    const chunks: Buffer[] = [];
    if (isTrue(req.headers['x-ms-cosmos-is-batch-request'])) {
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
    }
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    res.end = ((chunk?: unknown) => {
      const text =
        typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
      try {
        const records = recordsFor(req, res.statusCode, text, () =>
          Buffer.concat(chunks).toString('utf8'),
        );
        if (records) journal.append(records);
      } catch (error) {
        res.statusCode = 500;
        return end(
          JSON.stringify({
            code: 'InternalServerError',
            message: `The local data journal could not be written: ${error instanceof Error ? error.message : String(error)}`,
          }),
        );
      }
      return end(chunk);
    }) as typeof res.end;
    pass();
  };
}
