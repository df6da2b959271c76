import type { Container } from '@azure/cosmos';

import type {
  AdviceThreadRecord,
  ChangeNoticeRecord,
  InboundRecord,
  ShareRecord,
  SharingDocument,
  SponsorshipRecord,
} from '../domain/sharing/records';
import {
  changeNoticeId,
  inboundId,
  shareId,
  sharingPartitionKey,
  sponsorshipId,
  threadId,
} from '../domain/sharing/records';
import type { SharingRow } from '../domain/adoption/sharingFigures';
import type { Stored } from '../domain/stored';
import {
  isConflict,
  isNotFound,
  isPreconditionFailed,
  withoutSystemProperties,
} from './cosmosErrors';
import { assertStorable } from './documentSize';

/**
 * The `sharing` container: shares, advice threads and sponsorships in the employee's partition,
 * "shared with me" entries in the viewer's (domain/sharing/records.ts). Nothing is cached: a
 * revoked share is gone for the very next request.
 */
export interface SharingRepository {
  readShare(tenantId: string, employeeId: string, viewerId: string): Promise<ShareRecord | null>;
  listShares(tenantId: string, employeeId: string): Promise<ShareRecord[]>;
  /** False: a share with this person exists already. */
  createShare(record: ShareRecord): Promise<boolean>;
  /** False: there was no such share. */
  deleteShare(tenantId: string, employeeId: string, viewerId: string): Promise<boolean>;

  listThreads(tenantId: string, employeeId: string): Promise<Stored<AdviceThreadRecord>[]>;
  readThread(
    tenantId: string,
    employeeId: string,
    aspirationId: string,
    personId: string,
  ): Promise<Stored<AdviceThreadRecord> | null>;
  /** False: this person already has a thread on this aspiration. */
  createThread(record: AdviceThreadRecord): Promise<boolean>;
  /** Null: the thread changed since it was read (the caller reads again). */
  replaceThread(
    record: AdviceThreadRecord,
    etag: string,
  ): Promise<Stored<AdviceThreadRecord> | null>;

  listSponsorships(tenantId: string, employeeId: string): Promise<SponsorshipRecord[]>;
  writeSponsorship(record: SponsorshipRecord): Promise<void>;
  deleteSponsorship(tenantId: string, employeeId: string, aspirationId: string): Promise<void>;

  /** Everything that hangs off one aspiration: threads and the sponsorship; shares stop naming it. */
  forgetAspiration(tenantId: string, employeeId: string, aspirationId: string): Promise<void>;

  addInbound(tenantId: string, viewerId: string, employeeId: string, at: string): Promise<void>;
  removeInbound(tenantId: string, viewerId: string, employeeId: string): Promise<void>;
  listInbound(tenantId: string, viewerId: string): Promise<InboundRecord[]>;

  /**
   * Claims the day's change notice to `viewerId` about this board: true for the one caller that
   * claims it, false if it was claimed already that day (or by a concurrent writer just now).
   */
  claimChangeNotice(
    tenantId: string,
    employeeId: string,
    viewerId: string,
    day: string,
  ): Promise<boolean>;

  /** Every document of one person's partition (export and erasure). */
  listPartition(tenantId: string, personId: string): Promise<SharingDocument[]>;
  deletePartition(tenantId: string, personId: string): Promise<void>;

  /**
   * One person left the org chart: every share of their board and every share naming them ends,
   * and threads either way stop granting access (they stay, for the employee's export). Safe to
   * run again; the pass runs it before marking the leaver, so a crash between the two repeats it.
   */
  endSharesOf(tenantId: string, personId: string, at: string): Promise<void>;
  /** Erasure: the person's partition, and shares, threads and sponsorships naming them elsewhere. */
  erasePerson(tenantId: string, personId: string): Promise<{ own: number; elsewhere: number }>;

  /** Admin counts: which board each share and thread is on, and when asked and answered. */
  tenantSharingRows(tenantId: string): Promise<SharingRow[]>;
}

