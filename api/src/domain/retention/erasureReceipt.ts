import { createHash } from 'node:crypto';

/**
 * The id of an erasure's receipt: a hash of tenant and person, so the receipt (and the admin's log
 * line) proves an erasure happened without storing the erased person's id.
 */
export const erasureReceiptId = (tenantId: string, personId: string): string =>
  `erasure-${createHash('sha256').update(`${tenantId}|${personId}`).digest('hex').slice(0, 32)}`;
