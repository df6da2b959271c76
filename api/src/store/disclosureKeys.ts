import { randomBytes } from 'node:crypto';

import type { Container } from '@azure/cosmos';

import { cosmosStatus } from './cosmosErrors';

/**
 * Each tenant's secret for the adoption figures' rounding coins: 32 random bytes, made the first
 * time a tenant's figures are read and kept in the tenant's settings partition. No route returns
 * it, so an admin who reads the code still cannot recompute the coins and undo the rounding at its
 * boundaries; only someone with data-plane access to the database could.
 */

interface DisclosureKeyDocument {
  id: typeof KEY_ID;
  pk: string;
  tenantId: string;
  key: string;
  createdAt: string;
}

const KEY_ID = 'disclosure-key';

export interface DisclosureKeys {
  /** The tenant's key, created on first use; two first readers at once end with the same key. */
  keyFor(tenantId: string, now: string): Promise<string>;
}

export function createDisclosureKeys(container: Container): DisclosureKeys {
  const read = async (tenantId: string) =>
    (await container.item(KEY_ID, tenantId).read<DisclosureKeyDocument>()).resource?.key;
  return {
    async keyFor(tenantId, now) {
      const existing = await read(tenantId);
      if (existing) return existing;
      const doc: DisclosureKeyDocument = {
        id: KEY_ID,
        pk: tenantId,
        tenantId,
        key: randomBytes(32).toString('base64'),
        createdAt: now,
      };
      try {
        await container.items.create(doc);
        return doc.key;
      } catch (error) {
        // Another reader created it first: theirs is the key.
        if (cosmosStatus(error) !== 409) throw error;
        const created = await read(tenantId);
        if (!created) throw error;
        return created;
      }
    },
  };
}
