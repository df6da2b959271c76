import { backoffMs, untilSaved } from '../../../../api/src/handlers/board/contention';
import { Problem } from '../../../../api/src/errors/problem';

const lost = new Error('lost the race');
const lostRace = (error: unknown) => error === lost;
const instant = { budgetMs: 50, random: () => 0.5, sleep: () => Promise.resolve() };

describe('re-applying an append that lost a race', () => {
  it('retries lost races until the write is saved', async () => {
    let calls = 0;
    const saved = await untilSaved(
      async () => {
        calls++;
        if (calls < 30) throw lost;
        return 'saved';
      },
      lostRace,
      { ...instant, budgetMs: 10_000 },
    );
    expect([saved, calls]).toEqual(['saved', 30]);
  });

  it('passes any other failure on at once', async () => {
    const other = new Error('gone');
    let calls = 0;
    const run = untilSaved(
      async () => {
        calls++;
        throw other;
      },
      lostRace,
      instant,
    );
    await expect(run).rejects.toBe(other);
    expect(calls).toBe(1);
  });

  it('answers 409 once the time budget is spent', async () => {
    const slow = {
      ...instant,
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
      random: () => 0.99,
    };
    const run = untilSaved(() => Promise.reject(lost), lostRace, slow);
    await expect(run).rejects.toBeInstanceOf(Problem);
    await expect(run).rejects.toMatchObject({ status: 409 });
  });

  it('spreads retries with a growing, capped, jittered delay', () => {
    expect(backoffMs(0, () => 0.99)).toBeLessThan(5);
    expect(backoffMs(3, () => 0.99)).toBe(39);
    expect(backoffMs(30, () => 0.99)).toBe(198);
    expect(backoffMs(30, () => 0)).toBe(0);
  });
});
