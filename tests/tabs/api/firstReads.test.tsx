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

/** The board's read fails (offline); the conversations' answers. */
function offlineBoardApi(): CareerBoardApi {
  return {
    board: () => Promise.reject(new Error('offline')),
    conversations: () => Promise.resolve([]),
  } as unknown as CareerBoardApi;
}

describe('first reads', () => {
  it('are asked for at once and handed to the screen, once', async () => {
    const { api, calls } = countingApi();
    const reads = withFirstReads(api, 'me');
    const prefetched = reads.api;
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
    const reads = withFirstReads(api, 'me');
    const prefetched = reads.api;
    await prefetched.board('report');
    expect(calls).toEqual(['board me', 'conversations me', 'board report']);
  });

  it('fail where the screen takes them, and are never an unhandled rejection before', async () => {
    const reads = withFirstReads(offlineBoardApi(), 'me');
    const prefetched = reads.api;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(prefetched.board('me')).rejects.toThrow('offline');
  });

  it('hand an answer that already arrived to the screen that mounts after it, once', async () => {
    const { api, calls } = countingApi();
    const reads = withFirstReads(api, 'me');
    const prefetched = reads.api;
    // Not yet: the requests have not answered.
    expect(prefetched.answered?.board('me')).toBeUndefined();
    await reads.settled(1000);
    expect(prefetched.answered?.board('me')).toEqual({ employee: { id: 'me' }, aspirations: [] });
    expect(prefetched.answered?.conversations('me')).toEqual([]);
    // Taken: the answer is not handed out twice, and the request is not handed out after it.
    expect(prefetched.answered?.board('me')).toBeUndefined();
    await prefetched.board('me');
    expect(calls).toEqual(['board me', 'conversations me', 'board me']);
  });

  it('never hand an answer to someone else’s board, nor one whose request was taken', async () => {
    const { api } = countingApi();
    const reads = withFirstReads(api, 'me');
    const prefetched = reads.api;
    await reads.settled(1000);
    expect(prefetched.answered?.board('report')).toBeUndefined();
    await prefetched.conversations('me');
    expect(prefetched.answered?.conversations('me')).toBeUndefined();
  });

  it('are waited for only as long as asked: a read that never answers does not hold the app', async () => {
    const hanging = {
      board: () => new Promise(() => undefined),
      conversations: () => Promise.resolve([]),
    } as unknown as CareerBoardApi;
    const started = Date.now();
    await withFirstReads(hanging, 'me').settled(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    // Reads that answer are not waited for the whole of it.
    const answering = Date.now();
    await withFirstReads(countingApi().api, 'me').settled(10_000);
    expect(Date.now() - answering).toBeLessThan(1_000);
  });

  it('a read already in hand is not sent: it has answered, once; one not in hand is sent', async () => {
    const { api, calls } = countingApi();
    const inHand = {
      me: () => undefined,
      board: (id: string) => ({ employee: { id }, aspirations: [] }) as unknown as BoardView,
      conversations: () => undefined,
    };
    const reads = withFirstReads({ ...api, inHand }, 'me');
    expect(calls).toEqual(['conversations me']);
    expect(reads.api.answered?.board('me')).toEqual({ employee: { id: 'me' }, aspirations: [] });
    // Taken: a reload of the board now asks the API.
    await reads.api.board('me');
    expect(calls).toEqual(['conversations me', 'board me']);
  });

  it('a failed read is settled too, and fails where the screen takes it', async () => {
    const reads = withFirstReads(offlineBoardApi(), 'me');
    const prefetched = reads.api;
    await reads.settled(10_000);
    expect(prefetched.answered?.board('me')).toBeUndefined();
    await expect(prefetched.board('me')).rejects.toThrow('offline');
  });
});
