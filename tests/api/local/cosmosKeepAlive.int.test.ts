import type { Server } from 'node:https';

import type { Container } from '@azure/cosmos';

import { EMULATOR_KEY } from '../../../api/src/local/localConfig';
import {
  EMBEDDED_COSMOS_KEEP_ALIVE_MS,
  startEmbeddedCosmos,
} from '../../../api/src/local/cosmosServer';
import { close } from '../../../api/src/local/listen';
import {
  LOOPBACK_IDLE_SOCKET_MS,
  LOOPBACK_MAX_SOCKETS,
  openCosmosStore,
} from '../../../api/src/store/cosmosClient';

/**
 * Keep-alive between the app and the embedded Cosmos DB. The server used to close idle
 * connections after Node's default 5 s while the client still held them as free, so a write that
 * picked one as it closed failed with a reset (@azure/cosmos retries resets for reads only).
 * Now the client retires idle sockets first and the server keeps them far longer.
 */

const OLD_SERVER_IDLE_MS = 5_000;

describe('the embedded Cosmos DB keep-alive', () => {
  it('the client retires idle sockets well before the server would close them', () => {
    expect(LOOPBACK_IDLE_SOCKET_MS).toBeLessThanOrEqual(EMBEDDED_COSMOS_KEEP_ALIVE_MS / 2);
  });

  it('after idling longer than the old 5 s server timeout, a replace reuses the connection and succeeds', () =>
    withCountedConnections('keep-alive', async ({ server, boards, connections }) => {
      const { resource } = await boards.items.create({ id: 'a1', pk: 't|e', title: 'first' });
      const opened = connections();

      await new Promise((resolve) => setTimeout(resolve, OLD_SERVER_IDLE_MS + 1_000));

      const replaced = await boards
        .item('a1', 't|e')
        .replace(
          { id: 'a1', pk: 't|e', title: 'second' },
          { accessCondition: { type: 'IfMatch', condition: resource!._etag } },
        );
      expect(replaced.statusCode).toBe(200);
      expect(replaced.resource).toMatchObject({ title: 'second' });
      // The idle connection was still open and was used: nothing had to be re-established.
      expect(connections()).toBe(opened);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    }));

  it('a burst of requests shares a bounded set of connections instead of one handshake each', () =>
    withCountedConnections('burst', async ({ boards, connections }) => {
      await boards.items.create({ id: 'a1', pk: 't|e', title: 'first' });
      const burst = LOOPBACK_MAX_SOCKETS * 6;
      const reads = await Promise.all(
        Array.from({ length: burst }, () => boards.item('a1', 't|e').read()),
      );
      expect(reads.every((r) => r.statusCode === 200)).toBe(true);
      expect(connections()).toBeGreaterThan(1);
      expect(connections()).toBeLessThanOrEqual(LOOPBACK_MAX_SOCKETS);
    }));
});

/** An embedded server counting the TLS connections made to it, and the app's store on it. */
async function withCountedConnections(
  database: string,
  use: (kit: { server: Server; boards: Container; connections: () => number }) => Promise<void>,
): Promise<void> {
  const cosmos = await startEmbeddedCosmos(0);
  let connections = 0;
  cosmos.server.on('secureConnection', () => connections++);
  try {
    const store = await openCosmosStore({ endpoint: cosmos.endpoint, key: EMULATOR_KEY, database });
    try {
      await use({
        server: cosmos.server,
        boards: store.containers.boards,
        connections: () => connections,
      });
    } finally {
      store.client.dispose();
    }
  } finally {
    await close(cosmos.server);
  }
}
