import type { Server } from 'node:https';

import { createHttpsServer } from '@vercel/cosmosdb-server';

import { listen } from './listen';

/** The embedded Cosmos DB (`@vercel/cosmosdb-server`), speaking the real REST protocol over TLS. */
export async function startEmbeddedCosmos(
  port: number,
): Promise<{ server: Server; port: number; endpoint: string }> {
  // Without keep-alive every Cosmos operation pays a fresh TLS handshake (bench/README.md).
  const server = createHttpsServer({ keepAlive: true });
  const bound = await listen(server, port, 'Cosmos DB', 'COSMOS_PORT');
  return { server, port: bound, endpoint: `https://localhost:${bound}/` };
}
