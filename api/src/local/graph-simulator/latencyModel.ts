import { createPrng, hashSeed } from '../demo-org/prng';

/**
 * How long Microsoft Graph takes to answer, for the simulator: a log-normal service time per
 * request, one for calendar (mailbox) requests and one for directory reads, drawn from a seeded
 * generator so a run can be repeated. It sits on top of the Outlook limits (throttling.ts): a
 * calendar request holds its mailbox's concurrency slot for its whole service time, so slow
 * answers make the 4-per-mailbox limit bite as they do in production.
 *
 * Why log-normal: service times are a sum of many small positive delays (network, front door,
 * the mailbox server, its store), which gives a right-skewed distribution with a long tail; the
 * log-normal is the usual model for that and needs only a median and one tail percentile.
 *
 * The default numbers are an ASSUMPTION, not a measurement: Microsoft publishes no latency
 * figures or latency SLO for Graph (its SLA covers availability only), and this machine cannot
 * reach Graph to measure. They are chosen as a realistic order of magnitude for app-only calls
 * from an Azure region to Exchange Online: calendar requests (getSchedule for up to 20 mailboxes,
 * creating one event) median 200 ms with a p99 of 1.5 s; directory reads (a `/users/delta` or
 * `/users` page of up to 999 people, a manager or direct-reports lookup) median 250 ms with a p99
 * of 2 s. Replace them with the percentiles of `request-id` timings from a real tenant when one
 * is available; every figure the bench reports with latency on names the model it used.
 */

export type GraphRequestClass = 'calendar' | 'directory';

export interface LogNormalLatency {
  /** Median service time, ms. */
  medianMs: number;
  /** 99th percentile, ms; at least the median. Sets the tail. */
  p99Ms: number;
}

export interface GraphLatencyModel {
  calendar: LogNormalLatency;
  directory: LogNormalLatency;
  /** No draw exceeds this: Graph gives up on a request long before an unbounded tail would. */
  maxMs: number;
  /** Same seed, same sequence of draws for each class. */
  seed: string;
}

export const DEFAULT_GRAPH_LATENCY: GraphLatencyModel = {
  calendar: { medianMs: 200, p99Ms: 1500 },
  directory: { medianMs: 250, p99Ms: 2000 },
  maxMs: 10_000,
  seed: 'graph-latency',
};

const seededUniform = (seed: string) => createPrng(hashSeed(seed)).next;

/** z of the 99th percentile of the standard normal distribution. */
const Z99 = 2.3263478740408408;

export interface LatencySampler {
  /** The service time of the next request of this class, in whole milliseconds. */
  next(kind: GraphRequestClass): number;
}

export function createLatencySampler(model: GraphLatencyModel): LatencySampler {
  for (const kind of ['calendar', 'directory'] as const) {
    const { medianMs, p99Ms } = model[kind];
    if (!(medianMs > 0) || !(p99Ms >= medianMs) || !Number.isFinite(p99Ms)) {
      throw new Error(
        `Graph latency model: ${kind} needs 0 < median ≤ p99 (got ${medianMs} and ${p99Ms} ms).`,
      );
    }
  }
  // One stream per class, so how calendar and directory requests interleave (which varies with
  // timing) does not change either class's sequence.
  const streams = {
    calendar: logNormal(model.calendar, seededUniform(`graph-latency:${model.seed}:calendar`)),
    directory: logNormal(model.directory, seededUniform(`graph-latency:${model.seed}:directory`)),
  };
  return {
    next: (kind) => Math.min(model.maxMs, Math.round(streams[kind]())),
  };
}

/** The mean of the log-normal (ignoring the cap): median × e^(σ²/2), above the median. */
export function meanMs(latency: LogNormalLatency): number {
  const sigma = Math.log(latency.p99Ms / latency.medianMs) / Z99;
  return latency.medianMs * Math.exp((sigma * sigma) / 2);
}

/** Draws from the log-normal whose median and 99th percentile are the given ones. */
export function logNormal(latency: LogNormalLatency, uniform: () => number): () => number {
  const mu = Math.log(latency.medianMs);
  const sigma = Math.log(latency.p99Ms / latency.medianMs) / Z99;
  return () => Math.exp(mu + sigma * standardNormal(uniform));
}

/** Box–Muller; `1 - u` keeps the logarithm's argument in (0, 1]. */
function standardNormal(uniform: () => number): number {
  const u = 1 - uniform();
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
