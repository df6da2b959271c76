import { startStack } from '../api/src/local/stack';
import type { Stack, StackOptions } from '../api/src/local/stack';
import type { DemoDirectory } from '../api/src/local/demo-org/types';

/**
 * A fresh local stack on ephemeral ports for one measurement, closed afterwards even when the
 * measurement throws. Fresh means empty Cosmos containers and calendars: runs never share state.
 */
export async function withStack<T>(
  options: { directory: DemoDirectory } & Partial<StackOptions>,
  work: (stack: Stack) => Promise<T>,
): Promise<T> {
  const stack = await startStack({
    ports: { api: 0, tab: 0, dev: 0, cosmos: 0, queues: 0 },
    ...options,
  });
  try {
    return await work(stack);
  } finally {
    await stack.close();
  }
}

/** Passes on long-running product progress, at most one "N managers done" line per interval. */
export function throttledProgress(
  print: (message: string) => void,
  intervalMs = 5000,
): (message: string) => void {
  let last = 0;
  return (message) => {
    const routine = /managers done|work items done/.test(message);
    const now = Date.now();
    if (routine && now - last < intervalMs) return;
    if (routine) last = now;
    print(message);
  };
}
