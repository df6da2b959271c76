import Documents from '@vercel/cosmosdb-server/lib/account/documents';

import { compiledQuery } from '../../../api/src/local/cosmosLinearQueries';
import { withEmbeddedStore } from './embeddedCosmosKit';

/**
 * The embedded server answers the SDK's speculative query-plan request at once instead of running
 * it as a second query, and runs a query sent with a partition key inside that partition, as the
 * service does; every query still answers as Cosmos DB would.
 */

describe('queries on the embedded Cosmos DB', () => {
  it('queries run once each and still filter, order, limit and page', () =>
    withEmbeddedStore('query-plans', async ({ server, store }) => {
      const seen: { plan: boolean; status?: number }[] = [];
      server.prependListener('request', (req, res) => {
        if (!String(req.headers['content-type']).startsWith('application/query+json')) return;
        const entry: { plan: boolean; status?: number } = {
          plan: req.headers['x-ms-cosmos-is-query-plan-request'] === 'True',
        };
        seen.push(entry);
        res.on('finish', () => (entry.status = res.statusCode));
      });
      const boards = store.containers.boards;
      for (let i = 0; i < 12; i++)
        await boards.items.create({ id: `a${i}`, pk: i % 2 ? 't|odd' : 't|even', n: i });
      seen.length = 0;

      const { resources: top } = await boards.items
        .query<{ n: number }>(
          {
            query: 'SELECT TOP 3 c.n FROM c WHERE c.pk = @pk ORDER BY c.n DESC',
            parameters: [{ name: '@pk', value: 't|even' }],
          },
          { partitionKey: 't|even' },
        )
        .fetchAll();
      expect(top.map((r) => r.n)).toEqual([10, 8, 6]);

      const pages: number[][] = [];
      const iterator = boards.items.query<{ n: number }>('SELECT c.n FROM c ORDER BY c.n', {
        maxItemCount: 5,
      });
      while (iterator.hasMoreResults()) {
        const { resources } = await iterator.fetchNext();
        if (resources.length > 0) pages.push(resources.map((r) => r.n));
      }
      expect(pages.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(pages.length).toBeGreaterThan(1);

      // Each query asked for a plan, and the plan was refused at once: the query ran, the plan did not.
      const plans = seen.filter((s) => s.plan);
      expect(plans.length).toBeGreaterThan(0);
      expect(plans.every((s) => s.status === 400)).toBe(true);
      const queries = seen.filter((s) => !s.plan);
      expect(queries.length).toBe(1 + pages.length);
      expect(queries.every((s) => s.status === 200)).toBe(true);
    }));

  it('a query sent with a partition key sees that partition only, as Cosmos DB runs it', () =>
    withEmbeddedStore('partition-scope', async ({ store }) => {
      const boards = store.containers.boards;
      for (let i = 0; i < 9; i++)
        await boards.items.create({ id: `a${i}`, pk: `t|p${i % 3}`, n: i });

      // No WHERE on the key: the service still answers from the one partition.
      const { resources: one } = await boards.items
        .query<{ n: number }>('SELECT c.n FROM c ORDER BY c.n', { partitionKey: 't|p1' })
        .fetchAll();
      expect(one.map((r) => r.n)).toEqual([1, 4, 7]);

      const pages: number[] = [];
      const iterator = boards.items.query<{ n: number }>('SELECT c.n FROM c ORDER BY c.n', {
        partitionKey: 't|p2',
        maxItemCount: 2,
      });
      while (iterator.hasMoreResults()) {
        const { resources } = await iterator.fetchNext();
        pages.push(...resources.map((r) => r.n));
      }
      expect(pages).toEqual([2, 5, 8]);

      const { resources: all } = await boards.items
        .query<{ n: number }>('SELECT c.n FROM c ORDER BY c.n')
        .fetchAll();
      expect(all).toHaveLength(9);

      // Point reads and writes are untouched.
      const { resource } = await boards.item('a4', 't|p1').read<{ n: number }>();
      expect(resource?.n).toBe(4);
    }));

  it('a query naming its partitions with IN runs over those partitions and answers the same', () =>
    withEmbeddedStore('partition-in', async ({ store }) => {
      const boards = store.containers.boards;
      for (let i = 0; i < 12; i++)
        await boards.items.create({ id: `a${i}`, pk: `t|p${i % 4}`, n: i, odd: i % 2 === 1 });
      // How many documents the server's query engine was handed, per query.
      const handed: number[] = [];
      const udfs = Documents.prototype._userDefinedFunctions;
      const spy = jest
        .spyOn(Documents.prototype, '_userDefinedFunctions')
        .mockImplementation(function (this: Documents) {
          handed.push(this._data.size);
          return udfs.call(this);
        });
      try {
        const named = async (query: string) =>
          (
            await boards.items
              .query<{ n: number }>({
                query,
                parameters: [
                  { name: '@a', value: 't|p1' },
                  { name: '@b', value: 't|p3' },
                ],
              })
              .fetchAll()
          ).resources.map((r) => r.n);

        expect(await named('SELECT c.n FROM c WHERE c.pk IN (@a, @b) ORDER BY c.n')).toEqual([
          1, 3, 5, 7, 9, 11,
        ]);
        expect(handed.at(-1)).toBe(6);
        expect(
          await named('SELECT c.n FROM c WHERE c.pk IN (@a) AND (c.n > 8 OR c.n < 2) ORDER BY c.n'),
        ).toEqual([1, 9]);
        expect(handed.at(-1)).toBe(3);
        // A top-level OR can match any partition: the whole container is searched.
        expect(
          await named('SELECT c.n FROM c WHERE c.pk IN (@a) AND c.n > 8 OR c.n = 0 ORDER BY c.n'),
        ).toEqual([0, 9]);
        expect(handed.at(-1)).toBe(12);
      } finally {
        spy.mockRestore();
      }
    }));
  it('the partition index follows every create, replace, upsert and delete', () =>
    withEmbeddedStore('partition-index', async ({ store }) => {
      const boards = store.containers.boards;
      const inPartitions = async (...pks: string[]) =>
        (
          await boards.items
            .query<{ id: string; n: number }>({
              query: `SELECT c.id, c.n FROM c WHERE c.pk IN (${pks.map((_, i) => `@p${i}`).join(', ')})`,
              parameters: pks.map((value, i) => ({ name: `@p${i}`, value })),
            })
            .fetchAll()
        ).resources.map((r) => `${r.id}:${r.n}`);
      const onePartition = async (pk: string) =>
        (
          await boards.items
            .query<{ id: string }>('SELECT c.id FROM c', { partitionKey: pk })
            .fetchAll()
        ).resources.map((r) => r.id);

      for (let i = 0; i < 6; i++)
        await boards.items.create({ id: `d${i}`, pk: `t|p${i % 2}`, n: i });
      // The first query builds the index from what the container holds.
      expect(await inPartitions('t|p0', 't|p1')).toEqual([
        'd0:0',
        'd1:1',
        'd2:2',
        'd3:3',
        'd4:4',
        'd5:5',
      ]);

      await boards.item('d2', 't|p0').replace({ id: 'd2', pk: 't|p0', n: 20 });
      await boards.items.upsert({ id: 'd1', pk: 't|p1', n: 10 });
      await boards.items.upsert({ id: 'd6', pk: 't|p2', n: 6 });
      await boards.item('d4', 't|p0').delete();
      await boards.items.create({ id: 'd4', pk: 't|p1', n: 40 });

      // The engine answers in _rid order, which a replace keeps and a re-create renews.
      expect(await inPartitions('t|p0', 't|p1')).toEqual([
        'd0:0',
        'd1:10',
        'd2:20',
        'd3:3',
        'd5:5',
        'd4:40',
      ]);
      expect(await inPartitions('t|p2', 't|none')).toEqual(['d6:6']);
      expect(await onePartition('t|p0')).toEqual(['d0', 'd2']);
      expect(await onePartition('t|p1')).toEqual(['d1', 'd3', 'd5', 'd4']);
      const { resources: all } = await boards.items
        .query<{ id: string }>('SELECT c.id FROM c')
        .fetchAll();
      expect(all.map((r) => r.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd5', 'd6', 'd4']);
    }));
  it('the engine appends each document in place, and FROM and JOIN answer as before', () =>
    withEmbeddedStore('linear-from', async ({ store }) => {
      const boards = store.containers.boards;
      await boards.items.create({ id: 'a', pk: 't|a', n: 1, tags: ['x', 'y'], kid: { m: 5 } });
      await boards.items.create({ id: 'b', pk: 't|a', n: 2, tags: [] });
      await boards.items.create({ id: 'c', pk: 't|a', n: 3, tags: ['z'], kid: { m: 7 } });
      const run = async <T>(query: string) =>
        (await boards.items.query<T>(query, { partitionKey: 't|a' }).fetchAll()).resources;

      expect(await run('SELECT c.id, t AS tag FROM c JOIN t IN c.tags')).toEqual([
        { id: 'a', tag: 'x' },
        { id: 'a', tag: 'y' },
        { id: 'c', tag: 'z' },
      ]);
      expect(await run('SELECT VALUE k.m FROM c.kid k')).toEqual([5, 7]);
      expect(await run('SELECT VALUE COUNT(1) FROM c WHERE c.n > 1')).toEqual([2]);

      // What the engine compiled: no reducer copies its accumulator per document.
      for (const sql of ['SELECT * FROM c', 'SELECT c.id, t FROM c JOIN t IN c.tags']) {
        const code = compiledQuery(sql);
        expect(code).toContain('.reduce(');
        expect(code).not.toMatch(/\[\s*\.\.\.\$\s*,/);
      }
    }));
});
