import type { Container } from '@azure/cosmos';

import type { AcknowledgementRecord, CommentRecord } from '../../domain/board/records';
import { acknowledgementId, boardPartitionKey } from '../../domain/board/records';
import type { Stored } from '../../domain/stored';
import { cosmosStatus, isConflict, withoutSystemProperties } from '../cosmosErrors';
import { assertStorable } from '../documentSize';
import { boardItem, commentsQuery, deleteIfPresent } from './boardDocuments';

/** What the two people say about an aspiration: the manager's acknowledgement, and comments. */
export interface AcknowledgementStore {
  readAcknowledgement(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
  ): Promise<Stored<AcknowledgementRecord> | null>;
  /** Creates (storedEtag null) or replaces the version read; null when another write won. */
  writeAcknowledgement(
    record: AcknowledgementRecord,
    storedEtag: string | null,
  ): Promise<Stored<AcknowledgementRecord> | null>;
  deleteAcknowledgement(tenantId: string, employeeId: string, aspirationId: string): Promise<void>;
  /** Creates the comment under its numbered id; null when that number was taken meanwhile. */
  createComment(record: CommentRecord): Promise<Stored<CommentRecord> | null>;
  deleteComment(tenantId: string, employeeId: string, id: string): Promise<void>;
  listComments(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
  ): Promise<Stored<CommentRecord>[]>;
}

export function createAcknowledgementStore(boards: Container): AcknowledgementStore {
  return {
    async readAcknowledgement(tenantId, employeeId, aspirationId) {
      const { resource } = await boardItem(
        boards,
        tenantId,
        employeeId,
        acknowledgementId(aspirationId),
      ).read<Stored<AcknowledgementRecord>>();
      return resource && resource.type === 'acknowledgement' ? resource : null;
    },

    async writeAcknowledgement(record, storedEtag) {
      assertStorable(record, 'Shorten the support note.');
      try {
        if (storedEtag === null) {
          const { resource } = await boards.items.create(record);
          return resource as Stored<AcknowledgementRecord>;
        }
        const { resource } = await boardItem(
          boards,
          record.tenantId,
          record.employeeId,
          record.id,
        ).replace(withoutSystemProperties(record), {
          accessCondition: { type: 'IfMatch', condition: storedEtag },
        });
        return resource as Stored<AcknowledgementRecord>;
      } catch (error) {
        if ([409, 412, 404].includes(cosmosStatus(error) ?? 0)) return null;
        throw error;
      }
    },

    deleteAcknowledgement: (tenantId, employeeId, aspirationId) =>
      deleteIfPresent(boards, tenantId, employeeId, acknowledgementId(aspirationId)),

    async createComment(record) {
      assertStorable(record, 'Shorten the comment.');
      try {
        const { resource } = await boards.items.create(record);
        return resource as Stored<CommentRecord>;
      } catch (error) {
        if (isConflict(error)) return null;
        throw error;
      }
    },

    deleteComment: (tenantId, employeeId, id) => deleteIfPresent(boards, tenantId, employeeId, id),

    async listComments(tenantId, employeeId, aspirationId) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const { resources } = await boards.items
        .query<Stored<CommentRecord>>(commentsQuery(pk, aspirationId, '*'), { partitionKey: pk })
        .fetchAll();
      return resources;
    },
  };
}
