import type { BoardView } from '@contract/boardContract';
import type { CareerBoardApi } from '../../../tabs/src/api/careerBoardApi';
import { withFirstReads } from '../../../tabs/src/api/firstReads';

/** The own board's first reads go out with the session and are handed to the board screen once. */

function countingApi() {
  const calls: string[] = [];
  const api = {
    board: (id: string) => {
      calls.push(`board ${id}`);
      return Promise.resolve({ employee: { id }, aspirations: [] } as unknown as BoardView);
    },
    conversations: (id: string) => {
      calls.push(`conversations ${id}`);
      return Promise.resolve([]);
    },
  } as unknown as CareerBoardApi;
  return { api, calls };
}

describe('first reads', () => {
  it('are asked for at once and handed to the screen, once', async () => {
    const { api, calls } = countingApi();
    const prefetched = withFirstReads(api, 'me');
    expect(calls).toEqual(['board me', 'conversations me']);
    await prefetched.board('me');
    await prefetched.conversations('me');
    expect(calls).toHaveLength(2);
    // A reload after that reads afresh.
    await prefetched.board('me');
    await prefetched.conversations('me');
    expect(calls).toEqual(['board me', 'conversations me', 'board me', 'conversations me']);
  });

  it('are not handed out for someone else’s board', async () => {
    const { api, calls } = countingApi();
    const prefetched = withFirstReads(api, 'me');
    await prefetched.board('report');
    expect(calls).toEqual(['board me', 'conversations me', 'board report']);
  });

  it('fail where the screen takes them, and are never an unhandled rejection before', async () => {
    const failing = {
      board: () => Promise.reject(new Error('offline')),
      conversations: () => Promise.resolve([]),
    } as unknown as CareerBoardApi;
    const prefetched = withFirstReads(failing, 'me');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(prefetched.board('me')).rejects.toThrow('offline');
  });
});
