import { useCallback, useMemo, useRef, useState } from 'react';

import { groupByHorizon, positionAtEnd, positionForMove } from './boardLogic';
import type { MoveDirection } from './boardLogic';
import type {
  AspirationInput,
  AspirationPatch,
  AspirationView,
  BoardView,
  EvidenceInput,
  StepStatus,
} from '@contract/boardContract';
import type { CareerBoardApi } from '../api/careerBoardApi';
import { useLoad } from '../common/useLoad';
import { useOpeningRead } from '../common/useOpeningRead';

export type BoardState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; board: BoardView };

export interface BoardActions {
  reload(): Promise<void>;
  create(input: AspirationInput): Promise<AspirationView>;
  update(id: string, patch: AspirationPatch): Promise<void>;
  move(id: string, direction: MoveDirection): Promise<void>;
  remove(id: string): Promise<void>;
  setStepStatus(id: string, stepId: string, status: StepStatus): Promise<void>;
  addStep(id: string, text: string): Promise<void>;
  addEvidence(id: string, input: EvidenceInput): Promise<void>;
  acknowledge(id: string, note: string | undefined): Promise<void>;
  addComment(id: string, text: string): Promise<void>;
}

type Revert = (current: AspirationView) => AspirationView;

/**
 * A board and every change to it. Quick changes show at once (optimistic) and are rolled back if
 * the API refuses them; writes to one aspiration go out one at a time, each with the latest ETag.
 */
