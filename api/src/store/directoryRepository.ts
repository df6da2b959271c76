import type { Container } from '@azure/cosmos';

import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import type { PilotMembers } from '../domain/settings/pilotScope';

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
  /** The pilot group's members as last synced; null before the first read of a group. */
  readPilotMembers(tenantId: string): Promise<PilotMembers | null>;
  writePilotMembers(
    tenantId: string,
    groupId: string,
    memberIds: string[],
    now: string,
  ): Promise<void>;
}

/** The pilot group's members as of the last sync; ids only (36 characters each, so ~50,000 fit a document). */
interface PilotMembersDocument {
  type: 'pilot-members';
  id: 'pilot-members';
  pk: string;
  tenantId: string;
  groupId: string;
  memberIds: string[];
  syncedAt: string;
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
    async readPilotMembers(tenantId) {
      const { resource } = await container
        .item('pilot-members', tenantId)
        .read<PilotMembersDocument>();
      return resource
        ? { groupId: resource.groupId, memberIds: new Set(resource.memberIds) }
        : null;
    },
    async writePilotMembers(tenantId, groupId, memberIds, now) {
      const doc: PilotMembersDocument = {
        type: 'pilot-members',
        id: 'pilot-members',
        pk: tenantId,
        tenantId,
        groupId,
        memberIds,
        syncedAt: now,
      };
      await container.items.upsert(doc);
    },
  };
}
