import { startEmbeddedCosmos } from './cosmosServer';
import type { EmbeddedCosmosOptions } from './cosmosServer';
import { close } from './listen';
import { serveInThisProcess, startServiceProcess } from './serviceProcess';
import type { ServiceProcess } from './serviceProcess';

/**
 * The embedded Cosmos DB server (cosmosServer.ts, with every local fix it applies) in a process of
 * its own, as Cosmos DB is its own service in Azure: the fan-out bench runs it apart from the
 * product's processes so its CPU, and its one event loop, are seen apart (bench/README.md,
 * "fanout"). `npm start` keeps it in the stack's process (stack.ts).
 */

export interface CosmosProcessSpec extends EmbeddedCosmosOptions {
  /** 0 picks a free port. */
  port: number;
}

export interface CosmosProcessReady {
  port: number;
  endpoint: string;
}

export function startCosmosProcess(
  spec: CosmosProcessSpec,
): Promise<ServiceProcess<CosmosProcessReady>> {
  return startServiceProcess(__filename, spec, 'The Cosmos DB process');
}

if (require.main === module) {
  serveInThisProcess<CosmosProcessSpec, CosmosProcessReady>(async (spec) => {
    const cosmos = await startEmbeddedCosmos(spec.port, { dataDir: spec.dataDir });
    return {
      ready: { port: cosmos.port, endpoint: cosmos.endpoint },
      close: () => close(cosmos.server),
    };
  });
}
