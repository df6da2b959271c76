/**
 * Outlook's limits per app and mailbox (Graph throttling guidance, "Outlook service limits"):
 * at most 4 requests in flight and 10,000 requests per 10 minutes. Exceeding either gets a 429
 * with `Retry-After`; a request over the concurrency limit is rejected, not queued. Counting is
 * by admitted requests in a sliding window, so Retry-After is exact: the seconds until the oldest
 * admitted request leaves the window.
 */

export interface CalendarLimits {
  /** Requests in flight per app and mailbox. Default 4. */
  concurrentPerMailbox: number;
  /** Requests admitted per app and mailbox within `windowMs`. Default 10,000. */
  requestsPerWindow: number;
  /** Length of the sliding window. Default 600,000 (10 minutes). */
  windowMs: number;
  /** Simulated service time of each mailbox request, holding its concurrency slot. Default 0. */
  latencyMs: number;
}

export const DEFAULT_CALENDAR_LIMITS: CalendarLimits = {
  concurrentPerMailbox: 4,
  requestsPerWindow: 10_000,
  windowMs: 600_000,
  latencyMs: 0,
};

export type ThrottleVerdict =
  | { admitted: true; release: () => void }
  | { admitted: false; reason: 'MailboxConcurrency' | 'RequestRate'; retryAfterSeconds: number };

export interface MailboxThrottle {
  /** Admits a request for `key` (app and mailbox) or says why not; call `release` when done. */
  admit(key: string): ThrottleVerdict;
  /** Requests currently in flight for `key`. */
  inFlight(key: string): number;
  reset(): void;
}

interface MailboxState {
  inFlight: number;
  /** Admission times within the window, oldest first. */
  admitted: number[];
}

export function createMailboxThrottle(
  limits: CalendarLimits,
  now: () => number = Date.now,
): MailboxThrottle {
  const states = new Map<string, MailboxState>();

  const stateOf = (key: string): MailboxState => {
    let state = states.get(key);
    if (!state) {
      state = { inFlight: 0, admitted: [] };
      states.set(key, state);
    }
    return state;
  };

  return {
    admit(key) {
      const state = stateOf(key);
      const at = now();
      const windowStart = at - limits.windowMs;
      // Drop admissions that left the window; the array is ordered, so trim from the front.
      let expired = 0;
      while (expired < state.admitted.length && state.admitted[expired] <= windowStart) expired++;
      if (expired > 0) state.admitted.splice(0, expired);

      if (state.inFlight >= limits.concurrentPerMailbox) {
        return { admitted: false, reason: 'MailboxConcurrency', retryAfterSeconds: 1 };
      }
      if (state.admitted.length >= limits.requestsPerWindow) {
        const freesAt = state.admitted[0] + limits.windowMs;
        return {
          admitted: false,
          reason: 'RequestRate',
          retryAfterSeconds: Math.max(1, Math.ceil((freesAt - at) / 1000)),
        };
      }
      state.inFlight += 1;
      state.admitted.push(at);
      let released = false;
      return {
        admitted: true,
        release: () => {
          if (released) return;
          released = true;
          state.inFlight -= 1;
        },
      };
    },
    inFlight: (key) => states.get(key)?.inFlight ?? 0,
    reset: () => states.clear(),
  };
}
