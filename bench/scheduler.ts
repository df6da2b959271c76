import type { DevCalendarEvent } from '../api/src/local/graph-simulator/calendarDevControls';
import { DEFAULT_GRAPH_LATENCY, meanMs } from '../api/src/local/graph-simulator/latencyModel';
import type { GraphLatencyModel } from '../api/src/local/graph-simulator/latencyModel';
import type { GraphStatsSnapshot } from '../api/src/local/graph-simulator/graphStats';
import { runSchedulePass } from '../api/src/scheduler/schedulePass';
import type { OutlookLimits } from './graphMinimum';
import { limitsLowerBoundMs, minimumPlan } from './graphMinimum';
import type { MinimumPlan } from './graphMinimum';
import { runNaivePass } from './naiveScheduler';
import { BENCH_NOW, BENCH_TENANT, benchOrg } from './org';
import { countCosmosRequests, graphStats, resetGraphStats, splitGraphRequests } from './probes';
import { startStockCosmos } from './whatIfCosmos';
import { progress } from './progress';
import { throttledProgress, withStack } from './stacks';
import { ratio, round } from './stats';

/**
 * Section 1: one scheduling pass over a generated org with the simulator's Outlook limits on,
 * against the naive per-pair pass on a fresh stack with the same org (same calendars).
 */

/**
 * Simulated service time of each mailbox request. Outlook answers getSchedule and event creation
 * in tens of milliseconds; 20 ms makes the 4-per-mailbox limit bite without inflating the run.
 */
export const LATENCY_MS = 20;

export const BENCH_LIMITS: OutlookLimits = {
  concurrentPerMailbox: 4,
  requestsPerWindow: 10_000,
  windowMs: 600_000,
  latencyMs: LATENCY_MS,
};

export interface SchedulerPassFigures {
  booked: number;
  skipped: number;
  failed: number;
  stoppedEarly: boolean;
  passMs: number;
  /**
   * CPU time of the process during the pass. The simulator and embedded Cosmos run in the same
   * process, so CPU ≈ wall time means the pass is bound by this one core, not by Outlook's limits.
   */
  cpuMs: number;
  /** Graph requests for calendars (getSchedule, events), as the simulator counted them. */
  calendarRequests: number;
  orgChartRequests: number;
  /** Teams activity notifications sent (not calendar work, so not in requestsPerBookedPair). */
  notificationRequests: number;
  requestsPerBookedPair: number;
  /** Requests that reached Cosmos DB (records, agenda reads, org chart) per booked pair. */
  cosmosRequestsPerBookedPair: number;
  throttled: number;
  busiestMailboxRequests: number;
  byRoute: Record<string, number>;
}

export interface SchedulerSizeResult {
  people: number;
  pairs: number;
  managers: number;
  product: SchedulerPassFigures;
  baseline: SchedulerPassFigures;
  minimum: {
    requests: number;
    perBookedPair: number;
    getScheduleCalls: number;
    busiestMailboxRequests: number;
    /** Lower bound on the pass time from the limits (busiest mailbox). */
    lowerBoundMs: number;
  };
  ratios: {
    requestsPerPairVsMinimum: number | null;
    requestsPerPairVsBaseline: number | null;
    passTimeVsBaseline: number | null;
    passTimeVsLowerBound: number | null;
  };
  targets: {
    /** At most 1.1× the minimum Graph requests per booked pair. */
    requestsWithin110PercentOfMinimum: boolean;
    /** Only judged for 10,000 people: the pass finishes in under 10 minutes. */
    under10Minutes: boolean | null;
  };
}

/**
 * The product's pass again with the simulator's Graph latency model on (the documented default,
 * an assumption: latencyModel.ts), beside the same size's latency-off pass of this run.
 */
export interface LatencyOnResult {
  people: number;
  model: GraphLatencyModel;
  /** Mean service time of a calendar request the model draws, on top of the 20 ms. */
  calendarMeanMs: number;
  product: SchedulerPassFigures;
  /** The same size's product pass of this run, with latency off. */
  latencyOff: SchedulerPassFigures;
  /** The busiest mailbox's requests against the limits with the model's mean service time. */
  lowerBoundMs: number;
  ratios: {
    passTimeVsLatencyOff: number | null;
    cpuVsLatencyOff: number | null;
    passTimeVsLowerBound: number | null;
  };
}

export interface SchedulerSection {
  limits: OutlookLimits;
  sizes: SchedulerSizeResult[];
  latencyOn: LatencyOnResult;
  /**
   * The largest size again on the stock embedded server (before its two local fixes); null in
   * --quick, which leaves the historical what-ifs to the full run to stay under five minutes.
   */
  whatIfStockCosmos: {
    people: number;
    passMs: number;
    booked: number;
    passTimeVsAsShipped: number | null;
  } | null;
}

