import autocannon from 'autocannon';

/**
 * The load generator, run as its own process (see load.ts) so that generating load does not
 * compete with the API for the same event loop: on this 2-core machine the API, embedded Cosmos
 * and Graph simulator share one process and core, autocannon gets the other.
 *
 * Input: one JSON `LoadSpec` as argv[2]. Output: one JSON `LoadResult` line on stdout.
 * Latency percentiles are exact, from every response's own time, not autocannon's histogram.
 */

export type LoadScenario =
  | {
      kind: 'fixed';
      method: 'GET';
      path: string;
      headers: Record<string, string>;
    }
  | {
      /**
       * Each connection edits its own aspiration (on its own board) with If-Match, using the
       * ETag of its previous response, alternating between two titles so every request changes
       * something: a real write path with no 412s.
       */
      kind: 'patchAspiration';
      targets: { path: string; token: string; etag: string }[];
      titles: [string, string];
    };

export interface LoadSpec {
  url: string;
  connections: number;
  durationSec: number;
  scenario: LoadScenario;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const times: number[] = [];
  const statusCodes: Record<string, number> = {};
  let nextTarget = 0;
  const scenario = spec.scenario;

  const options: autocannon.Options = {
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSec,
    timeout: 10,
  };
  if (scenario.kind === 'fixed') {
    options.method = scenario.method;
    options.headers = scenario.headers;
    options.url = `${spec.url}${scenario.path}`;
  } else {
    options.setupClient = (client) => {
      const target = scenario.targets[nextTarget++ % scenario.targets.length];
      let etag = target.etag;
      let flip = 0;
      const request = () => ({
        method: 'PATCH' as const,
        path: new URL(`${spec.url}${target.path}`).pathname,
        headers: {
          Authorization: `Bearer ${target.token}`,
          'Content-Type': 'application/json',
          'If-Match': etag,
        },
        body: JSON.stringify({ title: scenario.titles[flip++ % 2] }),
      });
      client.setRequests([
        {
          ...request(),
          setupRequest: (req: autocannon.Request) => ({ ...req, ...request() }),
          onResponse: (_status: number, _body: string, _ctx: unknown, headers?: unknown) => {
            const found = Object.entries((headers ?? {}) as Record<string, string>).find(
              ([name]) => name.toLowerCase() === 'etag',
            );
            if (found) etag = String(found[1]);
          },
        } as autocannon.Request,
      ]);
    };
  }

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  const output: LoadResult = {
    requests: times.length,
    durationSec: result.duration,
    requestsPerSecond: times.length / result.duration,
    latencyMs: {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: times[times.length - 1] ?? Number.NaN,
      mean,
    },
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
