import type { Container } from '@azure/cosmos';

import { createAcknowledgementStore } from './board/acknowledgementStore';
import type { AcknowledgementStore } from './board/acknowledgementStore';
import { createAspirationSlots } from './board/aspirationSlots';
import type { AspirationSlots } from './board/aspirationSlots';
import { createAspirationStore } from './board/aspirationStore';
import type { AspirationStore } from './board/aspirationStore';
import { createAgendaRefreshes } from './board/agendaRefreshes';
import type { AgendaRefreshes } from './board/agendaRefreshes';
import { createDeletionSteps } from './board/deletionSteps';
import { createHistoryCopy } from './board/historyCopy';
import { createHistoryStore } from './board/historyStore';
import type { HistoryStore } from './board/historyStore';
import { createPrivateNotesStore } from './board/privateNotesStore';
import type { PrivateNotesStore } from './board/privateNotesStore';
import { createReadRepair } from './board/readRepair';

export type { BoardReadResult } from './board/aspirationStore';
export type { HistoryCursor } from './board/historyStore';

/**
 * Reads and writes one board's documents, one module per aggregate (store/board/); every call
 * stays inside the board's partition.
 *
 * Writes that change what both people see carry their history entry inside the written document
 * (`pendingHistory`); `flushHistory` copies it to the history container afterwards. Reads finish
 * whatever a failed or interrupted write left: they copy pending entries, complete deletions and
 * remove acknowledgements and comments whose aspiration is gone (board/readRepair.ts).
 */
export type BoardRepository = AspirationStore &
  AspirationSlots &
  AcknowledgementStore &
  PrivateNotesStore &
  HistoryStore &
  AgendaRefreshes;

export function createBoardRepository(boards: Container, history: Container): BoardRepository {
  const historyCopy = createHistoryCopy(boards, history);
  const deletion = createDeletionSteps(boards, history, historyCopy);
  const repair = createReadRepair(boards, historyCopy, deletion);
  return {
    ...createAspirationStore(boards, repair, deletion),
    ...createAspirationSlots(boards, deletion),
    ...createAcknowledgementStore(boards),
    ...createPrivateNotesStore(boards),
    ...createHistoryStore(history, historyCopy, repair),
    ...createAgendaRefreshes(boards),
  };
}
