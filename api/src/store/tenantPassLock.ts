import type { Container } from '@azure/cosmos';

import { releaseLease, takeLease } from './leaseDocuments';
import type { LeaseRef, LockOutcome } from './leaseDocuments';

export type { LockOutcome } from './leaseDocuments';

/**
 * One scheduling pass per tenant at a time. The daily timer, an admin's run and the CLI can
 * overlap; two passes over one tenant would each plan the same pairs and sync the same org chart.
 * The lock is a lease document in the tenant's settings partition; it expires by itself, so a
 * crashed pass holds the tenant back only until then.
 */

const LOCK_ID = 'scheduler-pass';

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

const lockOf = (settings: Container, tenantId: string): LeaseRef => ({
  container: settings,
  pk: tenantId,
  id: LOCK_ID,
  tenantId,
});

export function takeTenantPassLock(
  settings: Container,
  tenantId: string,
  owner: string,
  nowMs: number,
  ttlMs: number,
): Promise<LockOutcome> {
  return takeLease(lockOf(settings, tenantId), owner, nowMs, ttlMs);
}

export function releaseTenantPassLock(
  settings: Container,
  tenantId: string,
  owner: string,
): Promise<void> {
  return releaseLease(lockOf(settings, tenantId), owner);
}
