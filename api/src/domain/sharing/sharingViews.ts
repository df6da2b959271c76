import type { AdviceThreadView, ShareView } from '../../contract/sharingContract';
import { toHttpEtag } from '../board/etags';
import type { AdviceThreadRecord, ShareRecord } from './records';

/** Stored sharing records as the API returns them. */

export const shareView = (record: ShareRecord): ShareView => ({
  person: record.viewer,
  relationship: record.relationship,
  aspirationIds: record.aspirationIds,
  sharedAt: record.createdAt,
});

export const threadView = (record: AdviceThreadRecord & { _etag?: string }): AdviceThreadView => ({
  aspirationId: record.aspirationId,
  person: record.person,
  question: record.question,
  askedAt: record.askedAt,
  messages: record.messages.map((m) => ({
    author: { id: m.authorId, displayName: m.authorName },
    text: m.text,
    at: m.at,
  })),
  etag: record._etag ? toHttpEtag(record._etag) : '',
});
