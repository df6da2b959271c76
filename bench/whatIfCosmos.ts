import { createHttpsServer } from '@vercel/cosmosdb-server';

import { EMBEDDED_COSMOS_KEEP_ALIVE_MS } from '../api/src/local/cosmosServer';
import { close, listen } from '../api/src/local/listen';

/**
 * For the "before" what-if only: the stock `@vercel/cosmosdb-server`, without the two changes
 * api/src/local/cosmosServer.ts makes to it (query-plan requests answered at once, and queries
 * sent with a partition key run inside that partition), so every query runs twice, over the
 * whole container. A stack uses it through COSMOS_ENDPOINT, an ordinary setting; the difference
 * from "as shipped" is what those changes are worth, measured in the same run.
 */
export async function startStockCosmos(): Promise<{
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
