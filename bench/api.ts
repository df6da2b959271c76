import { startCosmosProcess } from '../api/src/local/cosmosProcess';
import type { CosmosProcessReady } from '../api/src/local/cosmosProcess';
import type { ServiceProcess } from '../api/src/local/serviceProcess';
import type { Stack } from '../api/src/local/stack';
import type { BoardView } from '../api/src/contract/boardContract';
import { apiCaller, seedApi } from './apiSeed';
import type { SeededApi } from './apiSeed';
import { startStockCosmos } from './whatIfCosmos';
import { runLoad } from './load';
import type { LoadResult, LoadScenario } from './loadWorker';
import { benchOrg, growTeam } from './org';
import { countCosmosRequests, graphStats, resetGraphStats } from './probes';
import type { CosmosCounter } from './probes';
import { processCpuMs } from './processCpu';
import { progress } from './progress';
import { withStack } from './stacks';
import { median, ratio, round } from './stats';

/**
 * Section 3: the API under load. Board read, aspiration write and team view (a manager with 25
 * reports) at 1, 10 and 50 connections, each beside GET /api/health on the same host at the same
 * concurrency, measured just before them. Cosmos operations per request are counted at the embedded server (probes.ts).
 *
 * The headline runs the stack as shipped. What-ifs at 10 connections, measured in the same run,
 * say where the time goes (see bench/README.md): the stock embedded server, without the two local
 * fixes in api/src/local (whatIfCosmos.ts); an almost empty boards container and one with ten
 * times the ballast, which show whether container size still matters; and that pair
 * again with the Cosmos server in a process of its own, so the API's CPU is read apart from the
 * server's (and from the server's heap, which the ballast grows).
 */

export const CONNECTIONS = [1, 10, 50] as const;
const TEAM_SIZE = 25;
const API_ORG_SIZE = 1000;
const ENDPOINTS = ['boardRead', 'aspirationWrite', 'teamView'] as const;

export type EndpointName = (typeof ENDPOINTS)[number];

export interface LatencyFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses that were not 2xx, socket errors and timeouts. */
  failures: number;
  /**
   * CPU time of the stack's process (API, embedded Cosmos, Graph simulator: one event loop, so
   * one core) per request. When it is CPU-bound, latency at c connections is about c times this.
   */
  serverCpuMsPerRequest: number;
  /**
   * With the Cosmos server in a process of its own (teamViewApart): that process's CPU per
   * request, read from /proc. serverCpuMsPerRequest is then the API's process alone.
   */
  cosmosProcessCpuMsPerRequest?: number;
  statusCodes: Record<string, number>;
}

export interface EndpointRun extends LatencyFigures {
  endpoint: EndpointName;
  connections: number;
  cosmosOpsPerRequest: number;
  graphRequestsPerRequest: number;
  baseline: LatencyFigures & { cosmosOpsPerRequest: number };
  ratios: { rpsVsBaseline: number | null; p99VsBaseline: number | null };
}

export interface ApiVariantResult {
  name: string;
  description: string;
  /** Whether the embedded server ran query-plan requests as queries (the "before" what-if). */
  stockCosmos: boolean;
  ballastAspirations: number;
  /** Cosmos operations of one request on a warm instance, counted alone (no concurrency). */
  singleRequestCosmosOps: Record<EndpointName | 'health', number>;
  runs: EndpointRun[];
}

export interface ApiSection {
  setup: {
    orgSize: number;
    teamSize: number;
    durationSec: number;
    orgChartCacheSeconds: number;
  };
  asShipped: ApiVariantResult;
  whatIf: ApiVariantResult[];
  targets: { boardReadP99At10Ms: number; boardReadP99At10Under50Ms: boolean };
  /**
   * Team view stack CPU per request at 10 connections with ten times the ballast against none,
   * both measured in this run: whether its cost follows the team or the container.
   */
  teamViewVsContainer: {
    noBallastCpuMs: number | null;
    tenfoldBallastCpuMs: number | null;
    ratio: number | null;
    /** Target: ten times the ballast costs at most 1.2× no ballast. */
    within120Percent: boolean | null;
    /**
     * The same pair with the Cosmos server in a process of its own, as Cosmos DB is a service of
     * its own in Azure (teamViewApart): the API's process alone, which is the product's CPU, and
     * the server's process beside it, which in Azure is the service's (billed in request units).
     */
    cosmosApart: {
      rounds: number;
      durationSec: number;
      noBallast: ApartSide;
      tenfoldBallast: ApartSide;
      /** Target, read on the product's own CPU: at most 1.2. */
      apiRatio: number | null;
      apiWithin120Percent: boolean | null;
      cosmosRatio: number | null;
    };
  };
}

