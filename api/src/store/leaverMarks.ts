import type { Container } from '@azure/cosmos';

import type { LeaverMark } from '../domain/retention/retentionRule';
import { isConflict, isNotFound } from './cosmosErrors';
import { leaverMarkId } from './personErasure';

/**
 * When the org sync first saw each person gone, one small document per leaver in the tenant's
 * directory partition. Kept apart from the synced person so a later sync (which rewrites the
 * person from Graph) can never move the date: the retention period counts from the first sighting.
 */

interface LeaverDocument extends LeaverMark {
  type: 'leaver';
  id: string;
  pk: string;
  tenantId: string;
}

export interface LeaverMarks {
  read(tenantId: string): Promise<LeaverMark[]>;
  /** Records each mark unless one exists (the first sighting wins). */
  mark(tenantId: string, marks: LeaverMark[]): Promise<void>;
  /** Someone came back: their data stays and the clock stops. */
  forget(tenantId: string, personIds: string[]): Promise<void>;
}

export function createLeaverMarks(directory: Container): LeaverMarks {
  return {
    async read(tenantId) {
      const { resources } = await directory.items
        .query<LeaverMark>(
          {
            query: "SELECT c.personId, c.goneSince FROM c WHERE c.pk = @t AND c.type = 'leaver'",
            parameters: [{ name: '@t', value: tenantId }],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources;
    },
    async mark(tenantId, marks) {
      for (const mark of marks) {
        const doc: LeaverDocument = {
          type: 'leaver',
          id: leaverMarkId(mark.personId),
          pk: tenantId,
          tenantId,
          personId: mark.personId,
          goneSince: mark.goneSince,
        };
        try {
          await directory.items.create(doc);
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
    },
    async forget(tenantId, personIds) {
      for (const id of personIds) {
        try {
          await directory.item(leaverMarkId(id), tenantId).delete();
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
    },
  };
}