export function createSharingRepository(container: Container): SharingRepository {
  const item = (tenantId: string, personId: string, id: string) =>
    container.item(id, sharingPartitionKey(tenantId, personId));

  async function read<T extends object>(
    tenantId: string,
    personId: string,
    id: string,
  ): Promise<T | null> {
    try {
      const { resource } = await item(tenantId, personId, id).read<T & { id: string }>();
      return resource ?? null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
  async function remove(tenantId: string, personId: string, id: string): Promise<boolean> {
    try {
      await item(tenantId, personId, id).delete();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
  async function create(record: SharingDocument): Promise<boolean> {
    assertStorable(record, 'Shorten the text.');
    try {
      await container.items.create(record);
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
  async function ofType<T>(tenantId: string, personId: string, type: string): Promise<T[]> {
    const pk = sharingPartitionKey(tenantId, personId);
    const { resources } = await container.items
      .query<T>(
        {
          query: 'SELECT * FROM c WHERE c.pk = @pk AND c.type = @type',
          parameters: [
            { name: '@pk', value: pk },
            { name: '@type', value: type },
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    return resources;
  }

  const repository: SharingRepository = {
    readShare: (tenantId, employeeId, viewerId) =>
      read<ShareRecord>(tenantId, employeeId, shareId(viewerId)),
    listShares: (tenantId, employeeId) => ofType<ShareRecord>(tenantId, employeeId, 'share'),
    createShare: (record) => create(record),
    deleteShare: (tenantId, employeeId, viewerId) =>
      remove(tenantId, employeeId, shareId(viewerId)),

    listThreads: (tenantId, employeeId) =>
      ofType<Stored<AdviceThreadRecord>>(tenantId, employeeId, 'advice-thread'),
    readThread: (tenantId, employeeId, aspirationId, personId) =>
      read<Stored<AdviceThreadRecord>>(tenantId, employeeId, threadId(aspirationId, personId)),
    createThread: (record) => create(record),
    async replaceThread(record, etag) {
      assertStorable(record, 'Shorten the answer.');
      try {
        const { resource } = await item(record.tenantId, record.employeeId, record.id).replace(
          withoutSystemProperties(record),
          { accessCondition: { type: 'IfMatch', condition: etag } },
        );
        return resource as Stored<AdviceThreadRecord>;
      } catch (error) {
        if (isPreconditionFailed(error)) return null;
        throw error;
      }
    },

    listSponsorships: (tenantId, employeeId) =>
      ofType<SponsorshipRecord>(tenantId, employeeId, 'sponsorship'),
    async writeSponsorship(record) {
      await container.items.upsert(record);
    },
    async deleteSponsorship(tenantId, employeeId, aspirationId) {
      await remove(tenantId, employeeId, sponsorshipId(aspirationId));
    },

    async forgetAspiration(tenantId, employeeId, aspirationId) {
      const threads = await repository.listThreads(tenantId, employeeId);
      await Promise.all([
        ...threads
          .filter((t) => t.aspirationId === aspirationId)
          .map((t) => remove(tenantId, employeeId, t.id)),
        remove(tenantId, employeeId, sponsorshipId(aspirationId)),
      ]);
      // A share that named only this aspiration keeps sharing nothing rather than everything.
      const shares = await repository.listShares(tenantId, employeeId);
      for (const share of shares) {
        if (!share.aspirationIds?.includes(aspirationId)) continue;
        await container.items.upsert({
          ...withoutSystemProperties(share),
          aspirationIds: share.aspirationIds.filter((id) => id !== aspirationId),
        });
      }
    },

    async claimChangeNotice(tenantId, employeeId, viewerId, day) {
      const id = changeNoticeId(viewerId);
      const claim: ChangeNoticeRecord = {
        type: 'change-notice',
        id,
        pk: sharingPartitionKey(tenantId, employeeId),
        tenantId,
        employeeId,
        viewerId,
        day,
      };
      const last = await read<Stored<ChangeNoticeRecord>>(tenantId, employeeId, id);
      if (!last) return create(claim);
      if (last.day === day) return false;
      try {
        // Conditional on the claim read: of two writers racing for the new day, one wins.
        await item(tenantId, employeeId, id).replace(claim, {
          accessCondition: { type: 'IfMatch', condition: last._etag },
        });
        return true;
      } catch (error) {
        if (isPreconditionFailed(error) || isNotFound(error)) return false;
        throw error;
      }
    },

    async addInbound(tenantId, viewerId, employeeId, at) {
      const record: InboundRecord = {
        type: 'inbound',
        id: inboundId(employeeId),
        pk: sharingPartitionKey(tenantId, viewerId),
        tenantId,
        viewerId,
        employeeId,
        at,
      };
      await container.items.upsert(record);
    },
    async removeInbound(tenantId, viewerId, employeeId) {
      await remove(tenantId, viewerId, inboundId(employeeId));
    },
    listInbound: (tenantId, viewerId) => ofType<InboundRecord>(tenantId, viewerId, 'inbound'),

    async listPartition(tenantId, personId) {
      const pk = sharingPartitionKey(tenantId, personId);
      const { resources } = await container.items
        .query<SharingDocument>(
          { query: 'SELECT * FROM c WHERE c.pk = @pk', parameters: [{ name: '@pk', value: pk }] },
          { partitionKey: pk },
        )
        .fetchAll();
      return resources;
    },
    async deletePartition(tenantId, personId) {
      const docs = await repository.listPartition(tenantId, personId);
      for (const doc of docs) await remove(tenantId, personId, doc.id);
    },

    async endSharesOf(tenantId, personId, at) {
      const own = await repository.listPartition(tenantId, personId);
      const close = async (thread: AdviceThreadRecord) => {
        if (thread.endedAt) return;
        await container.items.upsert({ ...withoutSystemProperties(thread), endedAt: at });
      };
      for (const doc of own) {
        if (doc.type === 'share') {
          await remove(tenantId, personId, doc.id);
          await repository.removeInbound(tenantId, doc.viewer.id, personId);
        } else if (doc.type === 'advice-thread') {
          await close(doc);
          await repository.removeInbound(tenantId, doc.person.id, personId);
        }
      }
      for (const doc of own) {
        if (doc.type !== 'inbound') continue;
        await remove(tenantId, doc.employeeId, shareId(personId));
        const threads = await repository.listThreads(tenantId, doc.employeeId);
        for (const thread of threads.filter((t) => t.person.id === personId)) await close(thread);
        await remove(tenantId, personId, doc.id);
      }
    },
    async erasePerson(tenantId, personId) {
      const own = await repository.listPartition(tenantId, personId);
      for (const doc of own) await remove(tenantId, personId, doc.id);
      const { resources } = await container.items
        .query<{ id: string; employeeId: string }>({
          query: `SELECT c.id, c.employeeId FROM c WHERE c.tenantId = @t AND c.pk != @own AND (
            (c.type = 'share' AND c.viewer.id = @x) OR
            (c.type = 'advice-thread' AND c.person.id = @x) OR
            (c.type = 'sponsorship' AND c['by'].id = @x) OR
            (c.type = 'change-notice' AND c.viewerId = @x))`,
          parameters: [
            { name: '@t', value: tenantId },
            { name: '@own', value: sharingPartitionKey(tenantId, personId) },
            { name: '@x', value: personId },
          ],
        })
        .fetchAll();
      for (const doc of resources) await remove(tenantId, doc.employeeId, doc.id);
      return { own: own.length, elsewhere: resources.length };
    },

    async tenantSharingRows(tenantId) {
      // Whether a question was asked, never its words.
      const { resources } = await container.items
        .query<SharingRow>({
          query: `SELECT c.type, c.employeeId, c.askedAt, c.firstAnsweredAt,
            (IS_STRING(c.question) ? 'asked' : null) AS question
            FROM c WHERE c.tenantId = @t AND (c.type = 'share' OR c.type = 'advice-thread')`,
          parameters: [{ name: '@t', value: tenantId }],
        })
        .fetchAll();
      return resources;
    },
  };
  return repository;
}
