import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import { HttpRequest, HttpResponse, InvocationContext } from '@azure/functions';
import type { HttpHandler, LogHandler } from '@azure/functions';

import { Problem, problemBody } from '../errors/problem';
import type { RouteDefinition } from '../http/route';
import { describeError } from '../logging/logSafety';
import { toFunctionHandler } from '../functions/toFunctionHandler';
import type { Services } from '../services';
import type { TimerDefinition } from '../functions/timer';
import { BodyTooLargeError, readBody, sendJson } from './http-utils';
import { compileRoute, matchRoute } from './routeMatcher';

/**
 * Serves the API's route table over HTTP the way the Functions host would: real HttpRequest and
 * InvocationContext objects, the same handlers, `/api/` prefix, and `POST /admin/functions/{name}`
 * to run a timer on demand.
 */

export interface ApiHostOptions {
  routes: RouteDefinition[];
  timers: TimerDefinition[];
  services: Services;
  /** The tab's origin: the only one granted CORS. */
  allowedOrigin: string;
  /**
   * The API's own origin (`http://localhost:{port}`), as configured rather than read from the
   * Host header, which a DNS-rebinding page controls. `/admin/functions/` accepts browser requests
   * from this origin and the tab's only.
   */
  ownOrigin?: string;
  log?: (line: string) => void;
}

interface Endpoint {
  definition: RouteDefinition;
  handler: HttpHandler;
}

export function createApiListener(options: ApiHostOptions): RequestListener {
  const getServices = () => Promise.resolve(options.services);
  const compiled = options.routes.map((definition) =>
    compileRoute<Endpoint>(definition.route, {
      definition,
      handler: toFunctionHandler(definition, getServices),
    }),
  );
  const log = options.log ?? (() => undefined);
  const logHandler: LogHandler = (level, ...args) =>
    log(`[${level}] ${args.map(String).join(' ')}`);

  return (req, res) => {
    if (options.log) logRequestLine(req, res, options.log);
    handle(req, res).catch((error: unknown) => {
      log(`[error] local host failure: ${describeError(error)}`);
      if (!res.headersSent)
        sendProblem(
          res,
          new Problem('internal', 'The local host failed to handle the request.'),
          req.url ?? '/',
        );
      else res.end();
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    applyCors(req, res, options.allowedOrigin);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/admin/functions/')) {
      await runTimer(req, res, decodeURIComponent(url.pathname.slice('/admin/functions/'.length)));
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      sendProblem(
        res,
        new Problem(
          'not-found',
          `Nothing is served at ${url.pathname}; the API lives under /api/.`,
        ),
        url.pathname,
      );
      return;
    }
    const path = url.pathname.slice('/api/'.length);
    const matches = matchRoute(compiled, path);
    if (matches.length === 0) {
      sendProblem(
        res,
        new Problem('not-found', `No API endpoint at ${url.pathname}.`),
        url.pathname,
      );
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const match = matches.find((m) => m.route.value.definition.methods.includes(method as never));
    if (!match) {
      const allowed = [...new Set(matches.flatMap((m) => m.route.value.definition.methods))].join(
        ', ',
      );
      res.setHeader('Allow', allowed);
      sendProblem(
        res,
        new Problem('method-not-allowed', `${method} is not supported here; use ${allowed}.`),
        url.pathname,
      );
      return;
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendProblem(
          res,
          new Problem('payload-too-large', `Request bodies are limited to ${error.limit} bytes.`),
          url.pathname,
        );
        return;
      }
      throw error;
    }
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers: flattenHeaders(req),
      query: Object.fromEntries(url.searchParams),
      params: match.params,
      ...(body.length > 0 ? { body: { string: body } } : {}),
    });
    const { definition, handler } = match.route.value;
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: definition.name,
      logHandler,
    });
    const init = await handler(request, context);
    const response = new HttpResponse(init);
    const payload = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    res.writeHead(response.status, { ...headers, 'Content-Length': String(payload.length) });
    res.end(payload);
  }

  async function runTimer(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const timer = options.timers.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (req.method !== 'POST') {
      sendProblem(
        res,
        new Problem('method-not-allowed', 'Use POST to run a function.'),
        req.url ?? '/',
      );
      return;
    }
    if (!timer) {
      sendProblem(
        res,
        new Problem('not-found', `No timer function named "${name}".`),
        req.url ?? '/',
      );
      return;
    }
    const crossSite = crossSiteRefusal(req, [options.allowedOrigin, options.ownOrigin]);
    if (crossSite) {
      req.resume();
      sendProblem(res, new Problem('forbidden', crossSite), req.url ?? '/');
      return;
    }
    await readBody(req);
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: timer.name,
      logHandler,
    });
    // With Accept: application/x-ndjson the caller sees progress as it happens, then the summary.
    const streaming = (req.headers.accept ?? '').includes('application/x-ndjson');
    if (streaming) {
      res.writeHead(200, {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-store',
      });
    }
    const progress = (message: string) => {
      log(`[${timer.name}] ${message}`);
      if (streaming)
        res.write(
          `${JSON.stringify({ type: 'progress', at: new Date().toISOString(), message })}\n`,
        );
    };
    try {
      const summary = await timer.run({ services: options.services, context, progress });
      const result = { name: timer.name, invocationId: context.invocationId, summary };
      if (streaming) res.end(`${JSON.stringify({ type: 'summary', ...result })}\n`);
      else sendJson(res, 200, result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`[${timer.name}] failed: ${describeError(error)}`);
      if (streaming) res.end(`${JSON.stringify({ type: 'error', message })}\n`);
      else
        sendProblem(
          res,
          new Problem('internal', `${timer.name} failed: ${message}`),
          req.url ?? '/',
        );
    }
  }
}

/**
 * A scheduling pass books meetings for everyone, so no web page may start one: a browser marks
 * every POST with its page's `Origin` and, cross-site, with `Sec-Fetch-Site: cross-site`. Requests
 * from the tab or the API's own origin, and those no browser sent (`npm run schedule`, curl: no
 * Origin, no Sec-Fetch-Site), run. Returns why a request is refused, or null.
 */
function crossSiteRefusal(req: IncomingMessage, trusted: (string | undefined)[]): string | null {
  const origin = req.headers.origin;
  if (origin !== undefined && !trusted.includes(origin)) {
    return `Timer functions cannot be run from a web page at ${origin}; use \`npm run schedule\`.`;
  }
  if (origin === undefined && req.headers['sec-fetch-site'] === 'cross-site') {
    return 'Timer functions cannot be run from another site; use `npm run schedule`.';
  }
  return null;
}

/**
 * `npm start -- --verbose`: one line per request once it is answered: method, path, status and
 * milliseconds. Never the query string (cursors and search text) or a body: logs carry no content.
 */
function logRequestLine(req: IncomingMessage, res: ServerResponse, log: (line: string) => void) {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  res.once('finish', () => {
    log(`${method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)} ms`);
  });
}

function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigin: string): void {
  res.setHeader('Vary', 'Origin');
  if (req.headers.origin !== allowedOrigin) return;
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin);
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    'Authorization, Content-Type, If-Match, If-None-Match',
  );
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Location, Retry-After');
  res.setHeader('Access-Control-Max-Age', '600');
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function sendProblem(res: ServerResponse, problem: Problem, instance: string): void {
  const text = JSON.stringify(problemBody(problem, instance));
  res.writeHead(problem.status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
