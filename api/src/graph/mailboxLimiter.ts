/**
 * Outlook allows 4 concurrent requests per app and mailbox; more are throttled (429). Every call
 * that touches a mailbox goes through here, so we never exceed the limit ourselves.
 */
export interface MailboxLimiter {
  run<T>(mailbox: string, work: () => Promise<T>): Promise<T>;
}

export function createMailboxLimiter(concurrentPerMailbox = 4): MailboxLimiter {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  const acquire = async (mailbox: string): Promise<void> => {
    const count = active.get(mailbox) ?? 0;
    if (count < concurrentPerMailbox) {
      active.set(mailbox, count + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = waiting.get(mailbox) ?? [];
      queue.push(resolve);
      waiting.set(mailbox, queue);
    });
  };

  const release = (mailbox: string): void => {
    const queue = waiting.get(mailbox);
    const next = queue?.shift();
    if (next) {
      // The slot passes straight to the next waiter; the count stays the same.
      if (queue!.length === 0) waiting.delete(mailbox);
      next();
      return;
    }
    const count = (active.get(mailbox) ?? 1) - 1;
    if (count === 0) active.delete(mailbox);
    else active.set(mailbox, count);
  };

  return {
    async run(mailbox, work) {
      await acquire(mailbox);
      try {
        return await work();
      } finally {
        release(mailbox);
      }
    },
  };
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(lanes);
}
