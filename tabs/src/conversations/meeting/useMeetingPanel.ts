import { useCallback, useEffect, useRef, useState } from 'react';

import { MEETING_POLL_SECONDS } from '@contract/meetingContract';
import type { MeetingPanelView } from '@contract/meetingContract';
import { ApiProblem } from '../../api/apiProblem';
import type { CareerBoardApi } from '../../api/careerBoardApi';

export type MeetingPanelState =
  | { status: 'loading' }
  /** The API will not show a board here (not our meeting, not the pair, others present). */
  | { status: 'refused'; problem: ApiProblem }
  | { status: 'failed'; error: unknown }
  /** `version` counts the changes seen; `stale` is set while polls fail (the last state stays). */
  | { status: 'ready'; panel: MeetingPanelView; version: number; stale: boolean };

/**
 * The meeting's board, kept live for both people by conditional polling (tabs/README.md: Live in
 * meetings): every few seconds while the panel is visible, a GET with the last ETag in
 * If-None-Match; 304 costs no body, 200 brings the new state. A refusal (someone joined the
 * meeting, the manager changed) takes the board away at once.
 */
export function useMeetingPanel(
  api: CareerBoardApi,
  chatId: string,
  intervalMs = MEETING_POLL_SECONDS * 1000,
): { state: MeetingPanelState; refresh(): Promise<void> } {
  const [state, setState] = useState<MeetingPanelState>({ status: 'loading' });
  const etag = useRef<string | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  const refresh = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const poll = (async () => {
      try {
        const result = await api.meetingPanel(chatId, etag.current);
        if (result.panel) {
          const panel = result.panel;
          etag.current = result.etag;
          setState((current) => ({
            status: 'ready',
            panel,
            version: current.status === 'ready' ? current.version + 1 : 1,
            stale: false,
          }));
        } else {
          setState((current) =>
            current.status === 'ready' && current.stale ? { ...current, stale: false } : current,
          );
        }
      } catch (error) {
        const refused =
          error instanceof ApiProblem &&
          error.status >= 400 &&
          error.status < 500 &&
          error.status !== 429;
        if (refused) {
          etag.current = null;
          setState({ status: 'refused', problem: error });
        } else {
          setState((current) =>
            current.status === 'ready' ? { ...current, stale: true } : { status: 'failed', error },
          );
        }
      }
    })().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = poll;
    return poll;
  }, [api, chatId]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      // A hidden panel (another app open in the meeting) asks nothing; it catches up when shown.
      if (document.visibilityState === 'visible') void refresh();
    }, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, intervalMs]);

  return { state, refresh };
}
