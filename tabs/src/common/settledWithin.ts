/**
 * Resolves once `work` has settled, either way, or after `ms`, whichever comes first: a wait for
 * something that would help but must not hold anything up. It never rejects.
 */
export function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}
