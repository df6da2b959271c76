import type { UnbookedReason } from '../contract/conversationContract';
import { boardPartitionKey } from '../domain/board/records';
import { advance, canTake, newConversation } from '../domain/conversations/lifecycle';
import type { ConversationReason, ConversationRecord } from '../domain/conversations/records';
import { conversationId } from '../domain/conversations/records';
import { quarterOf } from '../domain/scheduling';
import type { Stored } from '../domain/stored';
import { heldByAnother } from './leases';
import { note } from './passSummary';
import type { Pair, TenantPass } from './tenantPass';
import { pairRef, track } from './tenantPass';

/**
 * Writes down that a pair has no slot, and why, on the pair's record for this quarter: the app
 * shows the reason and what happens next (the next pass retries, or the manager picks a slot), and
 * the pass pursues the record again tomorrow. No Graph call follows, so no lease is needed; the
 * write is conditional, and a record another pass holds or changed is left to it.
 */
export async function recordNoSlot(
  pass: TenantPass,
  item: { pair: Pair; record: Stored<ConversationRecord> | null },
  reason: ConversationReason,
  why: UnbookedReason,
): Promise<void> {
  const { pair } = item;
  note(pass.summary, 'skipped', `no slot: ${why}`, pairRef(pass.tenantId, pair));
  const at = pass.now.toISOString();
  const update = async (record: Stored<ConversationRecord>) => {
    if (heldByAnother(record, pass.leases) || !canTake(record.status, 'no-slot')) return;
    const next = advance(record, { kind: 'no-slot', reason: why }, at);
    // Nothing new to say: leave the record (and its ETag) as it is.
    if (next.status === record.status && next.log === record.log) return;
    const saved = await pass.services.conversations.replaceIfCurrent(next, record._etag);
    if (saved) track(pass, saved);
  };
  if (item.record) return update(item.record);
  const quarter = quarterOf(pass.now);
  const id = conversationId(quarter, pair.manager.id);
  const fresh = newConversation(
    {
      id,
      pk: boardPartitionKey(pass.tenantId, pair.employee.id),
      tenantId: pass.tenantId,
      employeeId: pair.employee.id,
      managerId: pair.manager.id,
      quarter,
      reason,
    },
    at,
  );
  const created = await pass.services.conversations.create(
    advance(fresh, { kind: 'no-slot', reason: why }, at),
  );
  if (created) return track(pass, created);
  const existing = await pass.services.conversations.read(pass.tenantId, pair.employee.id, id);
  if (existing) await update(existing);
}
