import type { IncomingMessage, ServerResponse } from 'node:http';

import type { IdentityIssuer } from './identityIssuer';
import { sendJson } from './http-utils';

/**
 * The local-only services on one port: the identity issuer (`/identity/`), the Graph simulator
 * (`/graph/v1.0/`) and the dev controls (`/dev/`). Never started in Azure.
 */

export interface DevServicesHandlers {
  issuer: IdentityIssuer;
  graph: { handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> };
  dev: { handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> };
  /** The tab's origin: the sign-in-as picker calls `/dev/users` and `/identity/token` from it. */
  allowedOrigin: string;
}

export function devServicesListener(handlers: DevServicesHandlers) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.headers.origin === handlers.allowedOrigin) {
      res.setHeader('Access-Control-Allow-Origin', handlers.allowedOrigin);
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const chain = [handlers.issuer, handlers.graph, handlers.dev];
    void (async () => {
      for (const handler of chain) {
        if (await handler.handle(req, res, path)) return;
      }
      sendJson(res, 404, { error: 'not_found', message: `No dev service at ${path}` });
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        sendJson(res, 500, {
          error: 'internal',
          message: error instanceof Error ? error.message : 'failure',
        });
      } else res.end();
    });
  };
}
