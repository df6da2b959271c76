import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';

import { AspirationCard } from './AspirationCard';
import type { AspirationDialogTarget } from './AspirationDialog';
import { useNoCompanion } from './boardCompanion';
import type { BoardCompanion, UseBoardCompanion } from './boardCompanion';
import { BoardHeader } from './BoardHeader';
import { CardSharing } from './CardSharing';
import { boardLayoutStyles } from './boardLayout';
import { groupByHorizon } from './boardLogic';
import type { MoveDirection } from './boardLogic';
import { BoardSideSkeleton, BoardSkeleton } from './BoardSkeleton';
import {
  acknowledgeDialog,
  aspirationDialog,
  boardSideColumn,
  deleteAspirationDialog,
} from './deferredBoard';
import { EmptyBoard } from './EmptyBoard';
import { HorizonColumn } from './HorizonColumn';
import { useBoard } from './useBoard';
import type { AspirationView, BoardView } from '@contract/boardContract';
import { ApiProblem } from '../api/apiProblem';
import { describeProblem } from '../api/describeProblem';
import { HORIZON_ORDER } from '../common/boardText';
import { markFirstScreenPainted, useFirstScreenPainted } from '../common/firstPaint';
import { useSession } from '../common/session';
import { ProblemState, RetryButton } from '../common/ProblemState';
import { useScreenReaderOnly } from '../common/srOnly';
import { useNotify } from '../common/useNotify';

// Dialogs load when first opened: the board shows without their code (or zod, or Fluent's dialog).
const AspirationDialog = lazy(() =>
  aspirationDialog.load().then((m) => ({ default: m.AspirationDialog })),
);
const AcknowledgeDialog = lazy(() =>
  acknowledgeDialog.load().then((m) => ({ default: m.AcknowledgeDialog })),
);
// The side column loads once the cards are on screen (common/firstPaint.ts), not before them.
const BoardSideColumn = lazy(() =>
  boardSideColumn.load().then((m) => ({ default: m.BoardSideColumn })),
);
const DeleteAspirationDialog = lazy(() =>
  deleteAspirationDialog.load().then((m) => ({ default: m.DeleteAspirationDialog })),
);

type OpenDialog =
  | { kind: 'aspiration'; target: AspirationDialogTarget }
  | { kind: 'delete'; id: string; snapshot: AspirationView }
  | { kind: 'acknowledge'; id: string; snapshot: AspirationView }
  | null;

