/**
 * Stopping a pass at once. Every per-pair step of a pass catches its errors and records them as
 * that pair's failure, so one bad pair never stops the rest. An abort is different: it stands for
 * the process going away (the host shutting down, a test killing the pass), so every catch in the
 * pass rethrows it and no lane starts new work. Whatever state it leaves, the next pass resumes.
 */
export class PassAborted extends Error {
  override name = 'PassAborted';
}

export function isPassAborted(error: unknown): error is PassAborted {
  return error instanceof PassAborted;
}

/** For a catch block that records failures: an abort is not a failure, it goes on up. */
export function rethrowIfAborted(error: unknown): void {
  if (isPassAborted(error)) throw error;
}

/**
 * Runs `work` over `items`, at most `limit` at a time. The first error to escape `work` (an abort,
 * or a bug) stops every lane from taking another item; it is rethrown once all work already under
 * way has settled, so nothing of this pass is still running when the caller hears of it.
 */
export async function forEachInLanes<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (failure === null && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(lanes);
  if (failure !== null) throw (failure as { error: unknown }).error;
}
