import type { SqlParameter } from '@azure/cosmos';

/**
 * A filter that names the partitions a query reads: `c.pk IN (@pk0, @pk1, …)`. Cosmos DB routes a
 * query with an equality filter on the partition key to the physical partitions holding those
 * values and serves it from their indexes, so its cost follows the partitions named, not the
 * container (https://learn.microsoft.com/azure/cosmos-db/how-to-query-container, in-partition
 * queries). `ARRAY_CONTAINS(@pks, c.pk)` reads the same documents but is a function call, not an
 * equality filter, so it is not routed that way: it fans out to every physical partition. Keep
 * the filter first in the WHERE clause: the embedded server recognises only that shape
 * (api/src/local/partitionKeyFilter.ts).
 */
export function partitionKeyIn(partitionKeys: readonly string[]): {
  clause: string;
  parameters: SqlParameter[];
} {
  const parameters = partitionKeys.map((value, i) => ({ name: `@pk${i}`, value }));
  return { clause: `c.pk IN (${parameters.map((p) => p.name).join(', ')})`, parameters };
}
