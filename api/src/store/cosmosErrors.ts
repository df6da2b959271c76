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

export const staleWrite = (what: string) =>
  new Problem(
    'precondition-failed',
    `${what} was changed by someone else (or in another window) since you loaded it. Reload to see the latest version, then apply your change again.`,
  );

/** Removes Cosmos system properties before a document is written back. */
export function withoutSystemProperties<T extends object>(doc: T): T {
  const copy: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  for (const key of ['_rid', '_self', '_etag', '_attachments', '_ts']) delete copy[key];
  return copy as T;
}
