import type { Container } from '@azure/cosmos';

import type { AdoptionBoardRow } from '../domain/adoption/adoptionFigures';
import type { BoardRecords } from '../domain/board/boardView';
import type {
  AcknowledgementRecord,
  AspirationRecord,
  AspirationSlotRecord,
  AspirationTombstone,
  CommentRecord,
  HistoryRecord,
  PrivateNotesRecord,
} from '../domain/board/records';
import {
  acknowledgementId,
  aspirationSlotId,
  boardPartitionKey,
  privateNotesId,
} from '../domain/board/records';
import { isOrphanSlot } from '../domain/board/slots';
import type { Stored } from '../domain/stored';
import { gone, staleWrite } from '../errors/storeOutcome';
import { createBoardSettlement } from './boardSettlement';
import type { HistoryCursor } from './boardSettlement';
import {
  cosmosStatus,
  isConflict,
  isNotFound,
  isPreconditionFailed,
  withoutSystemProperties,
} from './cosmosErrors';
import { ASPIRATION_TOO_LARGE_ADVICE, assertStorable } from './documentSize';

export type { HistoryCursor } from './boardSettlement';

/**
 * Reads and writes one board's documents; every call stays inside the board's partition.
 *
 * Writes that change what both people see carry their history entry inside the written document
 * (`pendingHistory`); `flushHistory` copies it to the history container afterwards. Reads finish
 * whatever a failed or interrupted write left: they copy pending entries, complete deletions and
 * remove acknowledgements and comments whose aspiration is gone (boardSettlement.ts).
 */

export interface BoardReadResult {
  records: BoardRecords;
  requestCharge: number;
  /** Pending history or deletions this read could not finish (retried by the next one). */
  unsettled: number;
}

export interface BoardRepository {
  readBoard(tenantId: string, employeeId: string): Promise<BoardReadResult>;
  readAspiration(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
  ): Promise<Stored<AspirationRecord> | null>;
  /** Claims the first free place of `candidates`; null when every one is taken. */
  claimSlot(
    owner: { tenantId: string; employeeId: string },
    aspirationId: string,
    candidates: number[],
    now: Date,
  ): Promise<number | null>;
  /** Frees places claimed by writers that never created their aspiration; returns how many. */
  reclaimOrphanSlots(tenantId: string, employeeId: string, now: Date): Promise<number>;
  releaseSlot(
    tenantId: string,
    employeeId: string,
    slot: number,
    aspirationId: string,
  ): Promise<void>;
  /** The record carries its `pendingHistory`; call `flushHistory` on the result. */
  createAspiration(record: AspirationRecord): Promise<Stored<AspirationRecord>>;
  /** Replaces only if the stored ETag still equals `ifMatch`; otherwise a 412 problem. */
  replaceAspiration(record: AspirationRecord, ifMatch: string): Promise<Stored<AspirationRecord>>;
  /**
   * Turns the aspiration into a tombstone (If-Match `current._etag`, else 412), then removes its
   * acknowledgement, comments and place. Returns false if only the tombstone was written: the
   * aspiration is gone for everyone and the next read finishes the rest.
   */
  deleteAspiration(
    current: Stored<AspirationRecord>,
    entry: HistoryRecord,
    now: string,
  ): Promise<boolean>;
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
  /**
   * Copies a document's pending history entries to the history container (idempotent: each entry
   * has a fixed id) and removes them from the document. Returns the document as now stored.
   */
  flushHistory<T extends { id: string; pk: string; pendingHistory?: HistoryRecord[] }>(
    doc: Stored<T>,
  ): Promise<Stored<T>>;
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
  /**
   * For entries that belong to no board document (e.g. a change of manager). Created once per id:
   * true when this call created it, false when it was already there.
   */
  appendHistory(record: HistoryRecord): Promise<boolean>;
  /** Newest first; finishes pending history of the board first, so every saved change shows. */
  readHistory(
    tenantId: string,
    employeeId: string,
    limit: number,
    after?: HistoryCursor | null,
  ): Promise<{ entries: HistoryRecord[]; next: HistoryCursor | null; unsettled: number }>;
}

const ASPIRATION_GONE = 'This aspiration does not exist on this board (it may have been deleted).';

