import { tooLarge } from '../errors/storeOutcome';
import type { StoreOutcome } from '../errors/storeOutcome';

/** Cosmos DB status codes the board cares about, turned into outcomes a person can act on. */

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

/**
 * A Cosmos DB failure that is the request's fault, as the outcome to answer with; `null` for
 * everything else (those stay 5xx). Used by the route adapter for any error a repository let
 * through, so no repository can turn an oversized document into a 500.
 */
export function outcomeFromCosmos(error: unknown): StoreOutcome | null {
  switch (cosmosStatus(error)) {
    case 413:
      // Normally caught before writing (documentSize.ts); this is the backstop.
      return tooLarge(
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
