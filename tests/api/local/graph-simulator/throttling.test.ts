import { createMailboxThrottle } from '../../../../api/src/local/graph-simulator/throttling';
import type { ThrottleVerdict } from '../../../../api/src/local/graph-simulator/throttling';

/** Outlook's per app-and-mailbox limits, against a clock the test moves by hand. */

const limits = { concurrentPerMailbox: 2, requestsPerWindow: 3, windowMs: 10_000, latencyMs: 0 };

function admitted(verdict: ThrottleVerdict): () => void {
  if (!verdict.admitted) throw new Error(`expected admission, got ${verdict.reason}`);
  return verdict.release;
}

describe('per-mailbox concurrency', () => {
  it('rejects a request while the limit is in flight, and admits it once a slot frees', () => {
    const throttle = createMailboxThrottle({ ...limits, requestsPerWindow: 100 }, () => 0);
    const first = admitted(throttle.admit('app|t|mbx'));
    admitted(throttle.admit('app|t|mbx'));
    expect(throttle.admit('app|t|mbx')).toEqual({
      admitted: false,
      reason: 'MailboxConcurrency',
      retryAfterSeconds: 1,
    });
    first();
    // A second release of the same request must not free a slot it no longer holds.
    first();
    expect(throttle.inFlight('app|t|mbx')).toBe(1);
    admitted(throttle.admit('app|t|mbx'));
    expect(throttle.admit('app|t|mbx').admitted).toBe(false);
  });

  it('counts each mailbox (and each app) on its own', () => {
    const throttle = createMailboxThrottle({ ...limits, requestsPerWindow: 100 }, () => 0);
    admitted(throttle.admit('app|t|a'));
    admitted(throttle.admit('app|t|a'));
    expect(throttle.admit('app|t|a').admitted).toBe(false);
    expect(throttle.admit('app|t|b').admitted).toBe(true);
    expect(throttle.admit('other-app|t|a').admitted).toBe(true);
  });
});

describe('sliding request window', () => {
  it('rejects the request over the limit with Retry-After until the oldest leaves the window', () => {
    let now = 0;
    const throttle = createMailboxThrottle(limits, () => now);
    admitted(throttle.admit('k'))();
    now = 1_000;
    admitted(throttle.admit('k'))();
    now = 2_500;
    admitted(throttle.admit('k'))();
    expect(throttle.admit('k')).toEqual({
      admitted: false,
      reason: 'RequestRate',
      retryAfterSeconds: 8, // the request at 0 leaves the window at 10,000: 7.5 s, rounded up
    });
    now = 9_999;
    expect(throttle.admit('k')).toMatchObject({ admitted: false, retryAfterSeconds: 1 });
    now = 10_000;
    admitted(throttle.admit('k'))();
    // Now the requests at 1,000, 2,500 and 10,000 fill the window; 1,000 leaves at 11,000.
    expect(throttle.admit('k')).toMatchObject({ admitted: false, retryAfterSeconds: 1 });
    now = 11_000;
    expect(throttle.admit('k').admitted).toBe(true);
  });

  it('does not count rejected requests against the window', () => {
    let now = 0;
    const throttle = createMailboxThrottle({ ...limits, requestsPerWindow: 1 }, () => now);
    admitted(throttle.admit('k'))();
    for (let i = 0; i < 5; i++) expect(throttle.admit('k').admitted).toBe(false);
    now = 10_000;
    expect(throttle.admit('k').admitted).toBe(true);
  });

  it('forgets everything on reset', () => {
    const throttle = createMailboxThrottle({ ...limits, requestsPerWindow: 1 }, () => 0);
    admitted(throttle.admit('k'))();
    expect(throttle.admit('k').admitted).toBe(false);
    throttle.reset();
    expect(throttle.admit('k').admitted).toBe(true);
  });
});
