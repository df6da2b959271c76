import { createHttpsServer } from '@vercel/cosmosdb-server';

import { EMBEDDED_COSMOS_KEEP_ALIVE_MS } from '../api/src/local/cosmosServer';
import { close, listen } from '../api/src/local/listen';

/**
 * For the "before" what-if only: the embedded Cosmos server as it was before it answered the
 * SDK's query-plan requests itself (api/src/local/cosmosServer.ts, answerQueryPlansAtOnce), so
 * every query is run twice. A stack uses it through COSMOS_ENDPOINT, an ordinary setting; the
 * difference from "as shipped" is what that change is worth, measured in the same run.
 */
export async function startPlansAsQueriesCosmos(): Promise<{
  endpoint: string;
  port: number;
  close(): Promise<void>;
}> {
  const server = createHttpsServer({ keepAlive: true });
  server.keepAliveTimeout = EMBEDDED_COSMOS_KEEP_ALIVE_MS;
  server.headersTimeout = EMBEDDED_COSMOS_KEEP_ALIVE_MS + 1_000;
  const port = await listen(server, 0, 'Cosmos DB (bench what-if)', 'COSMOS_PORT');
  return { endpoint: `https://localhost:${port}/`, port, close: () => close(server) };
}