export async function benchScheduler(
  sizes: number[],
  latencySize: number,
  options: { whatIfs: boolean },
): Promise<SchedulerSection> {
  const results: SchedulerSizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size));
  const latencyOn = await benchLatencyOn(latencySize, results);
  if (!options.whatIfs)
    return { limits: BENCH_LIMITS, sizes: results, latencyOn, whatIfStockCosmos: null };
  const largest = sizes[sizes.length - 1];
  progress(`scheduler ${largest}: what-if, the product pass on the stock embedded Cosmos`);
  const { figures } = await productPass(largest, true);
  const asShipped = results[results.length - 1].product;
  return {
    limits: BENCH_LIMITS,
    sizes: results,
    latencyOn,
    whatIfStockCosmos: {
      people: largest,
      passMs: figures.passMs,
      booked: figures.booked,
      passTimeVsAsShipped: ratio(figures.passMs, asShipped.passMs),
    },
  };
}

async function benchSize(size: number): Promise<SchedulerSizeResult> {
  progress(`scheduler ${size}: product pass on a fresh stack (latency ${LATENCY_MS} ms/request)`);
  const { figures: product, plan } = await productPass(size, false);
  progress(
    `scheduler ${size}: product booked ${product.booked} in ${(product.passMs / 1000).toFixed(1)} s, ${product.calendarRequests} calendar requests`,
  );

  progress(`scheduler ${size}: naive baseline on a fresh stack with the same org`);
  const baseline = await withStack(
    { directory: benchOrg(size), graphCalendarLimits: { ...BENCH_LIMITS } },
    async (stack) => {
      const cosmos = countCosmosRequests(stack.ports.cosmos);
      try {
        await resetGraphStats(stack.urls.dev);
        const cpu = process.cpuUsage();
        const naive = await runNaivePass(stack.services, BENCH_TENANT.tenantId, BENCH_NOW, (m) =>
          progress(`scheduler ${size}: ${m}`),
        );
        const used = process.cpuUsage(cpu);
        return figuresFrom(
          { ...naive, cpuMs: (used.user + used.system) / 1000 },
          await graphStats(stack.urls.dev),
          cosmos.count(),
        );
      } finally {
        cosmos.stop();
      }
    },
  );
  progress(
    `scheduler ${size}: naive booked ${baseline.booked} in ${(baseline.passMs / 1000).toFixed(1)} s, ${baseline.calendarRequests} calendar requests`,
  );
  return summarise(size, product, baseline, plan, BENCH_LIMITS);
}

async function benchLatencyOn(
  size: number,
  sizes: SchedulerSizeResult[],
): Promise<LatencyOnResult> {
  const off = sizes.find((z) => z.people === size);
  if (!off) throw new Error(`The latency-on pass needs a latency-off pass at ${size} people`);
  const model = DEFAULT_GRAPH_LATENCY;
  progress(
    `scheduler ${size}: product pass with Graph latency on (calendar median ${model.calendar.medianMs} ms, p99 ${model.calendar.p99Ms} ms)`,
  );
  const { figures: product, plan } = await productPass(size, false, model);
  progress(
    `scheduler ${size}: latency on, booked ${product.booked} in ${(product.passMs / 1000).toFixed(1)} s`,
  );
  const calendarMeanMs = meanMs(model.calendar);
  const lowerBoundMs = limitsLowerBoundMs(plan.busiestMailbox.requests, {
    ...BENCH_LIMITS,
    latencyMs: BENCH_LIMITS.latencyMs + calendarMeanMs,
  });
  return {
    people: size,
    model,
    calendarMeanMs: round(calendarMeanMs, 0),
    product,
    latencyOff: off.product,
    lowerBoundMs: round(lowerBoundMs, 0),
    ratios: {
      passTimeVsLatencyOff: ratio(product.passMs, off.product.passMs),
      cpuVsLatencyOff: ratio(product.cpuMs, off.product.cpuMs),
      passTimeVsLowerBound: ratio(product.passMs, lowerBoundMs),
    },
  };
}

/**
 * The product's pass on a fresh stack. `stockCosmos` swaps in the stock embedded Cosmos server,
 * without the local fixes (see whatIfCosmos.ts), for the what-if figure; `graphLatency` turns the
 * simulator's latency model on.
 */