/** One side of the paired team-view measure: medians of its rounds, and each round. */
export interface ApartSide {
  apiCpuMs: number;
  cosmosCpuMs: number;
  roundsApiCpuMs: number[];
  roundsCosmosCpuMs: (number | null)[];
  cosmosOpsPerRequest: number;
}

interface Variant {
  name: string;
  description: string;
  stockCosmos: boolean;
  /** Copies of the org's ballast boards: 0 none, 1 the tenant's own, more are other tenants'. */
  ballastCopies: number;
  connections: readonly number[];
  endpoints: readonly EndpointName[];
}

const AS_SHIPPED: Variant = {
  name: 'as shipped',
  description: 'the local stack as `npm start` runs it; every person has a board (ballast)',
  stockCosmos: false,
  ballastCopies: 1,
  connections: CONNECTIONS,
  endpoints: ENDPOINTS,
};
/** Each what-if changes one thing from "as shipped", so its difference is that thing's cost. */
const NO_BALLAST = 'no ballast';
const TENFOLD_BALLAST = '10× ballast';
const WHAT_IFS: Variant[] = [
  {
    name: 'stock embedded server (before)',
    description:
      'the stock embedded server, as before: the SDK’s query-plan requests run as full queries, and every query runs over the whole container; same ballast',
    stockCosmos: true,
    ballastCopies: 1,
    connections: [10],
    endpoints: ENDPOINTS,
  },
  {
    name: NO_BALLAST,
    description: 'as shipped, with only the measured boards in the container',
    stockCosmos: false,
    ballastCopies: 0,
    connections: [10],
    endpoints: ENDPOINTS,
  },
  {
    name: TENFOLD_BALLAST,
    description:
      'as shipped, with ten times the ballast in the container (nine other tenants the size of this one); team view only',
    stockCosmos: false,
    ballastCopies: 10,
    connections: [10],
    endpoints: ['teamView'],
  },
];

export async function benchApi(
  durationSec: number,
  options: { stockCosmosWhatIf: boolean; apartRounds: number },
): Promise<ApiSection> {
  const asShipped = await runVariant(AS_SHIPPED, durationSec);
  const whatIf: ApiVariantResult[] = [];
  for (const variant of WHAT_IFS) {
    // --quick leaves the historical stock-server what-if to the full run (five-minute budget).
    if (variant.stockCosmos && !options.stockCosmosWhatIf) continue;
    whatIf.push(await runVariant(variant, durationSec));
  }
  const boardAt10 = asShipped.runs.find((r) => r.endpoint === 'boardRead' && r.connections === 10)!;
  return {
    setup: {
      orgSize: API_ORG_SIZE,
      teamSize: TEAM_SIZE,
      durationSec,
      // The default (60 s): board reads find the org chart in the per-instance cache.
      orgChartCacheSeconds: 60,
    },
    asShipped,
    whatIf,
    targets: {
      boardReadP99At10Ms: boardAt10.p99Ms,
      boardReadP99At10Under50Ms: boardAt10.p99Ms < 50,
    },
    teamViewVsContainer: teamViewVsContainer(
      whatIf,
      await teamViewApart(durationSec, options.apartRounds),
    ),
  };
}

function teamViewVsContainer(
  whatIf: ApiVariantResult[],
  apart: ApiSection['teamViewVsContainer']['cosmosApart'],
): ApiSection['teamViewVsContainer'] {
  const cpu = (name: string) =>
    whatIf
      .find((v) => v.name === name)
      ?.runs.find((run) => run.endpoint === 'teamView' && run.connections === 10)
      ?.serverCpuMsPerRequest ?? null;
  const none = cpu(NO_BALLAST);
  const tenfold = cpu(TENFOLD_BALLAST);
  const r = none === null || tenfold === null ? null : ratio(tenfold, none);
  return {
    noBallastCpuMs: none,
    tenfoldBallastCpuMs: tenfold,
    ratio: r,
    within120Percent: r === null ? null : r <= 1.2,
    cosmosApart: apart,
  };
}

/** Alternating rounds of the paired measure below: quick 3, full 5. */
export const APART_ROUNDS = { quick: 3, full: 5 } as const;

