import { createMailboxLimiter, forEachConcurrently } from '../../../api/src/graph/mailboxLimiter';

describe('the mailbox limiter', () => {
  it('never lets more than 4 requests run at once against one mailbox, and does not hold up others', async () => {
    const limiter = createMailboxLimiter(4);
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    const work = (mailbox: string) =>
      limiter.run(mailbox, async () => {
        inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) + 1);
        peak.set(mailbox, Math.max(peak.get(mailbox) ?? 0, inFlight.get(mailbox)!));
        await new Promise((r) => setTimeout(r, 5));
        inFlight.set(mailbox, inFlight.get(mailbox)! - 1);
      });
    await Promise.all([
      ...Array.from({ length: 20 }, () => work('a')),
      ...Array.from({ length: 3 }, () => work('b')),
    ]);
    expect(peak.get('a')).toBe(4);
    expect(peak.get('b')).toBe(3);
  });

  it('releases its slot when the work fails', async () => {
    const limiter = createMailboxLimiter(1);
    await expect(limiter.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('a', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('runs every item with bounded concurrency', async () => {
    const seen: number[] = [];
    let active = 0;
    let most = 0;
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 2));
      seen.push(n);
      active--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });
});
