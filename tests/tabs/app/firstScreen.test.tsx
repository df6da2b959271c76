import type { EarlyLocalRequests } from '../../../tabs/src/api/earlyRequests';
import { firstScreenInHand } from '../../../tabs/src/app/firstScreen';
import { timed } from '../timed';

function early(answered: Promise<void>): EarlyLocalRequests {
  return { userId: 'u1', requests: Promise.resolve({}), answers: {}, answered, taken: new Set() };
}

const never = new Promise<void>(() => undefined);

describe('the first render waits for its screen when that is moments away', () => {
  test('with nothing read early (inside Teams, nobody signed in) it does not wait at all', async () => {
    expect(await timed(firstScreenInHand(never, 5_000, null))).toBeLessThan(1_000);
  });

  test('it waits for both the screen’s code and the early reads, not one of them', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let settled = false;
    void firstScreenInHand(Promise.resolve(), 5_000, early(answered)).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(true);
  });

  test('it waits at most as long as asked: a read that never answers does not hold the app', async () => {
    const waited = await timed(firstScreenInHand(never, 50, early(never)));
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(1_000);
  });
});
