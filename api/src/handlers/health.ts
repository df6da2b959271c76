import type { HttpResponseInit } from '@azure/functions';

import { json } from '../http/responses';
import type { RouteInput } from '../http/route';

const PROBE_TIMEOUT_MS = 3000;

/** Liveness and dependency reachability, without authentication and without any data. */
export async function getHealth({ services }: RouteInput): Promise<HttpResponseInit> {
  const [cosmos, graph] = await Promise.all([
    probe(async () => {
      await services.cosmos.database.read();
    }),
    probe(async () => {
      // Any HTTP answer (even 401) proves Graph is reachable; only network failure does not.
      await fetch(new URL('v1.0/', services.config.graph.baseUrl), {
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
    }),
  ]);
  const healthy = cosmos.ok && graph.ok;
  return json(healthy ? 200 : 503, {
    status: healthy ? 'healthy' : 'degraded',
    mode: services.config.mode,
    cosmos,
    graph,
  });
}

async function probe(check: () => Promise<void>): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref(),
      ),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}
