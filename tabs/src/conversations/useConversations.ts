import { useCallback, useMemo, useRef, useState } from 'react';

import { staleConversation, withActionDone } from './conversationLogic';
import type { ActionsChange } from './conversationLogic';
import type { ConversationPatch, ConversationView } from '@contract/conversationContract';
import { ApiProblem } from '../api/apiProblem';
import type { CareerBoardApi } from '../api/careerBoardApi';
import { useLoad } from '../common/useLoad';
import { useOpeningRead } from '../common/useOpeningRead';

export type ConversationsState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; conversations: ConversationView[] };

export interface ConversationActions {
  /** Fetches the list again; resolves with it so a caller can rebase on what is saved now. */
  reload(): Promise<ConversationView[]>;
  /** Saves shared notes typed on top of `basedOn`; if others changed them since, a 412. */
  saveSharedNotes(id: string, text: string, basedOn: string): Promise<void>;
  changeActions(id: string, change: ActionsChange): Promise<void>;
  /** Ticks an action at once; untouched again if the API refuses. */
  setActionDone(id: string, itemId: string, done: boolean): Promise<void>;
  savePrivateNotes(id: string, text: string): Promise<void>;
}

/**
 * The conversations on one board and every write to them. Writes to one conversation go out one
 * at a time, each with the ETag the previous one returned; shared changes carry If-Match, private
 * notes do not.
 */
export function useConversations(
  api: CareerBoardApi,
  employeeId: string,
): { state: ConversationsState; actions: ConversationActions } {
  const opening = useOpeningRead(api, employeeId, (answered, id) => answered.conversations(id));
  const [state, setState] = useState<ConversationsState>(
    opening.value ? { status: 'ready', conversations: opening.value } : { status: 'loading' },
  );
  const stateRef = useRef<ConversationsState>(state);
  const queues = useRef(new Map<string, Promise<unknown>>());

  const commit = useCallback((next: (current: ConversationsState) => ConversationsState) => {
    stateRef.current = next(stateRef.current);
    setState(stateRef.current);
  }, []);

  const change = useCallback(
    (id: string, edit: (c: ConversationView) => ConversationView) =>
      commit((current) =>
        current.status === 'ready'
          ? {
              status: 'ready',
              conversations: current.conversations.map((c) => (c.id === id ? edit(c) : c)),
            }
          : current,
      ),
    [commit],
  );

  const latest = useCallback((id: string): ConversationView => {
    const current = stateRef.current;
    const found =
      current.status === 'ready' ? current.conversations.find((c) => c.id === id) : undefined;
    if (!found) throw new ApiProblem(404, 'Not found', 'This conversation is no longer here.');
    return found;
  }, []);

  useLoad(
    () => (opening.skipsLoad(api, employeeId) ? null : api.conversations(employeeId)),
    [api, employeeId, opening],
    {
      loaded: (conversations) => commit(() => ({ status: 'ready', conversations })),
      failed: (error) => commit(() => ({ status: 'failed', error })),
    },
  );

  const reload = useCallback(async () => {
    try {
      const conversations = await api.conversations(employeeId);
      commit(() => ({ status: 'ready', conversations }));
      return conversations;
    } catch (error) {
      commit((current) => (current.status === 'ready' ? current : { status: 'failed', error }));
      throw error;
    }
  }, [api, employeeId, commit]);

  /** Sends the patch `build` makes from the latest version, after any write still in flight. */
  const write = useCallback(
    (
      id: string,
      build: (current: ConversationView) => { patch: ConversationPatch; etag: string | null },
    ) => {
      const previous = queues.current.get(id) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          const { patch, etag } = build(latest(id));
          const saved = await api.updateConversation(employeeId, id, patch, etag);
          change(id, () => saved);
        });
      queues.current.set(id, next);
      void next
        .finally(() => {
          if (queues.current.get(id) === next) queues.current.delete(id);
        })
        .catch(() => undefined);
      return next;
    },
    [api, employeeId, change, latest],
  );

  const actions = useMemo<ConversationActions>(
    () => ({
      reload,
      saveSharedNotes: (id, text, basedOn) =>
        write(id, (current) => {
          if (current.sharedNotes !== basedOn)
            throw staleConversation('These notes were changed by someone else.');
          return { patch: { sharedNotes: text }, etag: current.etag };
        }),
      changeActions: (id, edit) =>
        write(id, (current) => ({
          patch: { actionItems: edit(current.actionItems) },
          etag: current.etag,
        })),
      async setActionDone(id, itemId, done) {
        const before = latest(id).actionItems.find((item) => item.id === itemId)?.done;
        const show = (value: boolean) => (c: ConversationView) => ({
          ...c,
          actionItems: c.actionItems.map((item) =>
            item.id === itemId ? { ...item, done: value } : item,
          ),
        });
        change(id, show(done));
        try {
          await write(id, (current) => ({
            patch: { actionItems: withActionDone(itemId, done)(current.actionItems) },
            etag: current.etag,
          }));
        } catch (error) {
          if (before !== undefined) change(id, show(before));
          throw error;
        }
      },
      savePrivateNotes: (id, text) =>
        write(id, () => ({ patch: { privateNotes: text }, etag: null })),
    }),
    [change, latest, reload, write],
  );

  return { state, actions };
}
