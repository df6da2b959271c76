import { Problem } from '../http/problems';

/** Cosmos DB status codes the board cares about, turned into problems a person can act on. */

export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

export function isPreconditionFailed(error: unknown): boolean {
  return cosmosStatus(error) === 412;
}

export const isNotFound = (error: unknown): boolean => cosmosStatus(error) === 404;
export const isConflict = (error: unknown): boolean => cosmosStatus(error) === 409;

export const staleWrite = (what: string) =>
  new Problem(
    'precondition-failed',
    `${what} was changed by someone else (or in another window) since you loaded it. Reload to see the latest version, then apply your change again.`,
  );

/**
 * A Cosmos DB failure that is the request's fault, as the problem to answer with; `null` for
 * everything else (those stay 5xx). Used by the HTTP layer for any error a repository let through,
 * so no repository can turn an oversized document into a 500.
 */
export function problemFromCosmos(error: unknown): Problem | null {
  switch (cosmosStatus(error)) {
    case 413:
      // Normally caught before writing (documentSize.ts); this is the backstop.
      return new Problem(
        'limit-exceeded',
        'This would make a stored document larger than Cosmos DB allows (2 MB). Shorten the longest texts or links, or split the content, and try again.',
      );
    default:
      return null;
  }
}

/** Removes Cosmos system properties before a document is written back. */
export function withoutSystemProperties<T extends object>(doc: T): T {
  const copy: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  for (const key of ['_rid', '_self', '_etag', '_attachments', '_ts']) delete copy[key];
  return copy as T;
}
