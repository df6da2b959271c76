import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:https';

import Items from '@vercel/cosmosdb-server/lib/account/items';

import { interceptRequests } from './interceptRequests';
import { partitionsNamedBy } from './partitionKeyFilter';
import type { QueryParameter } from './partitionKeyFilter';

/**
 * Cosmos DB runs a query sent with a partition key inside that partition only: it returns that
 * partition's documents whatever the WHERE clause says, and costs what the partition holds. The
 * embedded server ignores the key and runs every query over the whole container, so each
 * single-partition query cost O(container) locally and a scheduling pass, whose conversations
 * container grows as it books, went quadratic (bench/README.md). This scopes such queries to
 * their partition, as the service does. A cross-partition query whose filter names its partitions
 * (`c.pk IN (…)`, partitionKeyFilter.ts) runs over those partitions, as the service routes it;
 * other cross-partition queries still see everything.
 */
const requestPartition = new AsyncLocalStorage<string | number>();
let itemsPatched = false;

export function scopeQueriesToTheirPartition(server: Server): void {
  patchItemsQueryOnce();
  interceptRequests(server, (req, _res, pass) => {
    const partition = singlePartitionOf(req);
    if (partition === undefined) pass();
    else requestPartition.run(partition, pass);
  });
}

/** The partition a request names (`x-ms-documentdb-partitionkey: ["t|e"]`), if exactly one. */
function singlePartitionOf(req: IncomingMessage): string | number | undefined {
  const header = req.headers['x-ms-documentdb-partitionkey'];
  if (typeof header !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(header);
    if (!Array.isArray(parsed) || parsed.length !== 1) return undefined;
    const [value] = parsed as unknown[];
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/*
 * Each write stores a new item object, so an item's partition never changes under it; caching it
 * keeps the per-query sweep to a lookup per document.
 */
const partitions = new WeakMap<object, unknown>();

function partitionOf(items: Items<never, never>, item: object): unknown {
  if (partitions.has(item)) return partitions.get(item);
  const partition = items._getPartition((item as { read(): Record<string, unknown> }).read());
  partitions.set(item, partition);
  return partition;
}

function patchItemsQueryOnce(): void {
  if (itemsPatched) return;
  itemsPatched = true;
  const query = Items.prototype.query;
  Items.prototype.query = function scopedQuery(this: Items<never, never>, ...args) {
    const named = requestPartition.getStore();
    const partitions =
      named === undefined ? partitionsNamedInFilter(this, args[0]) : new Set<unknown>([named]);
    if (partitions === undefined) return query.apply(this, args);
    const everything = this._data;
    const inPartitions = new Map<string, never>();
    for (const [rid, item] of everything) {
      if (partitions.has(partitionOf(this, item))) inPartitions.set(rid, item);
    }
    // query() is synchronous, so nothing else can see the narrowed map while it runs.
    this._data = inPartitions;
    try {
      return query.apply(this, args);
    } finally {
      this._data = everything;
    }
  };
}

function partitionsNamedInFilter(
  items: Items<never, never>,
  params: { query: string; parameters?: QueryParameter[] },
): Set<unknown> | undefined {
  return partitionsNamedBy(params.query, params.parameters, items._getPartitionKeyPath());
}
