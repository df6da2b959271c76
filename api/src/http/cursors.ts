import type { z } from 'zod';

import { validation } from '../errors/problem';

/**
 * Paging cursors are opaque to clients but not to us: base64url of a small JSON object this API
 * wrote, read back through a strict schema. Nothing from a cursor reaches Cosmos DB except values
 * that schema has checked (never a raw continuation token, whose bytes would become a header), so
 * a cursor the API did not issue is a 400, never a 5xx.
 */

const MAX_CURSOR_LENGTH = 8192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The 400 for a cursor this API did not issue (also for checks only the handler can make). */
export function refuseCursor(name = 'cursor') {
  return validation('The cursor is not one this API returned; start again without it.', [
    { path: name, message: 'Invalid cursor.' },
  ]);
}

/** `null` when the client sent no cursor; a validation problem for anything we would not issue. */
export function decodeCursor<S extends z.ZodType>(
  raw: string | null,
  schema: S,
  name = 'cursor',
): z.output<S> | null {
  if (raw === null || raw === '') return null;
  const refuse = () => refuseCursor(name);
  if (raw.length > MAX_CURSOR_LENGTH || !BASE64URL.test(raw)) throw refuse();
  const bytes = Buffer.from(raw, 'base64url');
  // Canonical form only: a value that decodes leniently (stray padding bits) is not one we issued.
  if (bytes.toString('base64url') !== raw) throw refuse();
  const text = bytes.toString('utf8');
  if (!/^[\x20-\x7e]*$/.test(text)) throw refuse();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw refuse();
  return parsed.data;
}
