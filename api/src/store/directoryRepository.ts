import type { Container } from '@azure/cosmos';

import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';

/** The org chart as last synced from Graph, one partition per tenant, plus the delta link. */

interface SyncState {
  type: 'sync-state';
  id: 'sync-state';
  pk: string;
  tenantId: string;
  deltaLink: string | null;
  lastSyncAt: string;
}

export interface DirectoryRepository {
  readAll(tenantId: string): Promise<DirectoryPerson[]>;
  upsertMany(people: DirectoryPerson[]): Promise<void>;
  readDeltaLink(tenantId: string): Promise<string | null>;
  /** When the org chart was last read from Graph; null before the first sync. */
  readLastSyncAt(tenantId: string): Promise<string | null>;
  writeDeltaLink(tenantId: string, deltaLink: string | null, now: string): Promise<void>;
}

const BULK_CHUNK = 100;

export function createDirectoryRepository(container: Container): DirectoryRepository {
  return {
    async readAll(tenantId) {
      const { resources } = await container.items
        .query<DirectoryPerson>(
          {
            query: "SELECT * FROM c WHERE c.pk = @t AND c.type = 'person'",
            parameters: [{ name: '@t', value: tenantId }],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources;
    },
    async upsertMany(people) {
      for (let i = 0; i < people.length; i += BULK_CHUNK) {
        const chunk = people.slice(i, i + BULK_CHUNK);
        const results = await container.items.bulk(
          chunk.map((p) => ({
            operationType: 'Upsert' as const,
            partitionKey: p.pk,
            resourceBody: { ...p },
          })),
        );
        const failed = results.filter((r) => r.statusCode >= 400);
        if (failed.length > 0)
          throw new Error(
            `Could not store ${failed.length} people of the org chart (status ${failed[0].statusCode})`,
          );
      }
    },
    async readDeltaLink(tenantId) {
      const { resource } = await container.item('sync-state', tenantId).read<SyncState>();
      return resource?.deltaLink ?? null;
    },
    async readLastSyncAt(tenantId) {
      const { resource } = await container.item('sync-state', tenantId).read<SyncState>();
      return resource?.lastSyncAt ?? null;
    },
    async writeDeltaLink(tenantId, deltaLink, now) {
      const state: SyncState = {
        type: 'sync-state',
        id: 'sync-state',
        pk: tenantId,
        tenantId,
        deltaLink,
        lastSyncAt: now,
      };
      await container.items.upsert(state);
    },
  };
}
