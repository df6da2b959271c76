import type { Container } from '@azure/cosmos';

import type { BoardRecords } from '../domain/board/boardView';
import type {
  AcknowledgementRecord,
  AspirationRecord,
  CommentRecord,
  HistoryRecord,
  PrivateNotesRecord,
} from '../domain/board/records';
import { acknowledgementId, boardPartitionKey, privateNotesId } from '../domain/board/records';
import {
  cosmosStatus,
  isPreconditionFailed,
  staleWrite,
  withoutSystemProperties,
} from './cosmosErrors';

/** Reads and writes one board's documents; every call stays inside the board's partition. */

export type Stored<T> = T & { _etag: string };

export interface BoardRepository {
  readBoard(
    tenantId: string,
    employeeId: string,
  ): Promise<{ records: BoardRecords; requestCharge: number }>;
  readAspiration(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
  ): Promise<Stored<AspirationRecord> | null>;
  createAspiration(record: AspirationRecord): Promise<Stored<AspirationRecord>>;
  /** Replaces only if the stored ETag still equals `ifMatch`; otherwise a 412 problem. */
  replaceAspiration(record: AspirationRecord, ifMatch: string): Promise<Stored<AspirationRecord>>;
  deleteAspiration(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
    ifMatch: string,
  ): Promise<void>;
  readAcknowledgement(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
  ): Promise<AcknowledgementRecord | null>;
  upsertAcknowledgement(record: AcknowledgementRecord): Promise<void>;
  createComment(record: CommentRecord): Promise<void>;
  listComments(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
  ): Promise<CommentRecord[]>;
  readPrivateNotes(
    tenantId: string,
    employeeId: string,
    authorId: string,
  ): Promise<Stored<PrivateNotesRecord> | null>;
  /** Creates the notes (storedEtag null) or replaces the version read; a race is a 412 problem. */
  writePrivateNotes(
    record: PrivateNotesRecord,
    storedEtag: string | null,
  ): Promise<Stored<PrivateNotesRecord>>;
  appendHistory(record: HistoryRecord): Promise<void>;
  readHistory(
    tenantId: string,
    employeeId: string,
    limit: number,
    continuation?: string,
  ): Promise<{ entries: HistoryRecord[]; continuation: string | null }>;
}

