import { boardPartitionKey } from '../domain/board/records';
import { advance, canTake } from '../domain/conversations/lifecycle';
import type { ConversationRecord } from '../domain/conversations/records';
import type { Stored } from '../domain/stored';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import { findEventOf } from './booking';
import { claim, release } from './leases';
import { note } from './passSummary';
import { isPassAborted, rethrowIfAborted } from './passAborted';
import { notifyNewManager } from './passNotifications';
import type { TenantPass } from './tenantPass';
import { ANOTHER_RUN, DAY_MS, track } from './tenantPass';
import { failureReason } from '../logging/logSafety';

/**
 * A new manager, made good on every pass rather than only on the pass whose org-chart read saw
 * it: that pass may have died after saving the delta link, and the change would be lost. The
 * stored org chart says who manages whom, so each pass (1) makes sure the history of every recent
 * change says so, under an id made of the person and the time of the change, so a rerun never
 * adds it twice (the pass that adds it tells the new manager, so they hear of it once), and (2) cancels every pending or scheduled conversation with someone who is no
 * longer the employee's manager, looking up a pending one's event by its transactionId first.
 */

/** A change older than this was recorded by an earlier pass, or is too old to matter now. */
const RECENT_CHANGE_MS = 30 * DAY_MS;

export const managerChangeHistoryId = (person: DirectoryPerson): string =>
  `manager-change-${person.id}-${Date.parse(person.managerChangedAt ?? '')}`;

export async function reconcileManagers(
  pass: TenantPass,
  records: Stored<ConversationRecord>[],
): Promise<Stored<ConversationRecord>[]> {
  for (const person of pass.people.values()) {
    if (
      person.managerChangedAt === null ||
      pass.now.getTime() - Date.parse(person.managerChangedAt) > RECENT_CHANGE_MS
    )
      continue;
    try {
      // The first pass to record this change is the one that tells the new manager.
      if (await recordChangeInHistory(pass, person))
        await notifyNewManager(pass, person, managerChangeHistoryId(person));
    } catch (error) {
      rethrowIfAborted(error);
      note(pass.summary, 'failed', `manager change history: ${failureReason(error)}`, {
        tenantId: pass.tenantId,
        employeeId: person.id,
        managerId: person.managerId,
      });
    }
  }
  const result: Stored<ConversationRecord>[] = [];
  for (const record of records) {
    const person = pass.people.get(record.employeeId);
    const stale =
      canTake(record.status, 'manager-changed') &&
      person !== undefined &&
      person.managerId !== record.managerId;
    result.push(stale ? await cancelForOldManager(pass, record, person) : record);
  }
  return result;
}

/** True when this call recorded the change; false when an earlier pass already had. */
async function recordChangeInHistory(pass: TenantPass, person: DirectoryPerson): Promise<boolean> {
  // Already there (false): a previous pass recorded this very change.
  return pass.services.boards.appendHistory({
    type: 'history',
    id: managerChangeHistoryId(person),
    pk: boardPartitionKey(pass.tenantId, person.id),
    tenantId: pass.tenantId,
    employeeId: person.id,
    at: person.managerChangedAt!,
    actor: { id: 'career-board', displayName: 'Career Board' },
    action: 'manager.changed',
    aspirationId: null,
    summary: 'The board moved to a new manager',
    changes: [{ field: 'manager', from: person.previousManagerId, to: person.managerId }],
  });
}

async function cancelForOldManager(
  pass: TenantPass,
  record: Stored<ConversationRecord>,
  person: DirectoryPerson,
): Promise<Stored<ConversationRecord>> {
  const ref = {
    tenantId: pass.tenantId,
    employeeId: record.employeeId,
    managerId: record.managerId,
  };
  const claimed = await claim(pass.services, record, pass.leases);
  if (!claimed) {
    note(pass.summary, 'skipped', `manager change: ${ANOTHER_RUN}`, ref);
    return record;
  }
  try {
    const eventId =
      claimed.event?.id ??
      (claimed.status === 'pending'
        ? (await findEventOf(pass.calendar, claimed, person.mail ?? ''))?.id
        : undefined);
    if (eventId) await pass.calendar.cancelEvent(claimed.managerId, eventId);
    const cancelled = await pass.services.conversations.replace(
      { ...advance(claimed, { kind: 'manager-changed' }, pass.now.toISOString()), lease: null },
      claimed._etag,
    );
    track(pass, cancelled);
    return cancelled;
  } catch (error) {
    if (isPassAborted(error)) throw error;
    await release(pass.services, claimed, pass.leases);
    note(pass.summary, 'failed', `manager change: ${failureReason(error)}`, ref);
    return claimed;
  }
}
