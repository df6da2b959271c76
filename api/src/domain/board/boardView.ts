import type {
  AspirationView,
  BoardPerson,
  BoardView,
  CommentView,
  Horizon,
  TeamFlag,
  TeamMemberView,
  ViewerRole,
} from '../../contract/boardContract';
import { HORIZONS, LIMITS } from '../../contract/boardContract';
import type { ConversationSummary } from '../conversations/teamSummary';
import { toHttpEtag } from './etags';
import type { AcknowledgementRecord, AspirationRecord, CommentRecord } from './records';

/** Turns stored records into what the API returns. Private notes never pass through here. */

export interface BoardRecords {
  aspirations: (AspirationRecord & { _etag?: string })[];
  acknowledgements: AcknowledgementRecord[];
  comments: CommentRecord[];
}

export function aspirationView(
  record: AspirationRecord & { _etag?: string },
  acknowledgement: AcknowledgementRecord | undefined,
  comments: CommentRecord[],
): AspirationView {
  return {
    id: record.id,
    etag: record._etag ? toHttpEtag(record._etag) : '',
    kind: record.kind,
    horizon: record.horizon,
    title: record.title,
    details: record.details,
    targetDate: record.targetDate,
    position: record.position,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    steps: record.steps,
    evidence: record.evidence,
    acknowledgement: acknowledgement
      ? { by: acknowledgement.by, at: acknowledgement.at, note: acknowledgement.note }
      : null,
    changedSinceAcknowledged: acknowledgement
      ? record.version > acknowledgement.acknowledgedVersion
      : false,
    comments: comments
      .filter((c) => c.aspirationId === record.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((c): CommentView => ({
        id: c.id,
        author: c.author,
        text: c.text,
        createdAt: c.createdAt,
      })),
  };
}

export function boardView(
  records: BoardRecords,
  people: { employee: BoardPerson; manager: BoardPerson | null },
  viewer: { id: string; role: ViewerRole },
): BoardView {
  const acks = new Map(records.acknowledgements.map((a) => [a.aspirationId, a]));
  return {
    employee: people.employee,
    manager: people.manager,
    viewer,
    aspirations: sortAspirations(records.aspirations).map((a) =>
      aspirationView(a, acks.get(a.id), records.comments),
    ),
    limits: LIMITS,
  };
}

export function sortAspirations<
  T extends Pick<AspirationRecord, 'horizon' | 'position' | 'createdAt'>,
>(list: T[]): T[] {
  return [...list].sort(
    (a, b) =>
      HORIZONS.indexOf(a.horizon) - HORIZONS.indexOf(b.horizon) ||
      a.position - b.position ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * "Latest" in the team view means the most recently *created* aspiration of a horizon: the newest
 * thing this person has said they want. Edits and reordering do not make an older aspiration the
 * latest (an edit shows up in the counts as "changed since acknowledged" instead). Ties on the
 * creation instant go to the larger id, so the answer never depends on storage order.
 */
export function latestIn<T extends Pick<AspirationRecord, 'createdAt' | 'id'>>(
  list: T[],
): T | undefined {
  let latest: T | undefined;
  for (const a of list) {
    if (
      !latest ||
      a.createdAt > latest.createdAt ||
      (a.createdAt === latest.createdAt && a.id > latest.id)
    )
      latest = a;
  }
  return latest;
}

/** One row of the manager's team view: counts and flags, no aspiration details beyond titles. */
export function teamMemberView(
  person: BoardPerson,
  aspirations: AspirationRecord[],
  acknowledgements: AcknowledgementRecord[],
  conversations: ConversationSummary,
  /** Today as YYYY-MM-DD: target dates before it have passed. */
  today: string = new Date().toISOString().slice(0, 10),
): TeamMemberView {
  const acks = new Map(acknowledgements.map((a) => [a.aspirationId, a]));
  const unacknowledged = aspirations.filter((a) => !acks.has(a.id)).length;
  const changed = aspirations.filter((a) => {
    const ack = acks.get(a.id);
    return ack !== undefined && a.version > ack.acknowledgedVersion;
  }).length;
  const latestByHorizon = Object.fromEntries(
    HORIZONS.map((h) => [h, latestIn(aspirations.filter((a) => a.horizon === h))?.title ?? null]),
  ) as Record<Horizon, string | null>;
  const flags: TeamFlag[] = [];
  if (aspirations.length === 0) flags.push('no-aspirations');
  if (unacknowledged + changed > 0) flags.push('needs-acknowledgement');
  if (conversations.overdue) flags.push('conversation-overdue');
  if (conversations.needsPick) flags.push('conversation-needs-pick');
  if (aspirations.some((a) => a.targetDate !== null && a.targetDate < today))
    flags.push('target-date-passed');
  return {
    ...person,
    counts: {
      aspirations: aspirations.length,
      needsAcknowledgement: unacknowledged + changed,
      changedSinceAcknowledged: changed,
    },
    latestByHorizon,
    lastConversation: conversations.last,
    nextConversation: conversations.next,
    notBooked: conversations.notBooked,
    flags,
  };
}
