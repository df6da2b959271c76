import type { Container } from '@azure/cosmos';

import type {
  AcknowledgementRecord,
  AspirationRecord,
  CommentRecord,
  HistoryRecord,
  PrivateNotesRecord,
} from '../domain/board/records';
import { boardPartitionKey } from '../domain/board/records';
import type {
  ConversationPrivateNotesRecord,
  ConversationRecord,
} from '../domain/conversations/records';
import type { PersonRecords } from '../domain/privacy/personalExport';
import type { AdviceThreadRecord, ShareRecord } from '../domain/sharing/records';
import { sharingPartitionKey } from '../domain/sharing/records';
import type { Containers } from './cosmosClient';

/**
 * Reads everything that is one person's to take away: their board, its whole history, their
 * conversations, and the private notes they wrote anywhere. Other people's private notes are never
 * read here (filtered in the query, not afterwards), so they cannot leak into an export.
 */

export interface PersonExport {
  read(tenantId: string, personId: string): Promise<PersonRecords>;
}

const OWN_BOARD =
  "c.pk = @pk AND (c.type = 'aspiration' OR c.type = 'acknowledgement' OR c.type = 'comment')";

export function createPersonExport(containers: Containers): PersonExport {
  const inPartition = async <T>(container: Container, where: string, pk: string) => {
    const { resources } = await container.items
      .query<T>(
        { query: `SELECT * FROM c WHERE ${where}`, parameters: [{ name: '@pk', value: pk }] },
        { partitionKey: pk },
      )
      .fetchAll();
    return resources;
  };
  const authoredBy = async <T>(
    container: Container,
    type: string,
    tenantId: string,
    id: string,
  ) => {
    const { resources } = await container.items
      .query<T>({
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = @type AND c.authorId = @x',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@type', value: type },
          { name: '@x', value: id },
        ],
      })
      .fetchAll();
    return resources;
  };

  return {
    async read(tenantId, personId) {
      const pk = boardPartitionKey(tenantId, personId);
      const [board, history, conversations, boardNotes, conversationNotes] = await Promise.all([
        inPartition<AspirationRecord | AcknowledgementRecord | CommentRecord>(
          containers.boards,
          OWN_BOARD,
          pk,
        ),
        inPartition<HistoryRecord>(containers.history, "c.pk = @pk AND c.type = 'history'", pk),
        inPartition<ConversationRecord>(
          containers.conversations,
          "c.pk = @pk AND c.type = 'conversation'",
          pk,
        ),
        authoredBy<PrivateNotesRecord>(containers.boards, 'private-notes', tenantId, personId),
        authoredBy<ConversationPrivateNotesRecord>(
          containers.conversations,
          'conversation-private-notes',
          tenantId,
          personId,
        ),
      ]);
      const sharing = await inPartition<ShareRecord | AdviceThreadRecord>(
        containers.sharing,
        "c.pk = @pk AND (c.type = 'share' OR c.type = 'advice-thread')",
        sharingPartitionKey(tenantId, personId),
      );
      return {
        shares: sharing.filter((d): d is ShareRecord => d.type === 'share'),
        threads: sharing.filter((d): d is AdviceThreadRecord => d.type === 'advice-thread'),
        aspirations: board.filter((d): d is AspirationRecord => d.type === 'aspiration'),
        acknowledgements: board.filter(
          (d): d is AcknowledgementRecord => d.type === 'acknowledgement',
        ),
        comments: board.filter((d): d is CommentRecord => d.type === 'comment'),
        history,
        conversations,
        boardNotes,
        conversationNotes,
      };
    },
  };
}
