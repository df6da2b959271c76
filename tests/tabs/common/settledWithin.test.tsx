import { settledWithin } from '../../../tabs/src/common/settledWithin';
import { timed } from '../timed';

describe('a bounded wait', () => {
  test('ends when the work answers, long before the bound', async () => {
    expect(await timed(settledWithin(Promise.resolve('done'), 5_000))).toBeLessThan(1_000);
  });

  test('ends when the work fails too, and does not reject', async () => {
    expect(await timed(settledWithin(Promise.reject(new Error('offline')), 5_000))).toBeLessThan(
      1_000,
    );
  });

  test('ends at the bound when the work never settles', async () => {
    const waited = await timed(settledWithin(new Promise(() => undefined), 50));
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(1_000);
  });
});
