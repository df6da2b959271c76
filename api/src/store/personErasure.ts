import type { Container, SqlQuerySpec } from '@azure/cosmos';

import type { ErasureCounts } from '../contract/retentionContract';
import type { AcknowledgementRecord, HistoryRecord } from '../domain/board/records';
import type { ConversationRecord } from '../domain/conversations/records';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import { erasureReceiptId } from '../domain/retention/erasureReceipt';
import {
  anonymiseAcknowledgement,
  anonymiseConversation,
  anonymiseHistory,
  FORMER_COLLEAGUE,
  historyNamesPerson,
} from '../domain/retention/anonymise';
import type { Containers } from './cosmosClient';
import { isNotFound, withoutSystemProperties } from './cosmosErrors';
import { rewriteAll } from './rewriteDocuments';
import { createSharingRepository } from './sharingRepository';

/**
 * Erases one person from every container: their own partitions go entirely; what they wrote on
 * other people's boards and conversations goes; records that belong to someone else but name them
 * are made anonymous. Every step deletes or rewrites to a fixed result, so running it again (after
 * a crash half-way, or a second request) finishes the job and changes nothing more.
 *
 * What remains is a receipt under a hash of the tenant and person ids, with counts only: enough
 * to answer "was this person erased, when?" for whoever already knows the id, nothing to read.
 */

export interface ErasureReceipt {
  type: 'erasure';
  id: string;
  pk: string;
  tenantId: string;
  erasedAt: string;
  trigger: 'retention' | 'admin';
  removed: ErasureCounts;
}

export interface ErasureOutcome {
  removed: ErasureCounts;
  /** The receipt of the first erasure; null when nothing was ever stored about the person. */
  receipt: ErasureReceipt | null;
}

interface Doc {
  id: string;
  pk: string;
  type?: string;
}

export const emptyCounts = (): ErasureCounts => ({
  boardDocuments: 0,
  historyEntries: 0,
  conversations: 0,
  privateNotes: 0,
  commentsOnOtherBoards: 0,
  anonymisedElsewhere: 0,
  directoryEntries: 0,
});

export const leaverMarkId = (personId: string): string => `leaver-${personId}`;