export function useBoard(
  api: CareerBoardApi,
  employeeId: string,
): { state: BoardState; actions: BoardActions } {
  const opening = useOpeningRead(api, employeeId, (answered, id) => answered.board(id));
  const [state, setState] = useState<BoardState>(
    opening.value ? { status: 'ready', board: opening.value } : { status: 'loading' },
  );
  const stateRef = useRef<BoardState>(state);
  const queues = useRef(new Map<string, Promise<unknown>>());

  const commit = useCallback((next: (current: BoardState) => BoardState) => {
    stateRef.current = next(stateRef.current);
    setState(stateRef.current);
  }, []);

  const mapBoard = useCallback(
    (change: (board: BoardView) => BoardView) =>
      commit((current) =>
        current.status === 'ready' ? { status: 'ready', board: change(current.board) } : current,
      ),
    [commit],
  );

  const upsert = useCallback(
    (aspiration: AspirationView) =>
      mapBoard((board) => ({
        ...board,
        aspirations: board.aspirations.some((a) => a.id === aspiration.id)
          ? board.aspirations.map((a) => (a.id === aspiration.id ? aspiration : a))
          : [...board.aspirations, aspiration],
      })),
    [mapBoard],
  );

  const change = useCallback(
    (id: string, edit: (a: AspirationView) => AspirationView) =>
      mapBoard((board) => ({
        ...board,
        aspirations: board.aspirations.map((a) => (a.id === id ? edit(a) : a)),
      })),
    [mapBoard],
  );

  const latest = useCallback((id: string): AspirationView => {
    const current = stateRef.current;
    const found =
      current.status === 'ready' ? current.board.aspirations.find((a) => a.id === id) : undefined;
    if (!found) throw new Error(`Aspiration ${id} is no longer on this board.`);
    return found;
  }, []);

  const reload = useCallback(async () => {
    try {
      const board = await api.board(employeeId);
      commit(() => ({ status: 'ready', board }));
    } catch (error) {
      commit((current) => (current.status === 'ready' ? current : { status: 'failed', error }));
      throw error;
    }
  }, [api, employeeId, commit]);

  useLoad(
    () => (opening.skipsLoad(api, employeeId) ? null : api.board(employeeId)),
    [api, employeeId, opening],
    {
      loaded: (board) => commit(() => ({ status: 'ready', board })),
      failed: (error) => commit(() => ({ status: 'failed', error })),
    },
  );

  /** Runs writes to one aspiration in order, so each carries the ETag the previous one returned. */
  const enqueue = useCallback(<T>(id: string, work: () => Promise<T>): Promise<T> => {
    const previous = queues.current.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    queues.current.set(id, next);
    void next
      .finally(() => {
        if (queues.current.get(id) === next) queues.current.delete(id);
      })
      .catch(() => undefined);
    return next;
  }, []);

  /**
   * Show `optimistic` now, send `write` (with the latest version), then keep the server's answer
   * or undo exactly what was shown.
   */
  const optimistic = useCallback(
    async (
      id: string,
      edit: (a: AspirationView) => AspirationView,
      revert: Revert,
      write: (current: AspirationView) => Promise<AspirationView | null>,
    ) => {
      change(id, edit);
      try {
        const saved = await enqueue(id, () => write(latest(id)));
        if (saved) upsert(saved);
        else await reload();
      } catch (error) {
        try {
          change(id, revert);
        } catch {
          // Already gone from the board: nothing to undo.
        }
        throw error;
      }
    },
    [change, enqueue, latest, reload, upsert],
  );

  const sendAndKeep = useCallback(
    async (id: string, write: (current: AspirationView) => Promise<AspirationView | null>) => {
      const saved = await enqueue(id, () => write(latest(id)));
      if (saved) upsert(saved);
      else await reload();
    },
    [enqueue, latest, reload, upsert],
  );

  const actions = useMemo<BoardActions>(
    () => ({
      reload,
      async create(input) {
        const created = await api.createAspiration(employeeId, input);
        upsert(created);
        return created;
      },
      async update(id, patch) {
        const before = latest(id);
        let fullPatch = patch;
        if (patch.horizon && patch.horizon !== before.horizon && patch.position === undefined) {
          const current = stateRef.current;
          const target =
            current.status === 'ready'
              ? groupByHorizon(current.board.aspirations)[patch.horizon]
              : [];
          fullPatch = { ...patch, position: positionAtEnd(target, id) };
        }
        const shown = { ...fullPatch, updatedAt: new Date().toISOString() };
        const undo = Object.fromEntries(
          Object.keys(shown).map((key) => [key, before[key as keyof AspirationView]]),
        ) as Partial<AspirationView>;
        await optimistic(
          id,
          (a) => ({ ...a, ...(shown as Partial<AspirationView>) }),
          (a) => ({ ...a, ...undo }),
          (current) => api.updateAspiration(employeeId, current, fullPatch),
        );
      },
      async move(id, direction) {
        const current = stateRef.current;
        if (current.status !== 'ready') return;
        const aspiration = latest(id);
        const position = positionForMove(
          groupByHorizon(current.board.aspirations)[aspiration.horizon],
          id,
          direction,
        );
        if (position === null) return;
        const previous = aspiration.position;
        await optimistic(
          id,
          (a) => ({ ...a, position }),
          (a) => ({ ...a, position: previous }),
          (latestVersion) => api.updateAspiration(employeeId, latestVersion, { position }),
        );
      },
      async remove(id) {
        const removed = latest(id);
        mapBoard((board) => ({
          ...board,
          aspirations: board.aspirations.filter((a) => a.id !== id),
        }));
        try {
          await enqueue(id, () => api.deleteAspiration(employeeId, removed));
        } catch (error) {
          upsert(removed);
          throw error;
        }
      },
      async setStepStatus(id, stepId, status) {
        const previous = latest(id).steps.find((s) => s.id === stepId)?.status ?? 'open';
        const withStatus = (a: AspirationView, value: StepStatus) => ({
          ...a,
          steps: a.steps.map((s) =>
            s.id === stepId
              ? {
                  ...s,
                  status: value,
                  completedAt: value === 'done' ? new Date().toISOString() : null,
                }
              : s,
          ),
        });
        await optimistic(
          id,
          (a) => withStatus(a, status),
          (a) => withStatus(a, previous),
          (current) => api.updateStep(employeeId, current, stepId, { status }),
        );
      },
      addStep: (id, text) =>
        sendAndKeep(id, (current) => api.addStep(employeeId, current, { text })),
      addEvidence: (id, input) =>
        sendAndKeep(id, (current) => api.addEvidence(employeeId, current, input)),
      async acknowledge(id, note) {
        const before = latest(id);
        const current = stateRef.current;
        const by =
          current.status === 'ready' && current.board.manager
            ? { id: current.board.manager.id, displayName: current.board.manager.displayName }
            : { id: current.status === 'ready' ? current.board.viewer.id : '', displayName: 'You' };
        await optimistic(
          id,
          (a) => ({
            ...a,
            acknowledgement: { by, at: new Date().toISOString(), note: note ?? null },
            changedSinceAcknowledged: false,
          }),
          (a) => ({
            ...a,
            acknowledgement: before.acknowledgement,
            changedSinceAcknowledged: before.changedSinceAcknowledged,
          }),
          (latestVersion) => api.acknowledge(employeeId, latestVersion, note),
        );
      },
      addComment: (id, text) =>
        sendAndKeep(id, (current) => api.addComment(employeeId, current, text)),
    }),
    [api, employeeId, enqueue, latest, mapBoard, optimistic, reload, sendAndKeep, upsert],
  );

  return { state, actions };
}