async function productPass(
  size: number,
  stockCosmos: boolean,
  graphLatency?: GraphLatencyModel,
): Promise<{ figures: SchedulerPassFigures; plan: MinimumPlan }> {
  const cosmosServer = stockCosmos ? await startStockCosmos() : null;
  try {
    return await withStack(
      {
        directory: benchOrg(size),
        graphCalendarLimits: { ...BENCH_LIMITS },
        graphLatency,
        ...(cosmosServer ? { env: { COSMOS_ENDPOINT: cosmosServer.endpoint } } : {}),
      },
      async (stack) => {
        const cosmos = countCosmosRequests(cosmosServer?.port ?? stack.ports.cosmos);
        try {
          await resetGraphStats(stack.urls.dev);
          const cpu = process.cpuUsage();
          const summary = await runSchedulePass(stack.services, {
            now: BENCH_NOW,
            progress: throttledProgress((m) => progress(`scheduler ${size}: ${m}`)),
          });
          const used = process.cpuUsage(cpu);
          if (Object.keys(summary.failed).length > 0)
            progress(`scheduler ${size}: failures ${JSON.stringify(summary.failed)}`);
          const stats = await graphStats(stack.urls.dev);
          const figures = figuresFrom(
            {
              booked: summary.booked,
              skipped: total(summary.skipped),
              failed: total(summary.failed),
              stoppedEarly: summary.stoppedEarly,
              durationMs: summary.durationMs,
              cpuMs: (used.user + used.system) / 1000,
            },
            stats,
            cosmos.count(),
          );
          const bookedByManager = new Map<string, number>();
          for (const e of await calendarEvents(stack.urls.dev))
            bookedByManager.set(e.organizer.id, (bookedByManager.get(e.organizer.id) ?? 0) + 1);
          return { figures, plan: minimumPlan(stack.orgStore.snapshot(), bookedByManager) };
        } finally {
          cosmos.stop();
        }
      },
    );
  } finally {
    await cosmosServer?.close();
  }
}

export function figuresFrom(
  pass: {
    booked: number;
    skipped: number;
    failed: number;
    stoppedEarly?: boolean;
    durationMs: number;
    cpuMs: number;
  },
  stats: GraphStatsSnapshot,
  cosmosRequests: number,
): SchedulerPassFigures {
  const split = splitGraphRequests(stats);
  return {
    booked: pass.booked,
    skipped: pass.skipped,
    failed: pass.failed,
    stoppedEarly: pass.stoppedEarly ?? false,
    passMs: round(pass.durationMs, 0),
    cpuMs: round(pass.cpuMs, 0),
    calendarRequests: split.calendar,
    orgChartRequests: split.orgChart,
    notificationRequests: split.notifications,
    requestsPerBookedPair: perPair(split.calendar, pass.booked),
    cosmosRequestsPerBookedPair: perPair(cosmosRequests, pass.booked),
    throttled: stats.throttled,
    busiestMailboxRequests: Math.max(0, ...Object.values(stats.byMailbox)),
    byRoute: split.byRoute,
  };
}

function summarise(
  size: number,
  product: SchedulerPassFigures,
  baseline: SchedulerPassFigures,
  plan: MinimumPlan,
  limits: OutlookLimits,
): SchedulerSizeResult {
  const lowerBoundMs = limitsLowerBoundMs(plan.busiestMailbox.requests, limits);
  return {
    people: size,
    pairs: plan.pairs,
    managers: plan.managers,
    product,
    baseline,
    minimum: {
      requests: plan.minimumRequests,
      perBookedPair: round(plan.minimumPerBookedPair, 3),
      getScheduleCalls: plan.getScheduleCalls,
      busiestMailboxRequests: plan.busiestMailbox.requests,
      lowerBoundMs: round(lowerBoundMs, 0),
    },
    ratios: {
      requestsPerPairVsMinimum: ratio(product.requestsPerBookedPair, plan.minimumPerBookedPair),
      requestsPerPairVsBaseline: ratio(
        product.requestsPerBookedPair,
        baseline.requestsPerBookedPair,
      ),
      passTimeVsBaseline: ratio(product.passMs, baseline.passMs),
      passTimeVsLowerBound: ratio(product.passMs, lowerBoundMs),
    },
    targets: {
      requestsWithin110PercentOfMinimum:
        product.requestsPerBookedPair <= 1.1 * plan.minimumPerBookedPair,
      under10Minutes: size >= 10_000 ? product.passMs < 600_000 && !product.stoppedEarly : null,
    },
  };
}

export async function calendarEvents(devUrl: string): Promise<DevCalendarEvent[]> {
  const response = await fetch(`${devUrl}/dev/calendar-events`);
  if (!response.ok) throw new Error(`Could not list calendar events: ${response.status}`);
  return (await response.json()) as DevCalendarEvent[];
}

function perPair(requests: number, booked: number): number {
  return booked === 0 ? 0 : round(requests / booked, 3);
}

export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
