import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:https';

import type Item from '@vercel/cosmosdb-server/lib/account/item';
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
  patchItemsOnce();
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
 * The server keeps a container's documents in one map, so narrowing a query to its partitions by
 * sweeping that map still cost O(container) per query: a team view got dearer as other tenants'
 * boards filled the container (issue 14). Cosmos DB serves a partition from its own index, so the
 * server keeps one too: each container's documents by partition, updated by the two methods every
 * write goes through (`_set`, `delete`; a replace is a delete then a set). The order the
 * documents are handed over in does not matter: the query engine sorts them by `_rid` when FROM
 * names the container, as it does in every query the app sends.
 */
type Container = Items<Item, Item>;

type PartitionIndex = Map<unknown, Map<string, Item>>;

const indexes = new WeakMap<Container, PartitionIndex>();

function indexOf(items: Container): PartitionIndex {
  let index = indexes.get(items);
  if (!index) {
    index = new Map();
    indexes.set(items, index);
    for (const [rid, item] of items._data) addToIndex(items, index, rid, item);
  }
  return index;
}

function partitionOfItem(items: Container, item: Item): unknown {
  return items._getPartition(item.read() as Record<string, unknown>);
}

function addToIndex(items: Container, index: PartitionIndex, rid: string, item: Item): void {
  const partition = partitionOfItem(items, item);
  const members = index.get(partition) ?? new Map<string, Item>();
  index.set(partition, members);
  members.set(rid, item);
}

function removeFromIndex(items: Container, rid: string, data: unknown): void {
  const index = indexes.get(items);
  if (!index) return;
  const partition = items._getPartition(data as Record<string, unknown>);
  const members = index.get(partition);
  members?.delete(rid);
  if (members?.size === 0) index.delete(partition);
}

/** The documents of these partitions. */
function documentsIn(items: Container, partitions: Set<unknown>): Map<string, Item> {
  const index = indexOf(items);
  const groups = [...partitions].flatMap((p) => index.get(p) ?? []);
  return groups.length === 1 ? groups[0] : new Map(groups.flatMap((members) => [...members]));
}

function patchItemsOnce(): void {
  if (itemsPatched) return;
  itemsPatched = true;
  const set = Items.prototype._set;
  Items.prototype._set = function indexedSet(this: Container, data) {
    const stored = set.call(this, data);
    const index = indexes.get(this);
    const rid = (data as { _rid: string })._rid;
    const item = this._data.get(rid);
    if (index && item) addToIndex(this, index, rid, item);
    return stored;
  };
  const remove = Items.prototype.delete;
  Items.prototype.delete = function indexedDelete(this: Container, idOrRid, partition) {
    const data = this._item('/id', idOrRid, partition).read() as { _rid?: string } | undefined;
    remove.call(this, idOrRid, partition);
    if (data?._rid) removeFromIndex(this, data._rid, data);
  };
  const query = Items.prototype.query;
  Items.prototype.query = function scopedQuery(this: Container, ...args) {
    const named = requestPartition.getStore();
    const partitions =
      named === undefined ? partitionsNamedInFilter(this, args[0]) : new Set<unknown>([named]);
    if (partitions === undefined) return query.apply(this, args);
    const everything = this._data;
    // query() is synchronous, so nothing else can see the narrowed map while it runs.
    this._data = documentsIn(this, partitions);
    try {
      return query.apply(this, args);
    } finally {
      this._data = everything;
    }
  };
}

function partitionsNamedInFilter(
  items: Container,
  params: { query: string; parameters?: QueryParameter[] },
): Set<unknown> | undefined {
  return partitionsNamedBy(params.query, params.parameters, items._getPartitionKeyPath());
}
