import type { IncomingMessage, ServerResponse } from 'node:http';

import { createHttpsServer } from '@vercel/cosmosdb-server';

import { close, listen } from '../api/src/local/listen';

/**
 * For what-if measurements only: the same embedded Cosmos server the stack starts
 * (api/src/local/cosmosServer.ts), with the changes proposed in bench/README.md, used by a stack
 * through COSMOS_ENDPOINT (an ordinary setting), so no product code changes.
 *
 * - `keepAlive: true`. As shipped the server answers every request with `Connection: close`, so
 *   the SDK's keep-alive agent opens a new TLS connection for every operation.
 * - `answerQueryPlans`: @azure/cosmos 4.x sends a speculative query-plan request beside every
 *   query and only reads it if the gateway rejects the query. The embedded server routes it like
 *   a query and scans the whole container for nothing. Answering it at once with an error (which
 *   the SDK stores and never reads) saves that scan.
 */
export async function startWhatIfCosmos(options: { answerQueryPlans: boolean }): Promise<{
  endpoint: string;
  port: number;
  close(): Promise<void>;
}> {
  const server = createHttpsServer({ keepAlive: true });
  if (options.answerQueryPlans) {
    const [handler] = server.listeners('request') as ((
      req: IncomingMessage,
      res: ServerResponse,
    ) => void)[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (String(req.headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() === 'true') {
        req.resume();
        res.writeHead(400, { 'Content-Type': 'application/json', Connection: 'keep-alive' });
        res.end(JSON.stringify({ code: 'BadRequest', message: 'No query plans locally.' }));
        return;
      }
      handler(req, res);
    });
  }
  const port = await listen(server, 0, 'Cosmos DB (bench what-if)', 'COSMOS_PORT');
  return { endpoint: `https://localhost:${port}/`, port, close: () => close(server) };
}
