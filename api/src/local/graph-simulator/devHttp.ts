import type { IncomingMessage, ServerResponse } from 'node:http';

import type { z } from 'zod';

import { PROBLEM_TYPE_BASE } from '../../errors/problem';
import type { FieldProblem } from '../../errors/problem';
import { BodyTooLargeError, parseJson, readBody, sendJson } from '../http-utils';

/**
 * Plumbing shared by the local-only `/dev/` controls of the Graph simulator: RFC 9457 problems
 * (400 for bad input, like `/dev/users`), JSON bodies checked with zod, and chaining handlers.
 */

export interface DevHandler {
  /** Serves its paths; returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

/** One handler that asks each of `handlers` in turn. */
export function chainDevHandlers(...handlers: DevHandler[]): DevHandler {
  return {
    async handle(req, res, path) {
      for (const handler of handlers) {
        if (await handler.handle(req, res, path)) return true;
      }
      return false;
    },
  };
}

const TITLES = {
  validation: 'Invalid request',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'payload-too-large': 'Request too large',
} as const;

export type DevProblemType = keyof typeof TITLES;

export function sendProblem(
  res: ServerResponse,
  status: number,
  type: DevProblemType,
  detail: string,
  errors: FieldProblem[] = [],
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    status,
    {
      type: `${PROBLEM_TYPE_BASE}${type}`,
      title: TITLES[type],
      status,
      detail,
      ...(errors.length ? { errors } : {}),
    },
    { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  );
}

export function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendProblem(res, 405, 'method-not-allowed', `Use ${allow} on this path.`, [], { Allow: allow });
}

/** The body checked against `schema`, or null after answering 400/413 with a problem. */
export async function readValidBody<T>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType<T>,
  what: string,
): Promise<T | null> {
  let body: unknown;
  try {
    body = parseJson(await readBody(req, 64 * 1024));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendProblem(res, 413, 'payload-too-large', error.message);
    } else {
      sendProblem(res, 400, 'validation', 'The body must be JSON.');
    }
    return null;
  }
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
  sendProblem(res, 400, 'validation', `The body is not a valid ${what}.`, errors);
  return null;
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