export function createBoardRepository(boards: Container, history: Container): BoardRepository {
  const item = (tenantId: string, employeeId: string, id: string) =>
    boards.item(id, boardPartitionKey(tenantId, employeeId));
  const settlement = createBoardSettlement(boards, history);

  const deleteIfPresent = async (tenantId: string, employeeId: string, id: string) => {
    try {
      await item(tenantId, employeeId, id).delete();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  };

  return {
    async readBoard(tenantId, employeeId) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const response = await boards.items
        .query<
          | Stored<AspirationRecord>
          | Stored<AcknowledgementRecord>
          | Stored<CommentRecord>
          | Stored<AspirationTombstone>
        >(
          {
            query:
              "SELECT * FROM c WHERE c.pk = @pk AND (c.type = 'aspiration' OR c.type = 'acknowledgement' OR c.type = 'comment' OR c.type = 'aspiration-deleted')",
            parameters: [{ name: '@pk', value: pk }],
          },
          { partitionKey: pk },
        )
        .fetchAll();
      const { records, unsettled } = await settlement.settleRead(response.resources);
      return { records, requestCharge: response.requestCharge, unsettled };
    },

    async readAspiration(tenantId, employeeId, aspirationId) {
      const { resource } = await item(tenantId, employeeId, aspirationId).read<
        Stored<AspirationRecord>
      >();
      return resource && resource.type === 'aspiration' ? resource : null;
    },

    async claimSlot(owner, aspirationId, candidates, now) {
      const pk = boardPartitionKey(owner.tenantId, owner.employeeId);
      for (const slot of candidates) {
        const claim: AspirationSlotRecord = {
          type: 'aspiration-slot',
          id: aspirationSlotId(slot),
          pk,
          tenantId: owner.tenantId,
          employeeId: owner.employeeId,
          slot,
          aspirationId,
          claimedAt: now.toISOString(),
        };
        try {
          await boards.items.create(claim);
          return slot;
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
      return null;
    },

    async reclaimOrphanSlots(tenantId, employeeId, now) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const { resources } = await boards.items
        .query<{
          id: string;
          type: string;
          aspirationId?: string;
          claimedAt?: string;
          _etag: string;
        }>(
          {
            query:
              "SELECT c.id, c.type, c.aspirationId, c.claimedAt, c._etag FROM c WHERE c.pk = @pk AND (c.type = 'aspiration-slot' OR c.type = 'aspiration' OR c.type = 'aspiration-deleted')",
            parameters: [{ name: '@pk', value: pk }],
          },
          { partitionKey: pk },
        )
        .fetchAll();
      const present = new Set(
        resources.filter((r) => r.type !== 'aspiration-slot').map((r) => r.id),
      );
      let reclaimed = 0;
      for (const r of resources) {
        if (r.type !== 'aspiration-slot' || !r.aspirationId || !r.claimedAt) continue;
        if (!isOrphanSlot({ aspirationId: r.aspirationId, claimedAt: r.claimedAt }, present, now))
          continue;
        try {
          await item(tenantId, employeeId, r.id).delete({
            accessCondition: { type: 'IfMatch', condition: r._etag },
          });
          reclaimed++;
        } catch (error) {
          if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
        }
      }
      return reclaimed;
    },

    releaseSlot: (tenantId, employeeId, slot, aspirationId) =>
      settlement.releaseSlot(boardPartitionKey(tenantId, employeeId), slot, aspirationId),

    async createAspiration(record) {
      assertStorable(record, ASPIRATION_TOO_LARGE_ADVICE);
      const { resource } = await boards.items.create(record);
      return resource as Stored<AspirationRecord>;
    },

    async replaceAspiration(record, ifMatch) {
      const doc = withoutSystemProperties(record);
      assertStorable(doc, ASPIRATION_TOO_LARGE_ADVICE);
      try {
        const { resource } = await item(record.tenantId, record.employeeId, record.id).replace(
          doc,
          { accessCondition: { type: 'IfMatch', condition: ifMatch } },
        );
        return resource as Stored<AspirationRecord>;
      } catch (error) {
        if (isPreconditionFailed(error)) throw staleWrite('This aspiration');
        if (isNotFound(error)) throw gone(ASPIRATION_GONE);
        throw error;
      }
    },

    async deleteAspiration(current, entry, now) {
      const tombstone: AspirationTombstone = {
        type: 'aspiration-deleted',
        id: current.id,
        pk: current.pk,
        tenantId: current.tenantId,
        employeeId: current.employeeId,
        slot: typeof current.slot === 'number' ? current.slot : null,
        deletedAt: now,
        // Entries of earlier changes not yet copied travel on, so none is lost with the content.
        pendingHistory: [...(current.pendingHistory ?? []), entry],
      };
      let written: Stored<AspirationTombstone>;
      try {
        const { resource } = await item(current.tenantId, current.employeeId, current.id).replace(
          tombstone,
          { accessCondition: { type: 'IfMatch', condition: current._etag } },
        );
        written = resource as Stored<AspirationTombstone>;
      } catch (error) {
        if (isPreconditionFailed(error)) throw staleWrite('This aspiration');
        if (isNotFound(error)) throw gone(ASPIRATION_GONE);
        throw error;
      }
      try {
        await settlement.finishDeletion(written);
        return true;
      } catch {
        // The tombstone already hides the aspiration; the next read of the board finishes.
        return false;
      }
    },

    async readAcknowledgement(tenantId, employeeId, aspirationId) {
      const { resource } = await item(tenantId, employeeId, acknowledgementId(aspirationId)).read<
        Stored<AcknowledgementRecord>
      >();
      return resource && resource.type === 'acknowledgement' ? resource : null;
    },

    async writeAcknowledgement(record, storedEtag) {
      assertStorable(record, 'Shorten the support note.');
      try {
        if (storedEtag === null) {
          const { resource } = await boards.items.create(record);
          return resource as Stored<AcknowledgementRecord>;
        }
        const { resource } = await item(record.tenantId, record.employeeId, record.id).replace(
          withoutSystemProperties(record),
          { accessCondition: { type: 'IfMatch', condition: storedEtag } },
        );
        return resource as Stored<AcknowledgementRecord>;
      } catch (error) {
        if ([409, 412, 404].includes(cosmosStatus(error) ?? 0)) return null;
        throw error;
      }
    },

    deleteAcknowledgement: (tenantId, employeeId, aspirationId) =>
      deleteIfPresent(tenantId, employeeId, acknowledgementId(aspirationId)),

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

    deleteComment: (tenantId, employeeId, id) => deleteIfPresent(tenantId, employeeId, id),

    async listComments(tenantId, employeeId, aspirationId) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const { resources } = await boards.items
        .query<Stored<CommentRecord>>(
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

    flushHistory: (doc) => settlement.flush(doc),

    async readPrivateNotes(tenantId, employeeId, authorId) {
      const { resource } = await item(tenantId, employeeId, privateNotesId(authorId)).read<
        Stored<PrivateNotesRecord>
      >();
      return resource && resource.authorId === authorId ? resource : null;
    },

    async writePrivateNotes(record, storedEtag) {
      assertStorable(record, 'Shorten your notes.');
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
      try {
        await history.items.create(record);
        return true;
      } catch (error) {
        if (cosmosStatus(error) === 409) return false;
        throw error;
      }
    },

    async readHistory(tenantId, employeeId, limit, after) {
      const pk = boardPartitionKey(tenantId, employeeId);
      const unsettled = await settlement.settlePending(pk);
      const page = await settlement.historyPage(pk, limit, after ?? null);
      return { ...page, unsettled };
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

/**
 * The few fields of every aspiration and acknowledgement in a tenant that adoption counts: one
 * cross-partition query, admin-only and rare, and it never selects a title, a note or a comment.
 */
export async function readTenantAdoptionRows(
  boards: Container,
  tenantId: string,
): Promise<AdoptionBoardRow[]> {
  const { resources } = await boards.items
    .query<AdoptionBoardRow>({
      query:
        "SELECT c.type, c.employeeId, c.id, c.version, c.aspirationId, c.acknowledgedVersion FROM c WHERE c.tenantId = @t AND (c.type = 'aspiration' OR c.type = 'acknowledgement')",
      parameters: [{ name: '@t', value: tenantId }],
    })
    .fetchAll();
  return resources;
}