export function createBoardRepository(boards: Container, history: Container): BoardRepository {
  const item = (tenantId: string, employeeId: string, id: string) =>
    boards.item(id, boardPartitionKey(tenantId, employeeId));

  return {
    async readBoard(tenantId, employeeId) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const response = await boards.items
        .query<Stored<AspirationRecord> | AcknowledgementRecord | CommentRecord>(
          {
            query:
              "SELECT * FROM c WHERE c.pk = @pk AND (c.type = 'aspiration' OR c.type = 'acknowledgement' OR c.type = 'comment')",
            parameters: [{ name: '@pk', value: pk }],
          },
          { partitionKey: pk },
        )
        .fetchAll();
      const records: BoardRecords = { aspirations: [], acknowledgements: [], comments: [] };
      for (const doc of response.resources) {
        if (doc.type === 'aspiration') records.aspirations.push(doc);
        else if (doc.type === 'acknowledgement') records.acknowledgements.push(doc);
        else if (doc.type === 'comment') records.comments.push(doc);
      }
      const live = new Set(records.aspirations.map((a) => a.id));
      // Acknowledgements and comments of a deleted aspiration are gone with it.
      records.acknowledgements = records.acknowledgements.filter((a) => live.has(a.aspirationId));
      records.comments = records.comments.filter((c) => live.has(c.aspirationId));
      return { records, requestCharge: response.requestCharge };
    },

    async readAspiration(tenantId, employeeId, aspirationId) {
      const { resource } = await item(tenantId, employeeId, aspirationId).read<
        Stored<AspirationRecord>
      >();
      return resource && resource.type === 'aspiration' ? resource : null;
    },

    async createAspiration(record) {
      const { resource } = await boards.items.create(record);
      return resource as Stored<AspirationRecord>;
    },

    async replaceAspiration(record, ifMatch) {
      try {
        const { resource } = await item(record.tenantId, record.employeeId, record.id).replace(
          withoutSystemProperties(record),
          {
            accessCondition: { type: 'IfMatch', condition: ifMatch },
          },
        );
        return resource as Stored<AspirationRecord>;
      } catch (error) {
        if (isPreconditionFailed(error)) throw staleWrite('This aspiration');
        throw error;
      }
    },

    async deleteAspiration(tenantId, employeeId, aspirationId, ifMatch) {
      try {
        await item(tenantId, employeeId, aspirationId).delete({
          accessCondition: { type: 'IfMatch', condition: ifMatch },
        });
      } catch (error) {
        if (isPreconditionFailed(error)) throw staleWrite('This aspiration');
        throw error;
      }
    },

    async readAcknowledgement(tenantId, employeeId, aspirationId) {
      const { resource } = await item(
        tenantId,
        employeeId,
        acknowledgementId(aspirationId),
      ).read<AcknowledgementRecord>();
      return resource ?? null;
    },

    async upsertAcknowledgement(record) {
      await boards.items.upsert(record);
    },

    async createComment(record) {
      await boards.items.create(record);
    },

    async listComments(tenantId, employeeId, aspirationId) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const { resources } = await boards.items
        .query<CommentRecord>(
          {
            query:
              "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'comment' AND c.aspirationId = @id",
            parameters: [
              { name: '@pk', value: pk },
              { name: '@id', value: aspirationId },
            ],
          },
          { partitionKey: pk },
        )
        .fetchAll();
      return resources;
    },

    async readPrivateNotes(tenantId, employeeId, authorId) {
      const { resource } = await item(tenantId, employeeId, privateNotesId(authorId)).read<
        Stored<PrivateNotesRecord>
      >();
      return resource && resource.authorId === authorId ? resource : null;
    },

    async writePrivateNotes(record, storedEtag) {
      try {
        if (storedEtag === null) {
          const { resource } = await boards.items.create(record);
          return resource as Stored<PrivateNotesRecord>;
        }
        const { resource } = await item(record.tenantId, record.employeeId, record.id).replace(
          record,
          {
            accessCondition: { type: 'IfMatch', condition: storedEtag },
          },
        );
        return resource as Stored<PrivateNotesRecord>;
      } catch (error) {
        // 409: created meanwhile elsewhere; 412 or 404: changed or gone since it was read.
        if ([409, 412, 404].includes(cosmosStatus(error) ?? 0)) throw staleWrite('Your notes');
        throw error;
      }
    },

    async appendHistory(record) {
      await history.items.create(record);
    },

    async readHistory(tenantId, employeeId, limit, continuation) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const iterator = history.items.query<HistoryRecord>(
        {
          query: 'SELECT * FROM c WHERE c.pk = @pk ORDER BY c.at DESC',
          parameters: [{ name: '@pk', value: pk }],
        },
        { partitionKey: pk, maxItemCount: limit, continuationToken: continuation },
      );
      const page = await iterator.fetchNext();
      return { entries: page.resources, continuation: page.continuationToken ?? null };
    },
  };
}

/** What the team view needs of many boards, in one query: no details, comments or notes. */
export interface TeamBoardRow {
  type: 'aspiration' | 'acknowledgement';
  pk: string;
  id: string;
  horizon?: AspirationRecord['horizon'];
  title?: string;
  position?: number;
  createdAt?: string;
  version?: number;
  aspirationId?: string;
  acknowledgedVersion?: number;
}

export async function readTeamBoards(
  boards: Container,
  partitionKeys: string[],
): Promise<{ rows: TeamBoardRow[]; requestCharge: number }> {
  if (partitionKeys.length === 0) return { rows: [], requestCharge: 0 };
  const response = await boards.items
    .query<TeamBoardRow>({
      query:
        "SELECT c.type, c.pk, c.id, c.horizon, c.title, c.position, c.createdAt, c.version, c.aspirationId, c.acknowledgedVersion FROM c WHERE ARRAY_CONTAINS(@pks, c.pk) AND (c.type = 'aspiration' OR c.type = 'acknowledgement')",
      parameters: [{ name: '@pks', value: partitionKeys }],
    })
    .fetchAll();
  return { rows: response.resources, requestCharge: response.requestCharge };
}
