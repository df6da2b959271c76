import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * What a local service process says about itself when the one who started it asks
 * (serviceProcess.ts): how long its server took from a request's arrival to the end of its answer,
 * and how late its event loop ran. Beside the service's CPU and the time its clients waited, these
 * say where a slow answer was spent: in the service (its loop busy or the request held), or on the
 * way (the client's loop, a machine without a free core). For measurements only (the bench).
 */

/** Times by whole millisecond; merged by adding. */
export type TimeHistogram = Record<string, number>;

export interface TimeSummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ServiceStats {
  /** Request arrival to the answer's last byte handed to the socket, at this process's server. */
  serverTimes: TimeHistogram;
  /** How late the event loop ran its timers (perf_hooks.monitorEventLoopDelay), ms. */
  loopDelay: { meanMs: number; p99Ms: number; maxMs: number };
}

export function addTime(histogram: TimeHistogram, ms: number): void {
  const key = String(Math.round(ms));
  histogram[key] = (histogram[key] ?? 0) + 1;
}

export function summarizeTimes(histogram: TimeHistogram): TimeSummary | null {
  const entries = Object.entries(histogram)
    .map(([ms, count]) => [Number(ms), count] as const)
    .sort((a, b) => a[0] - b[0]);
  const count = entries.reduce((sum, [, c]) => sum + c, 0);
  if (count === 0) return null;
  const at = (q: number) => {
    let seen = 0;
    for (const [ms, c] of entries) {
      seen += c;
      if (seen >= q * count) return ms;
    }
    return entries[entries.length - 1][0];
  };
  const sum = entries.reduce((total, [ms, c]) => total + ms * c, 0);
  return { count, meanMs: Math.round(sum / count), p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** Starts recording this process's server times and loop delay; `take` reads and starts afresh. */
export function recordServiceStats(): { take(): ServiceStats } {
  let serverTimes: TimeHistogram = {};
  // Node publishes every request a server in this process receives, with its response.
  subscribe('http.server.request.start', (message) => {
    const { response } = message as { request: IncomingMessage; response: ServerResponse };
    const started = performance.now();
    const histogram = serverTimes;
    response.once('finish', () => addTime(histogram, performance.now() - started));
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  return {
    take() {
      const stats: ServiceStats = {
        serverTimes,
        loopDelay: { meanMs: ms(loop.mean), p99Ms: ms(loop.percentile(99)), maxMs: ms(loop.max) },
      };
      serverTimes = {};
      loop.reset();
      return stats;
    },
  };
}
