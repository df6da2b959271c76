import type { Server } from 'node:https';

import { createHttpsServer } from '@vercel/cosmosdb-server';

import { scopeQueriesToTheirPartition } from './cosmosPartitionQueries';
import { interceptRequests } from './interceptRequests';
import { listen } from './listen';
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

/** The embedded Cosmos DB (`@vercel/cosmosdb-server`), speaking the real REST protocol over TLS. */
export async function startEmbeddedCosmos(
  port: number,
): Promise<{ server: Server; port: number; endpoint: string }> {
  // Without keep-alive every Cosmos operation pays a fresh TLS handshake (bench/README.md).
  const server = createHttpsServer({ keepAlive: true });
  server.keepAliveTimeout = EMBEDDED_COSMOS_KEEP_ALIVE_MS;
  // Node's advice: headersTimeout above keepAliveTimeout, so a reused connection's next request
  // is never cut off by the headers timer first.
  server.headersTimeout = EMBEDDED_COSMOS_KEEP_ALIVE_MS + 1_000;
  answerQueryPlansAtOnce(server);
  scopeQueriesToTheirPartition(server);
  // Outermost step: until the server is ready, anything that reaches it gets a 503 at once (only
  // the stack's own client calls it, and only once the stack is ready, so a refusal is for a
  // stray tool or probe, which should learn "not yet" without waiting).
  const gate = createStartupGate('Cosmos DB', { kind: 'refuse', retryAfterSeconds: 1 });
  interceptRequests(server, gate.admit);
  const bound = await listen(server, port, 'Cosmos DB', 'COSMOS_PORT');
  gate.open();
  return { server, port: bound, endpoint: `https://localhost:${bound}/` };
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
