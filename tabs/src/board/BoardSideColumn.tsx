import type { BoardView } from '@contract/boardContract';
import type { CareerBoardApi } from '../api/careerBoardApi';
import { ExportBoardButton } from './ExportBoardButton';
import { HistoryPanel } from './HistoryPanel';
import { PrivateNotesPanel } from './PrivateNotesPanel';
import { SharingSection } from './SharingSection';

export interface BoardSideColumnProps {
  api: CareerBoardApi;
  board: BoardView;
  isOwnBoard: boolean;
  variant: 'personal' | 'chat';
}

/**
 * The board's own panels in the side column (private notes, history, sharing, export): a chunk of
 * their own, loaded once the cards are on screen, with the text areas and fields they need.
 */
export function BoardSideColumn({ api, board, isOwnBoard, variant }: BoardSideColumnProps) {
  const isOwner = board.viewer.role === 'employee';
  return (
    <>
      <PrivateNotesPanel
        api={api}
        employeeId={board.employee.id}
        viewer={board.viewer.role}
        employee={board.employee}
        maxLength={board.limits.privateNotesLength}
      />
      <HistoryPanel api={api} employeeId={board.employee.id} />
      {isOwner && isOwnBoard && variant === 'personal' ? (
        <SharingSection employeeId={board.employee.id} aspirations={board.aspirations} />
      ) : null}
      {isOwner && isOwnBoard ? <ExportBoardButton /> : null}
    </>
  );
}
