import type { Relationship } from '../../contract/sharingContract';
import type { AdviceThreadRecord, ShareRecord } from './records';

/**
 * The extended access rule, pure: beyond the employee and their current manager
 * (domain/board/access.ts), a sponsor or mentor sees what the employee shared with them, and a
 * person asked for advice sees the aspiration they were asked about. Nobody here ever sees private
 * notes, comments or the conversation record: the shared view is built from aspirations alone.
 */

export interface SharedAccess {
  access: Relationship | 'advice';
  /** Aspirations the viewer may read; null: every aspiration of the board. */
  aspirationIds: ReadonlySet<string> | null;
}

/** What a viewer may read of a board, or null: nothing (no share, no question asked of them). */
export function sharedAccess(
  viewerId: string,
  share: ShareRecord | null,
  threads: readonly AdviceThreadRecord[],
): SharedAccess | null {
  const asked = threads
    .filter((t) => t.person.id === viewerId && t.question !== null && !t.endedAt)
    .map((t) => t.aspirationId);
  if (share && share.viewer.id === viewerId) {
    if (share.aspirationIds === null) return { access: share.relationship, aspirationIds: null };
    return {
      access: share.relationship,
      aspirationIds: new Set([...share.aspirationIds, ...asked]),
    };
  }
  if (asked.length === 0) return null;
  return { access: 'advice', aspirationIds: new Set(asked) };
}

export function mayRead(access: SharedAccess, aspirationId: string): boolean {
  return access.aspirationIds === null || access.aspirationIds.has(aspirationId);
}

/** Who a share or a question may go to: a current member of the caller's own org chart. */
export interface ShareTarget {
  id: string;
  /** False: not in the org chart (or another tenant's id, which the caller's tenant never holds). */
  found: boolean;
  enabled: boolean;
  member: boolean;
}

/** Why a person cannot be shared with or asked, in words the employee can act on; null if they can. */
export function targetRefusal(employeeId: string, target: ShareTarget): string | null {
  if (target.id === employeeId)
    return 'You cannot share with or ask yourself. Choose someone else.';
  if (!target.found)
    return 'This person is not in your organisation’s directory. Choose someone from the people search.';
  if (!target.enabled)
    return 'This person’s account is disabled, so they could not see what you share. Choose someone else.';
  if (!target.member)
    return 'Guests from other organisations cannot be given access to your board. Choose a colleague.';
  return null;
}

/** Aspiration ids a share names that are not on the board: nothing is shared for a typo. */
export function unknownAspirations(
  requested: readonly string[] | null,
  onBoard: ReadonlySet<string>,
): string[] {
  return (requested ?? []).filter((id) => !onBoard.has(id));
}
