import { renderHook } from '@testing-library/react';

import type { BoardView } from '../../../api/src/contract/boardContract';
import type { CareerBoardApi } from '../../../tabs/src/api/careerBoardApi';
import { useOpeningRead } from '../../../tabs/src/common/useOpeningRead';
import { fakeApi } from '../renderWithSession';

/** A screen opens with a first read that already answered, and skips that one load only. */

const BOARD = { employee: { id: 'me' }, aspirations: [] } as unknown as BoardView;

function apiAnswering(): CareerBoardApi {
  let taken = false;
  return fakeApi({
    answered: {
      board: (id) => {
        if (taken || id !== 'me') return undefined;
        taken = true;
        return BOARD;
      },
      conversations: () => undefined,
    },
  });
}

describe('opening with a read that already answered', () => {
  it('opens with it and skips the first load for that person, once', () => {
    const api = apiAnswering();
    const { result } = renderHook(() => useOpeningRead(api, 'me', (a, id) => a.board(id)));
    expect(result.current.value).toBe(BOARD);
    expect(result.current.skipsLoad(api, 'me')).toBe(true);
    // A retry, or the same person again after someone else: the API is asked.
    expect(result.current.skipsLoad(api, 'me')).toBe(false);
  });

  it('never skips a load for another person or another API', () => {
    const api = apiAnswering();
    const { result } = renderHook(() => useOpeningRead(api, 'me', (a, id) => a.board(id)));
    expect(result.current.skipsLoad(api, 'report')).toBe(false);
    expect(result.current.skipsLoad(apiAnswering(), 'me')).toBe(false);
    expect(result.current.skipsLoad(api, 'me')).toBe(true);
  });

  it('without an answer in hand, nothing is skipped', () => {
    const api = fakeApi();
    const { result } = renderHook(() => useOpeningRead(api, 'me', (a, id) => a.board(id)));
    expect(result.current.value).toBeUndefined();
    expect(result.current.skipsLoad(api, 'me')).toBe(false);
  });
});
