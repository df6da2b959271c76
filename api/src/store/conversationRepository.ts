import type { Container } from '@azure/cosmos';

import type {
  ConversationPrivateNotesRecord,
  ConversationRecord,
} from '../domain/conversations/records';
import type { QuarterKey } from '../domain/scheduling';
import { meetingChatToken } from '../domain/conversations/meetingChat';
import { staleWrite } from '../errors/storeOutcome';
import { cosmosStatus, withoutSystemProperties } from './cosmosErrors';
import { partitionKeyIn } from './partitionKeyIn';
import type { Stored } from '../domain/stored';

/** Conversation records, one partition per employee, found for a whole tenant in one query. */
export interface ConversationRepository {
  /** Creates the record; false if it already exists (another run got there first). */
  create(record: ConversationRecord): Promise<Stored<ConversationRecord> | null>;
  replace(record: ConversationRecord, storedEtag: string): Promise<Stored<ConversationRecord>>;
  /** Like replace, but null when the record changed since `storedEtag` (another run got there). */
  replaceIfCurrent(
    record: ConversationRecord,
    storedEtag: string,
  ): Promise<Stored<ConversationRecord> | null>;
  read(
    tenantId: string,
    employeeId: string,
    id: string,
  ): Promise<Stored<ConversationRecord> | null>;
  listForEmployee(tenantId: string, employeeId: string): Promise<Stored<ConversationRecord>[]>;
  listForTenant(tenantId: string, quarters: QuarterKey[]): Promise<Stored<ConversationRecord>[]>;
  listForEmployees(tenantId: string, employeeIds: string[]): Promise<Stored<ConversationRecord>[]>;
  /**
   * The tenant's conversations booked in the Teams meeting `chatId`: by equality on the chat id
   * stored at booking, else (records written before it was stored) those whose join URL contains
   * the chat's opaque part. Candidates only: the caller confirms the exact chat id from each join
   * URL.
   */
  findByMeetingChat(tenantId: string, chatId: string): Promise<Stored<ConversationRecord>[]>;
  readPrivateNotes(
    tenantId: string,
    employeeId: string,
    id: string,
  ): Promise<Stored<ConversationPrivateNotesRecord> | null>;
  upsertPrivateNotes(record: ConversationPrivateNotesRecord): Promise<void>;
}

export function createConversationRepository(container: Container): ConversationRepository {
  const pk = (tenantId: string, employeeId: string) => `${tenantId}|${employeeId}`;
  const conversationsWhere = async (tenantId: string, condition: string, chat: string) => {
    const { resources } = await container.items
      .query<Stored<ConversationRecord>>({
        query: `SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'conversation' AND ${condition}`,
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@chat', value: chat },
        ],
      })
      .fetchAll();
    return resources;
  };
  return {
    async create(record) {
      try {
        const { resource } = await container.items.create(record);
        return resource as Stored<ConversationRecord>;
      } catch (error) {
        if (cosmosStatus(error) === 409) return null;
        throw error;
      }
    },
    async replace(record, storedEtag) {
      try {
        const { resource } = await container
          .item(record.id, record.pk)
          .replace(withoutSystemProperties(record), {
            accessCondition: { type: 'IfMatch', condition: storedEtag },
          });
        return resource as Stored<ConversationRecord>;
      } catch (error) {
        if (cosmosStatus(error) === 412) throw staleWrite('This conversation');
        throw error;
      }
    },
    async replaceIfCurrent(record, storedEtag) {
      try {
        const { resource } = await container
          .item(record.id, record.pk)
          .replace(withoutSystemProperties(record), {
            accessCondition: { type: 'IfMatch', condition: storedEtag },
          });
        return resource as Stored<ConversationRecord>;
      } catch (error) {
        // 404: it is gone, which for a caller that wanted to change it means the same thing.
        if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) return null;
        throw error;
      }
    },
    async read(tenantId, employeeId, id) {
      const { resource } = await container
        .item(id, pk(tenantId, employeeId))
        .read<Stored<ConversationRecord>>();
      return resource && resource.type === 'conversation' ? resource : null;
    },
    async listForEmployee(tenantId, employeeId) {
      const key = pk(tenantId, employeeId);
      const { resources } = await container.items
        .query<Stored<ConversationRecord>>(
          {
            query:
              "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'conversation' ORDER BY c.createdAt DESC",
            parameters: [{ name: '@pk', value: key }],
          },
          { partitionKey: key },
        )
        .fetchAll();
      return resources;
    },
    async listForTenant(tenantId, quarters) {
      const { resources } = await container.items
        .query<Stored<ConversationRecord>>({
          query:
            "SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'conversation' AND ARRAY_CONTAINS(@q, c.quarter)",
          parameters: [
            { name: '@t', value: tenantId },
            { name: '@q', value: quarters },
          ],
        })
        .fetchAll();
      return resources;
    },
    async listForEmployees(tenantId, employeeIds) {
      if (employeeIds.length === 0) return [];
      // Routed to these employees' partitions only: the team view's cost follows the team.
      const named = partitionKeyIn(employeeIds.map((id) => pk(tenantId, id)));
      const { resources } = await container.items
        .query<Stored<ConversationRecord>>({
          query: `SELECT * FROM c WHERE ${named.clause} AND c.type = 'conversation'`,
          parameters: named.parameters,
        })
        .fetchAll();
      return resources;
    },
    async findByMeetingChat(tenantId, chatId) {
      const byKey = await conversationsWhere(tenantId, 'c.event.chatId = @chat', chatId);
      if (byKey.length > 0) return byKey;
      // Only older records lack the key; the substring scan is the one an index cannot serve.
      const token = meetingChatToken(chatId);
      if (!token) return [];
      return conversationsWhere(
        tenantId,
        'NOT IS_DEFINED(c.event.chatId) AND CONTAINS(c.event.joinUrl, @chat)',
        token,
      );
    },
    async readPrivateNotes(tenantId, employeeId, id) {
      const { resource } = await container
        .item(id, pk(tenantId, employeeId))
        .read<Stored<ConversationPrivateNotesRecord>>();
      return resource && resource.type === 'conversation-private-notes' ? resource : null;
    },
    async upsertPrivateNotes(record) {
      await container.items.upsert(record);
    },
  };
}
