import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';

import { GUID } from '../contract/ids';
import { Problem, validation } from '../errors/problem';
import type { FieldProblem } from '../errors/problem';

/** Reading what a client sent, with a problem a person can act on for every way it can be wrong. */

export function guidParam(request: HttpRequest, name: string): string {
  const value = request.params[name];
  if (!value || !GUID.test(value)) {
    throw validation(`"${name}" must be an id like 3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d8b74.`, [
      { path: name, message: 'Not a valid id.' },
    ]);
  }
  return value.toLowerCase();
}

export async function jsonBody<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
): Promise<z.output<S>> {
  const text = await request.text();
  if (text.trim() === '') {
    // Schemas whose fields are all optional accept an empty body as `{}`.
    return parseWith(schema, {});
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(problem\+)?json\b/i.test(type)) {
    throw new Problem(
      'unsupported-media-type',
      'Send the body as JSON with "Content-Type: application/json".',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw validation('The body is not valid JSON.');
  }
  return parseWith(schema, value);
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validation('The body must be a JSON object.');
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: FieldProblem[] = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message:
      issue.code === 'unrecognized_keys'
        ? `Unknown field(s): ${issue.keys.join(', ')}.`
        : issue.message,
  }));
  throw validation(
    errors.length === 1
      ? `${errors[0].path}: ${errors[0].message}`
      : `${errors.length} fields need attention.`,
    errors,
  );
}

const ETAG = /^(?:W\/)?"[\x21\x23-\x7e]{1,128}"$/;

/** The If-Match precondition for a write: required, one concrete ETag, never `*`. */
export function requiredIfMatch(request: HttpRequest): string {
  const value = optionalIfMatch(request);
  if (value === null) {
    throw new Problem(
      'precondition-required',
      'Send the If-Match header with the ETag you last read, so a change made elsewhere is never overwritten.',
    );
  }
  return value;
}

export function optionalIfMatch(request: HttpRequest): string | null {
  const raw = request.headers.get('if-match');
  if (raw === null || raw.trim() === '') return null;
  const value = raw.trim();
  if (ETAG.test(value)) return value.replace(/^W\//, '');
  if (/^[\x21\x23-\x7e]{1,128}$/.test(value) && value !== '*') return `"${value}"`;
  throw validation(
    'If-Match must be a single ETag as returned by the API, e.g. "00000000-0000-0000-1234-000000000000".',
    [{ path: 'If-Match', message: 'Not a valid ETag.' }],
  );
}