interface ApartStack {
  stack: Stack;
  scenario: LoadScenario;
  cosmos: ServiceProcess<CosmosProcessReady>;
}

/**
 * The team view at 10 connections on two stacks at once, each with its Cosmos server in a process
 * of its own, as Cosmos DB is a service of its own in Azure: one holding only the measured boards,
 * one ten times the ballast. This process's CPU is then the API's (the product's; the other stack
 * idles meanwhile), and the server's, whose heap the ballast grows, is read apart. Measured in alternating rounds, so that
 * a busy moment of this shared machine falls on both sides rather than one: single short runs of
 * each side differed by ±20% between otherwise equal runs (bench/README.md, "api").
 */
async function teamViewApart(
  durationSec: number,
  rounds: number,
): Promise<ApiSection['teamViewVsContainer']['cosmosApart']> {
  return withApartStack(0, (none) =>
    withApartStack(10, async (tenfold) => {
      const measured = new Map<ApartStack, Measured[]>([
        [none, []],
        [tenfold, []],
      ]);
      for (let n = 0; n < rounds; n++) {
        for (const side of n % 2 === 0 ? [none, tenfold] : [tenfold, none]) {
          const run = await measure(side.stack, side.scenario, 10, durationSec, side.cosmos);
          if (run.figures.failures > 0)
            throw new Error(`api [team view, Cosmos apart]: ${run.figures.failures} failures`);
          measured.get(side)!.push(run);
        }
        progress(
          `api [team view, Cosmos apart]: round ${n + 1}/${rounds}: API ${measured.get(tenfold)!.at(-1)!.figures.serverCpuMsPerRequest} ms/req with 10× ballast, ${measured.get(none)!.at(-1)!.figures.serverCpuMsPerRequest} without`,
        );
      }
      const side = (runs: Measured[]) => ({
        apiCpuMs: round(median(runs.map((r) => r.figures.serverCpuMsPerRequest)), 2),
        cosmosCpuMs: round(
          median(runs.map((r) => r.figures.cosmosProcessCpuMsPerRequest ?? Number.NaN)),
          2,
        ),
        roundsApiCpuMs: runs.map((r) => r.figures.serverCpuMsPerRequest),
        roundsCosmosCpuMs: runs.map((r) => r.figures.cosmosProcessCpuMsPerRequest ?? null),
        cosmosOpsPerRequest: round(median(runs.map((r) => r.cosmosOpsPerRequest)), 2),
      });
      const noBallast = side(measured.get(none)!);
      const tenfoldBallast = side(measured.get(tenfold)!);
      const apiRatio = ratio(tenfoldBallast.apiCpuMs, noBallast.apiCpuMs);
      return {
        rounds,
        durationSec,
        noBallast,
        tenfoldBallast,
        apiRatio,
        apiWithin120Percent: apiRatio === null ? null : apiRatio <= 1.2,
        cosmosRatio: ratio(tenfoldBallast.cosmosCpuMs, noBallast.cosmosCpuMs),
      };
    }),
  );
}

async function withApartStack<T>(
  ballastCopies: number,
  use: (side: ApartStack) => Promise<T>,
): Promise<T> {
  progress(`api [team view, Cosmos apart]: a stack with ${ballastCopies}× ballast`);
  const directory = benchOrg(API_ORG_SIZE, 'api');
  const managerId = growTeam(directory, TEAM_SIZE);
  const cosmos = await startCosmosProcess({ port: 0 });
  try {
    return await withStack(
      { directory, orgChartCacheSeconds: 60, env: { COSMOS_ENDPOINT: cosmos.ready.endpoint } },
      async (stack) => {
        const seeded = await seedApi(stack, managerId, 11, { ballastCopies });
        const scenario = scenariosFor(seeded).teamView;
        for (let i = 0; i < 20; i++) await once(stack, scenario);
        return use({ stack, scenario, cosmos });
      },
    );
  } finally {
    await cosmos.close();
  }
}

