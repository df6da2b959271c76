import {
  createFaultInjector,
  faultConfigSchema,
} from '../../../../api/src/local/graph-simulator/faults';
import type { FaultRequest } from '../../../../api/src/local/graph-simulator/faults';

/** Fault injection: a seeded, deterministic sequence of failures. */

const mailboxRead: FaultRequest = { isMailbox: true, isEventCreation: false };
const creation: FaultRequest = { isMailbox: true, isEventCreation: true };
const orgRead: FaultRequest = { isMailbox: false, isEventCreation: false };

const config = (input: Record<string, unknown>) => faultConfigSchema.parse(input);

function sequence(seed: number, count = 200, request: FaultRequest = mailboxRead) {
  const faults = createFaultInjector();
  faults.configure(config({ failureRate: 0.3, statuses: [429, 503, 504], seed }));
  return Array.from({ length: count }, () => faults.decide(request)?.status ?? 200);
}

describe('fault decisions', () => {
  it('repeat exactly for the same seed and differ for another', () => {
    expect(sequence(42)).toEqual(sequence(42));
    expect(sequence(42)).not.toEqual(sequence(43));
  });

  it('restart the sequence when configured again with the same seed', () => {
    const faults = createFaultInjector();
    const settings = config({ failureRate: 0.5, statuses: [503], seed: 7 });
    faults.configure(settings);
    const first = Array.from({ length: 50 }, () => faults.decide(mailboxRead) !== null);
    faults.configure(settings);
    const second = Array.from({ length: 50 }, () => faults.decide(mailboxRead) !== null);
    expect(second).toEqual(first);
  });

  it('fail about failureRate of the requests, with statuses from the list only', () => {
    const statuses = sequence(1, 4000);
    const failed = statuses.filter((s) => s !== 200);
    expect(failed.length / statuses.length).toBeGreaterThan(0.27);
    expect(failed.length / statuses.length).toBeLessThan(0.33);
    expect(new Set(failed)).toEqual(new Set([429, 503, 504]));
  });

  it('never fail at rate 0, always at rate 1, and not at all once cleared', () => {
    const faults = createFaultInjector();
    faults.configure(config({ failureRate: 0, statuses: [500] }));
    expect(Array.from({ length: 100 }, () => faults.decide(mailboxRead))).toEqual(
      new Array(100).fill(null),
    );
    faults.configure(config({ failureRate: 1, statuses: [500] }));
    expect(faults.decide(orgRead)).toEqual({
      status: 500,
      afterEffect: false,
      retryAfterSeconds: null,
    });
    faults.clear();
    expect(faults.decide(mailboxRead)).toBeNull();
    expect(faults.config()).toBeNull();
  });

  it('put Retry-After on injected 429 and 503 only', () => {
    const faults = createFaultInjector();
    faults.configure(config({ failureRate: 1, statuses: [429] }));
    expect(faults.decide(mailboxRead)?.retryAfterSeconds).toBe(0);
    faults.configure(config({ failureRate: 1, statuses: [503], retryAfterSeconds: 1 }));
    expect(faults.decide(mailboxRead)?.retryAfterSeconds).toBe(1);
    faults.configure(config({ failureRate: 1, statuses: [504] }));
    expect(faults.decide(mailboxRead)?.retryAfterSeconds).toBeNull();
  });

  it('let a share of failed event creations take effect first, always as a 504', () => {
    const faults = createFaultInjector();
    faults.configure(
      config({ failureRate: 1, statuses: [429, 503], afterEffectRate: 0.5, seed: 3 }),
    );
    const decisions = Array.from({ length: 400 }, () => faults.decide(creation));
    const after = decisions.filter((d) => d?.afterEffect);
    expect(after.length).toBeGreaterThan(150);
    expect(after.length).toBeLessThan(250);
    for (const d of after)
      expect(d).toEqual({ status: 504, afterEffect: true, retryAfterSeconds: null });
    // Reads never take effect before failing: there is nothing to take effect.
    faults.configure(config({ failureRate: 1, statuses: [503], afterEffectRate: 1 }));
    expect(faults.decide(mailboxRead)?.afterEffect).toBe(false);
  });

  it('leave non-mailbox requests alone with scope "mailbox"', () => {
    const faults = createFaultInjector();
    faults.configure(config({ failureRate: 1, statuses: [503], scope: 'mailbox' }));
    expect(faults.decide(orgRead)).toBeNull();
    expect(faults.decide(mailboxRead)?.status).toBe(503);
  });
});

describe('fault configuration', () => {
  it('has defaults for everything but the rate and statuses', () => {
    expect(config({ failureRate: 0.1, statuses: [503] })).toEqual({
      failureRate: 0.1,
      statuses: [503],
      seed: 1,
      afterEffectRate: 0,
      retryAfterSeconds: 0,
      scope: 'all',
    });
  });

  it.each([
    [{ failureRate: 1.5, statuses: [503] }],
    [{ failureRate: -0.1, statuses: [503] }],
    [{ failureRate: 0.1, statuses: [] }],
    [{ failureRate: 0.1, statuses: [418] }],
    [{ failureRate: 0.1, statuses: [503], seed: 1.5 }],
    [{ failureRate: 0.1, statuses: [503], afterEffectRate: 2 }],
    [{ failureRate: 0.1, statuses: [503], surprise: true }],
    [{ statuses: [503] }],
  ])('rejects %j', (input) => {
    expect(faultConfigSchema.safeParse(input).success).toBe(false);
  });
});
