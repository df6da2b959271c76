import { EMULATOR_KEY } from '../../../api/src/config';
import { startEmbeddedCosmos } from '../../../api/src/local/cosmosServer';
import { close } from '../../../api/src/local/listen';
import { openCosmosStore } from '../../../api/src/store/cosmosClient';

/**
 * The SDK's speculative query-plan request is answered at once by the embedded server instead of
 * being run as a second query; every query still answers exactly as before.
 */

describe('query plans on the embedded Cosmos DB', () => {
  it('queries run once each and still filter, order, limit and page', async () => {
    const cosmos = await startEmbeddedCosmos(0);
    const seen: { plan: boolean; status?: number }[] = [];
    cosmos.server.prependListener('request', (req, res) => {
      if (!String(req.headers['content-type']).startsWith('application/query+json')) return;
      const entry: { plan: boolean; status?: number } = {
        plan: req.headers['x-ms-cosmos-is-query-plan-request'] === 'True',
      };
      seen.push(entry);
      res.on('finish', () => (entry.status = res.statusCode));
    });
    try {
      const store = await openCosmosStore({
        endpoint: cosmos.endpoint,
        key: EMULATOR_KEY,
        database: 'query-plans',
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
    } finally {
      await close(cosmos.server);
    }
  });
});
