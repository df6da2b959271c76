import type { BoardPerson, PersonRef } from '../../contract/boardContract';
import type { Relationship } from '../../contract/sharingContract';

/**
 * What is stored in the `sharing` container. The authoritative records of a board (its shares,
 * advice threads and sponsorships) live in the employee's partition `{tenantId}|{employeeId}`, so
 * the access check on every request is a point read there. The "shared with me" list is an index
 * in the viewer's own partition `{tenantId}|{viewerId}`: each entry is checked against the board's
 * record before anything is shown, so an index entry left behind never grants anything.
 */

export interface ShareRecord {
  type: 'share';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  viewer: BoardPerson;
  relationship: Relationship;
  /** Null: the whole board. */
  aspirationIds: string[] | null;
  createdAt: string;
}

export interface ThreadMessage {
  authorId: string;
  authorName: string;
  text: string;
  at: string;
}

/** One aspiration, one other person: the employee's question (or a sponsor's comment) and replies. */
export interface AdviceThreadRecord {
  type: 'advice-thread';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  aspirationId: string;
  person: PersonRef;
  /** Asked: the person sees this aspiration through the question alone, even without a share. */
  question: string | null;
  askedAt: string;
  messages: ThreadMessage[];
  /** When the asked person first answered; what the admin count "answered within 14 days" reads. */
  firstAnsweredAt: string | null;
  /**
   * When one of the two left the org chart: the thread stays with the aspiration (the employee's
   * to export) but grants the other person nothing any more.
   */
  endedAt?: string | null;
}

/** The manager's "I will sponsor this": a commitment, apart from acknowledging. */
export interface SponsorshipRecord {
  type: 'sponsorship';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  aspirationId: string;
  by: PersonRef;
  at: string;
}

/** In the viewer's partition: "this employee shared with me or asked me something". */
export interface InboundRecord {
  type: 'inbound';
  id: string;
  pk: string;
  tenantId: string;
  viewerId: string;
  employeeId: string;
  at: string;
}

/**
 * In the employee's partition: the last day (UTC) a follower was told this board changed. Written
 * before the notice is sent, so a retry or a second quick edit finds the day claimed and sends
 * nothing; one per follower, replaced the next day, so it never piles up.
 */
export interface ChangeNoticeRecord {
  type: 'change-notice';
  id: string;
  pk: string;
  tenantId: string;
  employeeId: string;
  viewerId: string;
  day: string;
}

export type SharingDocument =
  ShareRecord | AdviceThreadRecord | SponsorshipRecord | InboundRecord | ChangeNoticeRecord;

export const sharingPartitionKey = (tenantId: string, personId: string): string =>
  `${tenantId}|${personId}`;
export const shareId = (viewerId: string): string => `share-${viewerId}`;
export const threadId = (aspirationId: string, personId: string): string =>
  `thread-${aspirationId}-${personId}`;
export const sponsorshipId = (aspirationId: string): string => `sponsorship-${aspirationId}`;
export const inboundId = (employeeId: string): string => `inbound-${employeeId}`;
export const changeNoticeId = (viewerId: string): string => `change-notice-${viewerId}`;
