import type { Container } from '@azure/cosmos';

import { cosmosStatus } from './cosmosErrors';

/**
 * What a fanned-out scheduling pass keeps while its work items run on other instances: one result
 * per work item, in the run's own partition (so the pass that waits counts and reads them with
 * single-partition queries), and the tenant's latest run, which the admin reads. A result is
 * written once per item id (upsert), so an item delivered twice counts once.
 */

export interface WorkItemResult<S> {
  itemId: string;
  managerId: string;
  pairs: number;
  outcome: 'done' | 'poisoned';
  /** The delivery that finished it (the queue's dequeue count); absent for a poisoned item. */
  deliveries?: number;
  finishedAt: string;
  summary: S;
}

export interface SchedulingRunState {
  runId: string;
  startedAt: string;
  /** Work items enqueued; the run is over when as many results are in. */
  enqueued: number;
  /** Set by the pass when it stopped waiting (all in, or its time budget spent). */
  finishedAt: string | null;
}

export interface SchedulingRuns {
  recordResult<S>(tenantId: string, runId: string, result: WorkItemResult<S>): Promise<void>;
  hasResult(tenantId: string, runId: string, itemId: string): Promise<boolean>;
  countResults(tenantId: string, runId: string): Promise<number>;
  readResults<S>(tenantId: string, runId: string): Promise<WorkItemResult<S>[]>;
  /** The poisoned items' managers and pair counts, without their summaries (the admin's view). */
  readPoisoned(
    tenantId: string,
    runId: string,
  ): Promise<Pick<WorkItemResult<unknown>, 'itemId' | 'managerId' | 'pairs'>[]>;
  /** Removes a finished run's results: they name pairs, and the summary has what they said. */
  deleteResults(tenantId: string, runId: string): Promise<void>;
  writeLatest(tenantId: string, state: SchedulingRunState): Promise<void>;
  readLatest(tenantId: string): Promise<SchedulingRunState | null>;
}

const RESULT = 'schedule-work-result';
const LATEST_ID = 'scheduling-run-latest';

export function createSchedulingRuns(settings: Container): SchedulingRuns {
  const runPk = (tenantId: string, runId: string) => `${tenantId}|run|${runId}`;
  /** A single-partition query over a run's results. */
  const inRun = async <T>(tenantId: string, runId: string, select: string, where = '') => {
    const pk = runPk(tenantId, runId);
    const { resources } = await settings.items
      .query<T>(
        {
          query: `SELECT ${select} FROM c WHERE c.pk = @pk AND c.type = @type ${where}`,
          parameters: [
            { name: '@pk', value: pk },
            { name: '@type', value: RESULT },
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    return resources;
  };
  return {
    async recordResult(tenantId, runId, result) {
      await settings.items.upsert({
        ...result,
        id: result.itemId,
        pk: runPk(tenantId, runId),
        type: RESULT,
        tenantId,
        runId,
      });
    },
    async hasResult(tenantId, runId, itemId) {
      const { resource } = await settings.item(itemId, runPk(tenantId, runId)).read();
      return resource !== undefined;
    },
    async countResults(tenantId, runId) {
      const [count] = await inRun<number>(tenantId, runId, 'VALUE COUNT(1)');
      return count ?? 0;
    },
    readResults: <S>(tenantId: string, runId: string) =>
      inRun<WorkItemResult<S>>(tenantId, runId, '*'),
    readPoisoned: (tenantId, runId) =>
      inRun<Pick<WorkItemResult<unknown>, 'itemId' | 'managerId' | 'pairs'>>(
        tenantId,
        runId,
        'c.itemId, c.managerId, c.pairs',
        "AND c.outcome = 'poisoned'",
      ),
    async deleteResults(tenantId, runId) {
      const pk = runPk(tenantId, runId);
      const resources = await inRun<{ id: string }>(tenantId, runId, 'c.id');
      for (let i = 0; i < resources.length; i += 16)
        await Promise.all(
          resources.slice(i, i + 16).map(async ({ id }) => {
            try {
              await settings.item(id, pk).delete();
            } catch (error) {
              if (cosmosStatus(error) !== 404) throw error;
            }
          }),
        );
    },
    async writeLatest(tenantId, state) {
      await settings.items.upsert({ ...state, id: LATEST_ID, pk: tenantId, tenantId });
    },
    async readLatest(tenantId) {
      const { resource } = await settings
        .item(LATEST_ID, tenantId)
        .read<SchedulingRunState & { _etag?: string }>();
      if (!resource) return null;
      const { runId, startedAt, enqueued, finishedAt } = resource;
      return { runId, startedAt, enqueued, finishedAt };
    },
  };
}
