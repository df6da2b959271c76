import type { Containers } from './cosmosClient';
import { createLeaverMarks } from './leaverMarks';
import type { LeaverMarks } from './leaverMarks';
import { createPersonErasure } from './personErasure';
import type { PersonErasure } from './personErasure';
import { createPersonExport } from './personExport';
import type { PersonExport } from './personExport';

/** Everything the store does about one person as a whole: leaving, erasure, their own export. */
export interface PersonData {
  leavers: LeaverMarks;
  erasure: PersonErasure;
  exports: PersonExport;
}

export function createPersonData(containers: Containers): PersonData {
  return {
    leavers: createLeaverMarks(containers.directory),
    erasure: createPersonErasure(containers),
    exports: createPersonExport(containers),
  };
}
