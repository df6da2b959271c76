import type { Container } from '@azure/cosmos';

import type { PrivateNotesRecord } from '../../domain/board/records';
import { privateNotesId } from '../../domain/board/records';
import type { Stored } from '../../domain/stored';
import { staleWrite } from '../../errors/storeOutcome';
import { cosmosStatus } from '../cosmosErrors';
import { assertStorable } from '../documentSize';
import { boardItem } from './boardDocuments';

/** Private notes: one document per author on a board, read and written by that author alone. */
export interface PrivateNotesStore {
  readPrivateNotes(
    tenantId: string,
    employeeId: string,
    authorId: string,
  ): Promise<Stored<PrivateNotesRecord> | null>;
  /** Creates the notes (storedEtag null) or replaces the version read; a race is a stale outcome. */
  writePrivateNotes(
    record: PrivateNotesRecord,
    storedEtag: string | null,
  ): Promise<Stored<PrivateNotesRecord>>;
}

export function createPrivateNotesStore(boards: Container): PrivateNotesStore {
  return {
    async readPrivateNotes(tenantId, employeeId, authorId) {
      const { resource } = await boardItem(
        boards,
        tenantId,
        employeeId,
        privateNotesId(authorId),
      ).read<Stored<PrivateNotesRecord>>();
      return resource && resource.authorId === authorId ? resource : null;
    },

    async writePrivateNotes(record, storedEtag) {
      assertStorable(record, 'Shorten your notes.');
      try {
        if (storedEtag === null) {
          const { resource } = await boards.items.create(record);
          return resource as Stored<PrivateNotesRecord>;
        }
        const { resource } = await boardItem(
          boards,
          record.tenantId,
          record.employeeId,
          record.id,
        ).replace(record, {
          accessCondition: { type: 'IfMatch', condition: storedEtag },
        });
        return resource as Stored<PrivateNotesRecord>;
      } catch (error) {
        // 409: created meanwhile elsewhere; 412 or 404: changed or gone since it was read.
        if ([409, 412, 404].includes(cosmosStatus(error) ?? 0)) throw staleWrite('Your notes');
        throw error;
      }
    },
  };
}
