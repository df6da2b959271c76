import type { Container } from '@azure/cosmos';

import { cosmosStatus } from './cosmosErrors';

/**
 * One scheduling pass per tenant at a time. The daily timer, an admin's run and the CLI can
 * overlap; two passes over one tenant would each choose slots from their own view of who is busy,
 * so two of a manager's conversations could land at the same time. The lock is a document in the
 * tenant's settings partition, taken and handed on with If-Match; it expires by itself, so a
 * crashed pass holds the tenant back only until then.
 */

interface LockDocument {
  id: typeof LOCK_ID;
  pk: string;
  tenantId: string;
  owner: string;
  expiresAt: string;
  _etag?: string;
}

const LOCK_ID = 'scheduler-pass';

export type LockOutcome = { taken: true } | { taken: false; heldUntil: string };

/** The lock as the scheduler sees it, through Services. */
export interface TenantPassLock {
  take(tenantId: string, owner: string, nowMs: number, ttlMs: number): Promise<LockOutcome>;
  /** Hands the tenant back at the end of a pass; best effort, since the lock expires anyway. */
  release(tenantId: string, owner: string): Promise<void>;
}

export function createTenantPassLock(settings: Container): TenantPassLock {
  return {
    take: (tenantId, owner, nowMs, ttlMs) =>
      takeTenantPassLock(settings, tenantId, owner, nowMs, ttlMs),
    release: (tenantId, owner) => releaseTenantPassLock(settings, tenantId, owner),
  };
}

export async function takeTenantPassLock(
  settings: Container,
  tenantId: string,
  owner: string,
  nowMs: number,
  ttlMs: number,
): Promise<LockOutcome> {
  const mine: LockDocument = {
    id: LOCK_ID,
    pk: tenantId,
    tenantId,
    owner,
    expiresAt: new Date(nowMs + ttlMs).toISOString(),
  };
  const { resource: held } = await settings.item(LOCK_ID, tenantId).read<LockDocument>();
  try {
    if (!held) {
      await settings.items.create(mine);
      return { taken: true };
    }
    if (held.owner !== owner && Date.parse(held.expiresAt) > nowMs)
      return { taken: false, heldUntil: held.expiresAt };
    await settings
      .item(LOCK_ID, tenantId)
      .replace(mine, { accessCondition: { type: 'IfMatch', condition: held._etag ?? '' } });
    return { taken: true };
  } catch (error) {
    // Another pass took it between our read and our write.
    if (cosmosStatus(error) === 409 || cosmosStatus(error) === 412)
      return { taken: false, heldUntil: mine.expiresAt };
    throw error;
  }
}

export async function releaseTenantPassLock(
  settings: Container,
  tenantId: string,
  owner: string,
): Promise<void> {
  const { resource: held } = await settings.item(LOCK_ID, tenantId).read<LockDocument>();
  if (held?.owner !== owner) return;
  try {
    await settings
      .item(LOCK_ID, tenantId)
      .delete({ accessCondition: { type: 'IfMatch', condition: held._etag ?? '' } });
  } catch (error) {
    if (cosmosStatus(error) !== 404 && cosmosStatus(error) !== 412) throw error;
  }
}
