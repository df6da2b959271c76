import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Server } from 'node:https';

import { createHttpsServer } from '@vercel/cosmosdb-server';

import { appendQuerySourcesInPlace } from './cosmosLinearQueries';
import { scopeQueriesToTheirPartition } from './cosmosPartitionQueries';
import { isReplay, journalWrites, openJournalWriter } from './cosmosJournal';
import {
  foldJournal,
  readJournal,
  replayState,
  rewriteJournal,
  stateRecords,
} from './cosmosJournalReplay';
import type { JournalState } from './cosmosJournalReplay';
import { interceptRequests } from './interceptRequests';
import { close, listen } from './listen';
import { claimDataDir, cosmosDataDir } from './localData';
import { createStartupGate } from './startupGate';

/**
 * How long the embedded server keeps an idle keep-alive connection open: far longer than the
 * client retires its idle sockets (LOOPBACK_IDLE_SOCKET_MS in store/cosmosClient.ts), so the
 * client, never the server, closes an idle connection. With Node's default of 5 s the server
 * closed connections the client still held as free (the server sets `Connection: keep-alive`
 * itself, so Node sends no `Keep-Alive: timeout` hint the agent could follow), and a write that
 * picked such a socket at the wrong moment failed with ECONNRESET, which @azure/cosmos retries for
 * reads only.
 */
export const EMBEDDED_COSMOS_KEEP_ALIVE_MS = 65_000;

export interface EmbeddedCosmosOptions {
  /**
   * Keep the data across restarts in this folder (localData.ts): every acknowledged write is
   * journalled (cosmosJournal.ts) and loaded back at the next start. In memory only without it.
   */
  dataDir?: string;
}

/** The embedded Cosmos DB (`@vercel/cosmosdb-server`), speaking the real REST protocol over TLS. */
export async function startEmbeddedCosmos(
  port: number,
  options: EmbeddedCosmosOptions = {},
): Promise<{ server: Server; port: number; endpoint: string; documentsLoaded: number }> {
  // Without keep-alive every Cosmos operation pays a fresh TLS handshake (bench/README.md).
  const server = createHttpsServer({ keepAlive: true });
  server.keepAliveTimeout = EMBEDDED_COSMOS_KEEP_ALIVE_MS;
  // Node's advice: headersTimeout above keepAliveTimeout, so a reused connection's next request
  // is never cut off by the headers timer first.
  server.headersTimeout = EMBEDDED_COSMOS_KEEP_ALIVE_MS + 1_000;
  answerQueryPlansAtOnce(server);
  scopeQueriesToTheirPartition(server);
  appendQuerySourcesInPlace();
  const replayToken = randomUUID();
  const state = options.dataDir ? keepDataIn(server, options.dataDir, replayToken) : null;
  // Outermost step: until the server is ready (its data loaded), anything else that reaches it
  // gets a 503 at once: only the stack's own client calls it, and only once the stack is ready,
  // so a refusal is for a stray tool or probe, which should learn "not yet" without waiting.
  const gate = createStartupGate('Cosmos DB', { kind: 'refuse', retryAfterSeconds: 1 });
  interceptRequests(server, (req, res, pass) =>
    isReplay(req, replayToken) ? pass() : gate.admit(req, res, pass),
  );
  const bound = await listen(server, port, 'Cosmos DB', 'COSMOS_PORT');
  const endpoint = `https://localhost:${bound}/`;
  let documentsLoaded = 0;
  try {
    if (state) documentsLoaded = await replayState(endpoint, state, replayToken);
  } catch (error) {
    await close(server);
    throw error;
  }
  gate.open();
  return { server, port: bound, endpoint, documentsLoaded };
}

/**
 * Reads and compacts the journal in `dataDir`, then journals every write the server acknowledges
 * from now on. Returns the state to load once the server listens.
 */
function keepDataIn(server: Server, dataDir: string, replayToken: string): JournalState {
  const dir = cosmosDataDir(dataDir);
  const release = claimDataDir(dir);
  try {
    const path = join(dir, 'journal.jsonl');
    const state = foldJournal(readJournal(path));
    rewriteJournal(path, stateRecords(state));
    const journal = openJournalWriter(path);
    interceptRequests(server, journalWrites(journal, replayToken));
    server.once('close', () => {
      journal.close();
      release();
    });
    return state;
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * @azure/cosmos sends a speculative query-plan request beside every query and reads the answer
 * only if the gateway refuses the query as needing a plan (cross-partition aggregates and the
 * like, which the embedded server never does). Azure's gateway answers a plan without running the
 * query; the embedded server routes it like a query and scans the whole container for nothing,
 * which doubled the cost of every query locally (bench/README.md). So the plan request is answered
 * at once with a refusal the SDK keeps and never reads, as it would keep a real plan.
 */
export function answerQueryPlansAtOnce(server: Server): void {
  interceptRequests(server, (req, res, pass) => {
    if (String(req.headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() !== 'true') {
      pass();
      return;
    }
    req.resume();
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({ code: 'BadRequest', message: 'The embedded server plans no queries.' }),
    );
  });
}
