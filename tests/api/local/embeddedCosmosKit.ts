import type { Server } from 'node:https';

import { EMULATOR_KEY } from '../../../api/src/local/localConfig';
import { startEmbeddedCosmos } from '../../../api/src/local/cosmosServer';
import { close } from '../../../api/src/local/listen';
import { openCosmosStore } from '../../../api/src/store/cosmosClient';
import type { CosmosStore } from '../../../api/src/store/cosmosClient';

/** An embedded Cosmos DB on an ephemeral port with the app's store opened on it, closed after. */
export async function withEmbeddedStore(
  database: string,
  use: (cosmos: { server: Server; store: CosmosStore }) => Promise<void>,
): Promise<void> {
  const cosmos = await startEmbeddedCosmos(0);
  try {
    const store = await openCosmosStore({ endpoint: cosmos.endpoint, key: EMULATOR_KEY, database });
    try {
      await use({ server: cosmos.server, store });
    } finally {
      store.client.dispose();
    }
  } finally {
    await close(cosmos.server);
  }
}