const total = (counts: ErasureCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

async function query<T>(container: Container, spec: SqlQuerySpec, partitionKey?: string) {
  const { resources } = await container.items
    .query<T>(spec, partitionKey ? { partitionKey } : {})
    .fetchAll();
  return resources;
}

async function deleteAll(container: Container, docs: Doc[]): Promise<void> {
  for (const doc of docs) {
    try {
      await container.item(doc.id, doc.pk).delete();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

export function createPersonErasure(containers: Containers) {
  const { boards, history, conversations, directory, settings } = containers;
  const sharing = createSharingRepository(containers.sharing);

  /** Everything in the person's own partition of a container. */
  async function ownPartition(container: Container, tenantId: string, personId: string) {
    const pk = `${tenantId}|${personId}`;
    return query<Doc>(
      container,
      {
        query: 'SELECT c.id, c.pk, c.type FROM c WHERE c.pk = @pk',
        parameters: [{ name: '@pk', value: pk }],
      },
      pk,
    );
  }

  /** Documents of other people's partitions in this tenant that match `where`. */
  async function elsewhere<T extends Doc>(
    container: Container,
    tenantId: string,
    personId: string,
    where: string,
  ): Promise<T[]> {
    return query<T>(container, {
      query: `SELECT * FROM c WHERE c.tenantId = @t AND c.pk != @own AND (${where})`,
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@own', value: `${tenantId}|${personId}` },
        { name: '@x', value: personId },
      ],
    });
  }

  async function eraseOwnData(tenantId: string, personId: string, counts: ErasureCounts) {
    const board = await ownPartition(boards, tenantId, personId);
    await deleteAll(boards, board);
    counts.privateNotes += board.filter((d) => d.type === 'private-notes').length;
    counts.boardDocuments += board.filter((d) => d.type !== 'private-notes').length;
    const lines = await ownPartition(history, tenantId, personId);
    await deleteAll(history, lines);
    counts.historyEntries += lines.length;
    const talks = await ownPartition(conversations, tenantId, personId);
    await deleteAll(conversations, talks);
    counts.privateNotes += talks.filter((d) => d.type === 'conversation-private-notes').length;
    counts.conversations += talks.filter((d) => d.type === 'conversation').length;
  }

  async function eraseOnOtherBoards(tenantId: string, personId: string, counts: ErasureCounts) {
    // Sharing (issue 13): their own shares, threads and entries go; threads they answered on
    // other boards, shares naming them and sponsorships they gave go too.
    const shared = await sharing.erasePerson(tenantId, personId);
    counts.boardDocuments += shared.own;
    counts.commentsOnOtherBoards += shared.elsewhere;
    const written = await elsewhere<Doc>(
      boards,
      tenantId,
      personId,
      "(c.type = 'comment' AND c.author.id = @x) OR (c.type = 'private-notes' AND c.authorId = @x)",
    );
    await deleteAll(boards, written);
    counts.commentsOnOtherBoards += written.filter((d) => d.type === 'comment').length;
    counts.privateNotes += written.filter((d) => d.type === 'private-notes').length;

    const acks = await elsewhere<AcknowledgementRecord & Doc>(
      boards,
      tenantId,
      personId,
      "c.type = 'acknowledgement' AND c['by'].id = @x",
    );
    counts.anonymisedElsewhere += await rewriteAll(boards, acks, anonymiseAcknowledgement);

    // Change-of-manager lines name both managers in their changes; the rest name their actor.
    const lines = await elsewhere<HistoryRecord & Doc>(
      history,
      tenantId,
      personId,
      "c.actor.id = @x OR c.action = 'manager.changed'",
    );
    counts.anonymisedElsewhere += await rewriteAll(
      history,
      lines.filter((line) => historyNamesPerson(line, personId)),
      (line) => anonymiseHistory(line, personId),
    );
  }

  async function eraseInOtherConversations(
    tenantId: string,
    personId: string,
    now: string,
    counts: ErasureCounts,
  ) {
    const notes = await elsewhere<Doc>(
      conversations,
      tenantId,
      personId,
      "c.type = 'conversation-private-notes' AND c.authorId = @x",
    );
    await deleteAll(conversations, notes);
    counts.privateNotes += notes.length;
    const held = await elsewhere<ConversationRecord & Doc>(
      conversations,
      tenantId,
      personId,
      "c.type = 'conversation' AND c.managerId = @x",
    );
    for (const record of held) {
      // Write the anonymous copy first: a crash in between leaves both, and the rerun deletes the old.
      await conversations.items.upsert(withoutSystemProperties(anonymiseConversation(record, now)));
      await deleteAll(conversations, [record]);
    }
    counts.anonymisedElsewhere += held.length;
  }

  async function eraseFromDirectory(tenantId: string, personId: string, counts: ErasureCounts) {
    const own = await query<Doc>(
      directory,
      {
        query: "SELECT c.id, c.pk FROM c WHERE c.pk = @t AND c.id = @x AND c.type = 'person'",
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@x', value: personId },
        ],
      },
      tenantId,
    );
    await deleteAll(directory, own);
    counts.directoryEntries += own.length;
    const reports = await query<DirectoryPerson>(
      directory,
      {
        query:
          "SELECT * FROM c WHERE c.pk = @t AND c.type = 'person' AND (c.managerId = @x OR c.previousManagerId = @x)",
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@x', value: personId },
        ],
      },
      tenantId,
    );
    counts.anonymisedElsewhere += await rewriteAll(directory, reports, (report) => ({
      ...report,
      managerId: report.managerId === personId ? null : report.managerId,
      previousManagerId: report.previousManagerId === personId ? null : report.previousManagerId,
    }));

    // The pilot group's synced membership lists ids: the person's goes with the rest.
    const { resource: pilot } = await directory
      .item('pilot-members', tenantId)
      .read<{ id: string; pk: string; memberIds?: string[] }>();
    if (pilot?.memberIds?.includes(personId)) {
      await directory.items.upsert(
        withoutSystemProperties({
          ...pilot,
          memberIds: pilot.memberIds.filter((id) => id !== personId),
        }),
      );
      counts.anonymisedElsewhere++;
    }

    // An admin who saved the settings is named on them.
    const { resource: saved } = await settings
      .item('settings', tenantId)
      .read<{ id: string; pk: string; updatedBy?: { id: string } }>();
    if (saved?.updatedBy?.id === personId) {
      await settings.items.upsert(
        withoutSystemProperties({ ...saved, updatedBy: FORMER_COLLEAGUE }),
      );
      counts.anonymisedElsewhere++;
    }
  }

  async function readReceipt(tenantId: string, personId: string) {
    const { resource } = await directory
      .item(erasureReceiptId(tenantId, personId), tenantId)
      .read<ErasureReceipt>();
    return resource ?? null;
  }

  return {
    readReceipt,

    /** Whether anything at all is stored about the person in this tenant (cheap reads only). */
    async hasTraces(tenantId: string, personId: string): Promise<boolean> {
      const { resource } = await directory.item(personId, tenantId).read<Doc>();
      if (resource) return true;
      const pk = `${tenantId}|${personId}`;
      for (const container of [boards, history, conversations]) {
        const found = await query<string>(
          container,
          {
            query: 'SELECT TOP 1 VALUE c.id FROM c WHERE c.pk = @pk',
            parameters: [{ name: '@pk', value: pk }],
          },
          pk,
        );
        if (found.length > 0) return true;
      }
      return false;
    },

    /**
     * Erases everything about the person in this tenant. Writes the receipt when anything was
     * found (or one exists already); the leaver mark goes last, so a crash before it means the
     * next pass erases again and finishes.
     */
    async erase(
      tenantId: string,
      personId: string,
      trigger: ErasureReceipt['trigger'],
      now: Date,
    ): Promise<ErasureOutcome> {
      const counts = emptyCounts();
      const at = now.toISOString();
      await eraseOwnData(tenantId, personId, counts);
      await eraseOnOtherBoards(tenantId, personId, counts);
      await eraseInOtherConversations(tenantId, personId, at, counts);
      await eraseFromDirectory(tenantId, personId, counts);
      let receipt: ErasureReceipt | null = await readReceipt(tenantId, personId);
      if (!receipt && total(counts) > 0) {
        receipt = {
          type: 'erasure',
          id: erasureReceiptId(tenantId, personId),
          pk: tenantId,
          tenantId,
          erasedAt: at,
          trigger,
          removed: counts,
        };
        await directory.items.upsert(receipt);
      }
      await deleteAll(directory, [{ id: leaverMarkId(personId), pk: tenantId }]);
      return { removed: counts, receipt };
    },
  };
}

export type PersonErasure = ReturnType<typeof createPersonErasure>;
