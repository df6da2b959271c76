import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:https';

/**
 * Puts `intercept` in front of a server's own request handling: it sees each request first and
 * calls `pass` to hand it on. For adjusting a third-party server (the embedded Cosmos DB) from
 * outside, without forking it.
 */
export function interceptRequests(
  server: Server,
  intercept: (req: IncomingMessage, res: ServerResponse, pass: () => void) => void,
): void {
  const handlers = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    intercept(req, res, () => {
      for (const handle of handlers) handle(req, res);
    }),
  );
}
