import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/**
 * Answers the requests a local server receives between binding its port and being ready to serve.
 * The stack binds every port first (ephemeral ports must be known before anything is configured),
 * so without a gate a request in that window would wait forever. Each server chooses a policy:
 * `refuse` answers 503 at once; `hold` keeps the request until the server is ready, and answers
 * 503 only if that takes longer than `maxWaitMs`. Either way every request is answered.
 */

export type GatePolicy =
  | { kind: 'refuse'; retryAfterSeconds: number }
  | { kind: 'hold'; maxWaitMs: number; retryAfterSeconds: number };

export interface StartupGate {
  /** Passes the request on when the server is ready; holds or refuses it until then. */
  admit(req: IncomingMessage, res: ServerResponse, pass: () => void): void;
  /** The server is ready: held requests go on, in arrival order, and so does every later one. */
  open(): void;
}

export function createStartupGate(service: string, policy: GatePolicy): StartupGate {
  let ready = false;
  const held = new Map<ServerResponse, { pass: () => void; timer: NodeJS.Timeout }>();
  return {
    admit(req, res, pass) {
      if (ready) {
        pass();
        return;
      }
      if (policy.kind === 'refuse') {
        refuseWhileStarting(req, res, service, policy.retryAfterSeconds);
        return;
      }
      const timer = setTimeout(() => {
        held.delete(res);
        refuseWhileStarting(req, res, service, policy.retryAfterSeconds);
      }, policy.maxWaitMs);
      held.set(res, { pass, timer });
      res.once('close', () => {
        clearTimeout(timer);
        held.delete(res);
      });
    },
    open() {
      ready = true;
      for (const { pass, timer } of held.values()) {
        clearTimeout(timer);
        pass();
      }
      held.clear();
    },
  };
}

/** A server whose request listener is attached later, behind a gate that answers until then. */
export function gatedListener(gate: StartupGate): {
  listener: RequestListener;
  serve(handler: RequestListener): void;
} {
  let handler: RequestListener | undefined;
  return {
    listener: (req, res) => gate.admit(req, res, () => handler?.(req, res)),
    serve(next) {
      handler = next;
      gate.open();
    },
  };
}

function refuseWhileStarting(
  req: IncomingMessage,
  res: ServerResponse,
  service: string,
  retryAfterSeconds: number,
): void {
  // The body is not read: drain it so the connection can be reused.
  req.resume();
  // Same shape as the API's problems (http/problems.ts), spelled out here because this answers for
  // servers that are not the API (Cosmos DB, dev services, tab) too.
  const text = JSON.stringify({
    type: 'https://careerboard.dev/problems/starting',
    title: 'Starting',
    status: 503,
    detail: `The ${service} is starting; try again in a moment.`,
    instance: new URL(req.url ?? '/', 'http://localhost').pathname,
  });
  res.writeHead(503, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(text),
    'Retry-After': String(retryAfterSeconds),
  });
  res.end(text);
}
