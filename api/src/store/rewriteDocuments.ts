import type { Container } from '@azure/cosmos';

import { withoutSystemProperties } from './cosmosErrors';

/**
 * Replaces each document by its rewritten self (upsert: the same result however often it runs),
 * so an erasure stopped half-way is finished by running it again.
 */
export async function rewriteAll<T extends object>(
  container: Container,
  docs: T[],
  rewrite: (doc: T) => T,
): Promise<number> {
  for (const doc of docs) await container.items.upsert(withoutSystemProperties(rewrite(doc)));
  return docs.length;
}