const useStyles = makeStyles({
  item: { listStyle: 'none' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

export interface BoardPageProps {
  employeeId: string;
  /** In a 1:1 chat tab: a tighter header, no way back to My team. */
  variant?: 'personal' | 'chat';
  /** What another feature shows with the board; the app shell wires in the conversations. */
  useCompanion?: UseBoardCompanion;
}

/** A board: the viewer's own, or a report's (read and acknowledge only). */
export function BoardPage({
  employeeId,
  variant = 'personal',
  useCompanion = useNoCompanion,
}: BoardPageProps) {
  const { api, me } = useSession();
  const { state, actions } = useBoard(api, employeeId);
  // Fetched beside the board and shown with it, so the page does not move when it arrives.
  const companion = useCompanion(employeeId);
  const settled = !(state.status === 'loading' || (state.status === 'ready' && companion.loading));
  useEffect(() => {
    if (settled) markFirstScreenPainted();
  }, [settled]);

  if (!settled) return <BoardSkeleton aside={companion.skeleton} />;
  if (state.status === 'failed')
    return (
      <BoardProblem
        error={state.error}
        onRetry={() => void actions.reload().catch(() => undefined)}
      />
    );
  return (
    <LoadedBoard
      board={state.board}
      actions={actions}
      companion={companion}
      isOwnBoard={employeeId === me.id}
      variant={variant}
    />
  );
}

function BoardProblem({ error, onRetry }: { error: unknown; onRetry(): void }) {
  if (error instanceof ApiProblem && (error.isForbidden || error.isNotFound)) {
    return (
      <ProblemState
        kind="no-access"
        title="This board isn’t yours to see"
        message="A career board is visible only to the person it belongs to and their current manager. If someone wants to show you theirs, ask them to share it with you."
        actions={<Button onClick={() => (window.location.hash = '#/board')}>Go to my board</Button>}
      />
    );
  }
  const { title, message } = describeProblem(error);
  return (
    <ProblemState title={title} message={message} actions={<RetryButton onRetry={onRetry} />} />
  );
}

interface LoadedBoardProps {
  board: BoardView;
  actions: ReturnType<typeof useBoard>['actions'];
  companion: BoardCompanion;
  isOwnBoard: boolean;
  variant: 'personal' | 'chat';
}

function LoadedBoard({ board, actions, companion, isOwnBoard, variant }: LoadedBoardProps) {
  const { api } = useSession();
  const layout = boardLayoutStyles();
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const { notifyError } = useNotify();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [announcement, setAnnouncement] = useState('');
  const painted = useFirstScreenPainted();
  const isOwner = board.viewer.role === 'employee';
  const people = { employee: board.employee, manager: board.manager, viewer: board.viewer.role };
  const groups = groupByHorizon(board.aspirations);
  const find = (id: string): AspirationView | undefined =>
    board.aspirations.find((a) => a.id === id);

  const close = useCallback(() => setDialog(null), []);
  const loadLatest = useCallback(() => actions.reload(), [actions]);
  const quietly = (work: Promise<void>, doing: string) =>
    void work.catch((error: unknown) => notifyError(error, doing));

  const move = (aspiration: AspirationView, direction: MoveDirection) => {
    setAnnouncement(`Moved “${aspiration.title}” ${direction}.`);
    quietly(actions.move(aspiration.id, direction), `Couldn’t move “${aspiration.title}”`);
  };

  // The latest version (for its ETag), or the copy the dialog opened with while a delete is in flight.
  const dialogAspiration =
    dialog && dialog.kind !== 'aspiration' ? (find(dialog.id) ?? dialog.snapshot) : undefined;
  const editTarget: AspirationDialogTarget | null =
    dialog?.kind === 'aspiration'
      ? dialog.target.mode === 'edit'
        ? (() => {
            const latest = find(dialog.target.aspiration.id);
            return latest ? { mode: 'edit', aspiration: latest } : null;
          })()
        : dialog.target
      : null;

  return (
    <div className={layout.page}>
      <span className={srOnly.root} role="status" aria-live="polite">
        {announcement}
      </span>
      <BoardHeader
        board={board}
        isOwnBoard={isOwnBoard}
        compact={variant === 'chat'}
        onAdd={() => setDialog({ kind: 'aspiration', target: { mode: 'create' } })}
      />
      <div className={layout.body}>
        <div className={styles.main}>
          {companion.lead(people)}
          {board.aspirations.length === 0 ? (
            <EmptyBoard
              employeeName={board.employee.displayName}
              isOwner={isOwner}
              onStart={(horizon, kind) =>
                setDialog({ kind: 'aspiration', target: { mode: 'create', horizon, kind } })
              }
            />
          ) : (
            <div className={layout.columns}>
              {HORIZON_ORDER.map((horizon) => (
                <HorizonColumn
                  key={horizon}
                  horizon={horizon}
                  count={groups[horizon].length}
                  canAdd={isOwner}
                  onAdd={() =>
                    setDialog({ kind: 'aspiration', target: { mode: 'create', horizon } })
                  }
                >
                  {groups[horizon].map((aspiration, index) => (
                    <li key={aspiration.id} className={styles.item}>
                      <AspirationCard
                        aspiration={aspiration}
                        viewer={board.viewer.role}
                        canMoveUp={index > 0}
                        canMoveDown={index < groups[horizon].length - 1}
                        onEdit={() =>
                          setDialog({ kind: 'aspiration', target: { mode: 'edit', aspiration } })
                        }
                        onDelete={() =>
                          setDialog({ kind: 'delete', id: aspiration.id, snapshot: aspiration })
                        }
                        onMove={(direction) => move(aspiration, direction)}
                        onAcknowledge={() =>
                          setDialog({
                            kind: 'acknowledge',
                            id: aspiration.id,
                            snapshot: aspiration,
                          })
                        }
                        onToggleStep={(stepId, status) =>
                          quietly(
                            actions.setStepStatus(aspiration.id, stepId, status),
                            'Couldn’t update the step',
                          )
                        }
                        onAddStep={(text) => actions.addStep(aspiration.id, text)}
                        onAddEvidence={(input) => actions.addEvidence(aspiration.id, input)}
                        onAddComment={(text) => actions.addComment(aspiration.id, text)}
                        sharing={
                          variant === 'personal' ? (
                            <CardSharing
                              employeeId={board.employee.id}
                              aspiration={aspiration}
                              viewer={board.viewer.role}
                              onChanged={loadLatest}
                            />
                          ) : null
                        }
                      />
                    </li>
                  ))}
                </HorizonColumn>
              ))}
            </div>
          )}
        </div>
        <aside className={layout.side} aria-label="Conversations, notes and history">
          {painted ? (
            // One boundary: the conversations' and the board's panels load in parallel, not in turn.
            <Suspense fallback={<BoardSideSkeleton aside={companion.skeleton} />}>
              {companion.aside(people)}
              <BoardSideColumn api={api} board={board} isOwnBoard={isOwnBoard} variant={variant} />
            </Suspense>
          ) : (
            <BoardSideSkeleton aside={companion.skeleton} />
          )}
        </aside>
      </div>
      <Suspense fallback={null}>
        {editTarget ? (
          <AspirationDialog
            target={editTarget}
            onClose={close}
            onCreate={async (input) => {
              const created = await actions.create(input);
              setAnnouncement(`Added “${created.title}”.`);
            }}
            onUpdate={actions.update}
            onLoadLatest={loadLatest}
          />
        ) : null}
        {dialog?.kind === 'delete' && dialogAspiration ? (
          <DeleteAspirationDialog
            aspiration={dialogAspiration}
            onClose={close}
            onDelete={async (id) => {
              await actions.remove(id);
              setAnnouncement(`Deleted “${dialogAspiration.title}”.`);
            }}
            onLoadLatest={loadLatest}
          />
        ) : null}
        {dialog?.kind === 'acknowledge' && dialogAspiration ? (
          <AcknowledgeDialog
            aspiration={dialogAspiration}
            employeeName={board.employee.displayName}
            onClose={close}
            onAcknowledge={actions.acknowledge}
          />
        ) : null}
      </Suspense>
    </div>
  );
}
