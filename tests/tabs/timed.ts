/** How long `wait` took to settle, in ms: for tests of bounded waits. */
export async function timed(wait: Promise<void>): Promise<number> {
  const started = Date.now();
  await wait;
  return Date.now() - started;
}