async function runVariant(variant: Variant, durationSec: number): Promise<ApiVariantResult> {
  progress(`api [${variant.name}]: starting a fresh stack`);
  const directory = benchOrg(API_ORG_SIZE, 'api');
  const managerId = growTeam(directory, TEAM_SIZE);
  const cosmosServer = variant.stockCosmos ? await startStockCosmos() : null;
  try {
    return await withStack(
      {
        directory,
        orgChartCacheSeconds: 60,
        ...(cosmosServer ? { env: { COSMOS_ENDPOINT: cosmosServer.endpoint } } : {}),
      },
      async (stack) => {
        const seeded = await seedApi(stack, managerId, CONNECTIONS[CONNECTIONS.length - 1] + 1, {
          ballastCopies: variant.ballastCopies,
        });
        const cosmos = countCosmosRequests(cosmosServer?.port ?? stack.ports.cosmos);
        try {
          const scenarios = scenariosFor(seeded);
          // Warm every path (JIT, org-chart cache, SDK metadata caches) before measuring.
          for (const name of ['health', 'boardRead', 'teamView'] as const)
            for (let i = 0; i < 20; i++) await once(stack, scenarios[name]);
          const single = await singleRequestOps(stack, seeded, scenarios, cosmos);
          const runs: EndpointRun[] = [];
          for (const connections of variant.connections) {
            // GET /api/health at the same concurrency, on the same host, just before the endpoints.
            const baseline = await measure(
              stack,
              scenarios.health,
              connections,
              durationSec,
              cosmos,
            );
            progress(
              `api [${variant.name}]: health @${connections}: ${baseline.figures.requestsPerSecond} req/s, p99 ${baseline.figures.p99Ms} ms`,
            );
            for (const endpoint of variant.endpoints) {
              runs.push(
                await measureEndpoint(
                  stack,
                  seeded,
                  scenarios,
                  endpoint,
                  connections,
                  durationSec,
                  cosmos,
                  variant.name,
                  baseline,
                ),
              );
            }
          }
          return {
            name: variant.name,
            description: variant.description,
            stockCosmos: variant.stockCosmos,
            ballastAspirations: seeded.ballastAspirations,
            singleRequestCosmosOps: single,
            runs,
          };
        } finally {
          cosmos.stop();
        }
      },
    );
  } finally {
    await cosmosServer?.close();
  }
}

type Measured = Awaited<ReturnType<typeof measure>>;

async function measureEndpoint(
  stack: Stack,
  seeded: SeededApi,
  scenarios: Scenarios,
  endpoint: EndpointName,
  connections: number,
  durationSec: number,
  cosmos: CosmosCounter,
  label: string,
  baseline: Measured,
): Promise<EndpointRun> {
  // Writers start from the ETags their boards have now: an earlier run moved them on.
  const scenario =
    endpoint === 'aspirationWrite' ? await freshWrites(stack, seeded) : scenarios[endpoint];
  const run = await measure(stack, scenario, connections, durationSec, cosmos);
  progress(
    `api [${label}]: ${endpoint} @${connections}: ${run.figures.requestsPerSecond} req/s, p99 ${run.figures.p99Ms} ms, ${run.cosmosOpsPerRequest} Cosmos ops/request`,
  );
  return {
    endpoint,
    connections,
    ...run.figures,
    cosmosOpsPerRequest: run.cosmosOpsPerRequest,
    graphRequestsPerRequest: run.graphRequestsPerRequest,
    baseline: { ...baseline.figures, cosmosOpsPerRequest: baseline.cosmosOpsPerRequest },
    ratios: {
      rpsVsBaseline: ratio(run.figures.requestsPerSecond, baseline.figures.requestsPerSecond),
      p99VsBaseline: ratio(run.figures.p99Ms, baseline.figures.p99Ms),
    },
  };
}

type Scenarios = Record<'health' | 'boardRead' | 'teamView', LoadScenario>;

function scenariosFor(seeded: SeededApi): Scenarios {
  const bearer = (id: string) => ({ Authorization: `Bearer ${seeded.tokens.get(id)}` });
  const get = (path: string, headers: Record<string, string>): LoadScenario => ({
    kind: 'fixed',
    method: 'GET',
    path,
    headers,
  });
  return {
    health: get('/health', {}),
    boardRead: get(`/boards/${seeded.reader}`, bearer(seeded.reader)),
    teamView: get('/team', bearer(seeded.manager)),
  };
}

/** The write scenario, each writer's aspiration with the ETag its board shows right now. */
async function freshWrites(stack: Stack, seeded: SeededApi): Promise<LoadScenario> {
  const call = apiCaller(stack.urls.api, seeded.tokens);
  const writers = seeded.writers.slice(0, CONNECTIONS[CONNECTIONS.length - 1]);
  const targets = [];
  for (const w of writers) {
    const board = await call<BoardView>('GET', `/boards/${w.employeeId}`, { as: w.employeeId });
    const aspiration = board.aspirations.find((a) => a.id === w.aspirationId)!;
    targets.push({
      path: `/boards/${w.employeeId}/aspirations/${w.aspirationId}`,
      token: seeded.tokens.get(w.employeeId)!,
      etag: aspiration.etag,
    });
  }
  return {
    kind: 'patchAspiration',
    targets,
    titles: ['Senior role in my area', 'Staff role in my area'],
  };
}

