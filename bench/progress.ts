/**
 * Progress lines on stderr, so stdout stays the readable result table. Every long step says what
 * it is doing and how far it got: a benchmark that looks hung gets killed.
 */

const started = Date.now();

export function progress(message: string): void {
  const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${elapsed}s] ${message}\n`);
}

/** Times an async step and reports its duration when it ends. */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  progress(`${label}…`);
  const result = await work();
  progress(`${label}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}
