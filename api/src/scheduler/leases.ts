import type { ConversationLease, ConversationRecord } from '../domain/conversations/records';
import { LEASE_MS, leasedByAnother } from '../domain/conversations/records';
import type { Services } from '../services';
import type { Stored } from '../domain/stored';
import { isPassAborted } from './passAborted';

/**
 * One pass's claims on the conversations it books or cancels. Passes can overlap (the daily timer,
 * an admin's run, the CLI): before any Graph call about a pending conversation, a pass writes its
 * lease with If-Match, and skips a record another pass holds. The booking's last write (scheduled
 * or cancelled) clears it; a pass that gives up on a record releases it.
 */
export interface PassLeases {
  readonly owner: string;
  /** Wall clock in milliseconds (Date.now in production). */
  readonly clock: () => number;
}

export function newLease(leases: PassLeases): ConversationLease {
  return { owner: leases.owner, expiresAt: new Date(leases.clock() + LEASE_MS).toISOString() };
}

export function heldByAnother(record: ConversationRecord, leases: PassLeases): boolean {
  return leasedByAnother(record, leases.owner, leases.clock());
}

/**
 * Writes this pass's lease (plus `changes`) if nobody else holds one and the record is as read.
 * Null: another pass has it, or changed it since; leave it to them.
 */
export async function claim(
  services: Services,
  record: Stored<ConversationRecord>,
  leases: PassLeases,
  changes: Partial<ConversationRecord> = {},
): Promise<Stored<ConversationRecord> | null> {
  if (heldByAnother(record, leases)) return null;
  return services.conversations.replaceIfCurrent(
    { ...record, ...changes, lease: newLease(leases) },
    record._etag,
  );
}

/** Gives a claim back early, best effort: unreleased, it simply expires. */
export async function release(
  services: Services,
  record: Stored<ConversationRecord>,
  leases: PassLeases,
): Promise<void> {
  if (record.lease?.owner !== leases.owner) return;
  try {
    await services.conversations.replaceIfCurrent({ ...record, lease: null }, record._etag);
  } catch (error) {
    if (isPassAborted(error)) throw error;
  }
}
