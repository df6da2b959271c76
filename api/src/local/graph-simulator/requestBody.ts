import type { z } from 'zod';

import { GraphHttpError } from './graphErrors';

/**
 * Request bodies checked against a zod schema, with Graph's kinds of answer: a property the type
 * does not have is an OData reader error (`RequestBodyRead`); a value that breaks a rule is an
 * Outlook `ErrorInvalidRequest`. Either is a 400 naming the property.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, typeName: string): T {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GraphHttpError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const unknownKey = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknownKey && unknownKey.code === 'unrecognized_keys') {
    throw new GraphHttpError(
      400,
      'RequestBodyRead',
      `The property '${unknownKey.keys[0]}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    );
  }
  const details = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  throw new GraphHttpError(400, 'ErrorInvalidRequest', `The request is invalid: ${details}.`);
}

/**
 * Outlook matches action parameter names without regard to case (its own docs post `Schedules`
 * and `StartTime`); this renames top-level keys to the canonical spelling before validation.
 */
export function canonicalKeys(body: unknown, names: readonly string[]): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const canonical = new Map(names.map((name) => [name.toLowerCase(), name]));
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [canonical.get(key.toLowerCase()) ?? key, value]),
  );
}