async function once(stack: Stack, scenario: LoadScenario): Promise<void> {
  if (scenario.kind !== 'fixed') return;
  const response = await fetch(`${stack.urls.api}${scenario.path}`, { headers: scenario.headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${scenario.path}: ${response.status}`);
}

/** One request at a time, so each count belongs to exactly one request. */
async function singleRequestOps(
  stack: Stack,
  seeded: SeededApi,
  scenarios: Scenarios,
  cosmos: CosmosCounter,
): Promise<Record<EndpointName | 'health', number>> {
  const count = async (work: () => Promise<void>) => {
    cosmos.reset();
    await work();
    return cosmos.count();
  };
  // A writer the load never uses, so its ETag is still the one seeding read.
  const spare = seeded.writers[seeded.writers.length - 1];
  return {
    health: await count(() => once(stack, scenarios.health)),
    boardRead: await count(() => once(stack, scenarios.boardRead)),
    teamView: await count(() => once(stack, scenarios.teamView)),
    aspirationWrite: await count(async () => {
      const response = await fetch(
        `${stack.urls.api}/boards/${spare.employeeId}/aspirations/${spare.aspirationId}`,
        {
          method: 'PATCH',
          headers: {
            Authorization: `Bearer ${seeded.tokens.get(spare.employeeId)}`,
            'Content-Type': 'application/json',
            'If-Match': spare.etag,
          },
          body: JSON.stringify({ title: 'Probe title' }),
        },
      );
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`PATCH probe: ${response.status}`);
    }),
  };
}

async function measure(
  stack: Stack,
  scenario: LoadScenario,
  connections: number,
  durationSec: number,
  /** Counted at the server in this process, or, for a server in its own process, by that process. */
  cosmos: CosmosCounter | ServiceProcess<CosmosProcessReady>,
): Promise<{
  figures: LatencyFigures;
  cosmosOpsPerRequest: number;
  graphRequestsPerRequest: number;
}> {
  await resetGraphStats(stack.urls.dev);
  // The server's own count of requests starts afresh with this call (serviceStats.ts).
  if ('pid' in cosmos) await cosmos.stats();
  else cosmos.reset();
  const apartCpu = 'pid' in cosmos ? processCpuMs(cosmos.pid) : null;
  // This process only serves while the load runs elsewhere: its CPU time is the stack's cost.
  const cpu = process.cpuUsage();
  const result = await runLoad({ url: stack.urls.api, connections, durationSec, scenario });
  const used = process.cpuUsage(cpu);
  const apartUsed =
    'pid' in cosmos && apartCpu !== null ? (processCpuMs(cosmos.pid) ?? apartCpu) - apartCpu : null;
  const cosmosRequests =
    'pid' in cosmos
      ? Object.values((await cosmos.stats()).serverTimes).reduce((sum, n) => sum + n, 0)
      : cosmos.count();
  const graph = await graphStats(stack.urls.dev);
  const perRequest = (total: number) => round(total / Math.max(1, result.requests), 2);
  return {
    figures: {
      ...figures(result),
      serverCpuMsPerRequest: perRequest((used.user + used.system) / 1000),
      ...(apartUsed === null ? {} : { cosmosProcessCpuMsPerRequest: perRequest(apartUsed) }),
    },
    cosmosOpsPerRequest: perRequest(cosmosRequests),
    graphRequestsPerRequest: round(graph.requests / Math.max(1, result.requests), 3),
  };
}

function figures(result: LoadResult): Omit<LatencyFigures, 'serverCpuMsPerRequest'> {
  const ok = Object.entries(result.statusCodes)
    .filter(([code]) => code.startsWith('2'))
    .reduce((a, [, n]) => a + n, 0);
  return {
    requestsPerSecond: round(result.requestsPerSecond, 0),
    p50Ms: round(result.latencyMs.p50, 1),
    p95Ms: round(result.latencyMs.p95, 1),
    p99Ms: round(result.latencyMs.p99, 1),
    requests: result.requests,
    failures: result.requests - ok + result.errors + result.timeouts,
    statusCodes: result.statusCodes,
  };
}
