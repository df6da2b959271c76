import type { Container } from '@azure/cosmos';

import { cosmosStatus } from './cosmosErrors';

/**
 * An expiring lease kept as one document, taken and handed on with If-Match: whoever writes it
 * first holds it until it expires or is released, so a holder that crashed blocks the others only
 * until then. The tenant's pass lock and the per-mailbox leases of the queue workers are both this.
 */

interface LeaseDocument {
  id: string;
  pk: string;
  tenantId: string;
  owner: string;
  expiresAt: string;
  _etag?: string;
}

export type LockOutcome = { taken: true } | { taken: false; heldUntil: string };

export interface LeaseRef {
  container: Container;
  pk: string;
  id: string;
  tenantId: string;
}

/** Takes (or renews, for its owner) the lease until `nowMs + ttlMs`. */
export async function takeLease(
  ref: LeaseRef,
  owner: string,
  nowMs: number,
  ttlMs: number,
): Promise<LockOutcome> {
  const mine: LeaseDocument = {
    id: ref.id,
    pk: ref.pk,
    tenantId: ref.tenantId,
    owner,
    expiresAt: new Date(nowMs + ttlMs).toISOString(),
  };
  const item = ref.container.item(ref.id, ref.pk);
  const { resource: held } = await item.read<LeaseDocument>();
  try {
    if (!held) {
      await ref.container.items.create(mine);
      return { taken: true };
    }
    if (held.owner !== owner && Date.parse(held.expiresAt) > nowMs)
      return { taken: false, heldUntil: held.expiresAt };
    await item.replace(mine, { accessCondition: { type: 'IfMatch', condition: held._etag ?? '' } });
    return { taken: true };
  } catch (error) {
    // Another holder took it between our read and our write.
    if (cosmosStatus(error) === 409 || cosmosStatus(error) === 412)
      return { taken: false, heldUntil: mine.expiresAt };
    throw error;
  }
}

/** Hands the lease back if `owner` still holds it; best effort, since it expires anyway. */
export async function releaseLease(ref: LeaseRef, owner: string): Promise<void> {
  const item = ref.container.item(ref.id, ref.pk);
  const { resource: held } = await item.read<LeaseDocument>();
  if (held?.owner !== owner) return;
  try {
    await item.delete({ accessCondition: { type: 'IfMatch', condition: held._etag ?? '' } });
  } catch (error) {
    if (cosmosStatus(error) !== 404 && cosmosStatus(error) !== 412) throw error;
  }
}
