import { z } from 'zod';

import { createPrng, hashSeed } from '../demo-org/prng';
import type { Prng } from '../demo-org/prng';

/**
 * Injected failures, so the app's retry and idempotency paths run locally. Once configured
 * (`PUT /dev/graph-faults`), every Graph request the simulator dispatches (a single request or
 * one item of a `$batch`; never the `$batch` envelope itself and never token issuance, which is
 * not Graph) fails with probability `failureRate`, or only mailbox requests with
 * `scope: "mailbox"`. Decisions come from a seeded PRNG, so the same seed and the same sequence of
 * requests give the same failures.
 *
 * A failure normally happens before the request has any effect. With `afterEffectRate`, that
 * fraction of the failed event creations does create the event and then answers 504: the
 * timeout-after-commit that only an idempotent client survives without a double booking.
 */

export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export const faultConfigSchema = z.strictObject({
  failureRate: z.number().min(0).max(1),
  statuses: z
    .array(
      z
        .number()
        .int()
        .refine((s): s is FaultStatus => (FAULT_STATUSES as readonly number[]).includes(s), {
          message: `must be one of ${FAULT_STATUSES.join(', ')}`,
        }),
    )
    .min(1, 'give at least one status'),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  afterEffectRate: z.number().min(0).max(1).default(0),
  /**
   * Seconds in `Retry-After` on injected 429 and 503 responses. 0 by default, so fault-heavy runs
   * stay fast; a client must still honour the header (1 makes the wait visible).
   */
  retryAfterSeconds: z.number().int().min(0).max(60).default(0),
  scope: z.enum(['all', 'mailbox']).default('all'),
});

export type FaultConfig = z.output<typeof faultConfigSchema>;

export interface FaultRequest {
  isMailbox: boolean;
  isEventCreation: boolean;
}

export interface FaultDecision {
  status: FaultStatus;
  /** The request runs (an event is created) before the failure is returned. */
  afterEffect: boolean;
  retryAfterSeconds: number | null;
}

export interface FaultInjector {
  configure(config: FaultConfig): void;
  clear(): void;
  config(): FaultConfig | null;
  /** Whether this request fails, and how; null to let it through. Draws from the PRNG. */
  decide(request: FaultRequest): FaultDecision | null;
}

export function createFaultInjector(): FaultInjector {
  let active: { config: FaultConfig; prng: Prng } | null = null;
  return {
    configure(config) {
      // Hashing spreads small neighbouring seeds (1, 2, 3…) over unrelated sequences.
      const prng = createPrng(hashSeed(`graph-faults:${config.seed}`));
      active = { config: { ...config, statuses: [...config.statuses] }, prng };
    },
    clear() {
      active = null;
    },
    config: () => (active ? { ...active.config, statuses: [...active.config.statuses] } : null),
    decide(request) {
      if (!active) return null;
      const { config, prng } = active;
      if (config.scope === 'mailbox' && !request.isMailbox) return null;
      if (!prng.chance(config.failureRate)) return null;
      const status = prng.pick(config.statuses) as FaultStatus;
      const afterEffect = request.isEventCreation && prng.chance(config.afterEffectRate);
      // Only a timeout can hide a completed write: an after-effect failure is always a 504.
      const final: FaultStatus = afterEffect ? 504 : status;
      return {
        status: final,
        afterEffect,
        retryAfterSeconds: final === 429 || final === 503 ? config.retryAfterSeconds : null,
      };
    },
  };
}
