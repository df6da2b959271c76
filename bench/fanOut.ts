import { loadavg } from 'node:os';

import { DEFAULT_GRAPH_LATENCY, meanMs } from '../api/src/local/graph-simulator/latencyModel';
import type { GraphLatencyModel } from '../api/src/local/graph-simulator/latencyModel';
import type { DemoDirectory } from '../api/src/local/demo-org/types';
import { startSplitStack } from '../api/src/local/splitStack';
import { runFannedOutPass } from '../api/src/scheduler/fanOut/fannedOutPass';
import { runSchedulePass } from '../api/src/scheduler/schedulePass';
import type { PassSummary } from '../api/src/scheduler/passSummary';
import { startWorkers, totalCpu } from './fanOutWorkers';
import type { WorkerPool, WorkerReport } from './fanOutWorkers';
import { bookableReports, limitsLowerBoundMs, minimumPlan, minimumSyncPages } from './graphMinimum';
import type { MinimumPlan } from './graphMinimum';
import { BENCH_NOW, benchOrg, benchOrgOptions } from './org';
import { graphStats, resetGraphStats } from './probes';
import { childPids, cpuSampler, machineBusyMeter, tcpDropMeter } from './processCpu';
import { summarizeTimes } from '../api/src/local/serviceStats';
import type { ServiceStats, TimeHistogram, TimeSummary } from '../api/src/local/serviceStats';
import { mergeRequestTimes, recordRequestTimes } from './requestTimes';
import type { ServiceName } from './requestTimes';
import type { CpuShare } from './processCpu';
import { progress } from './progress';
import { BENCH_LIMITS, calendarEvents, figuresFrom, total } from './scheduler';
import type { SchedulerPassFigures } from './scheduler';
import { throttledProgress } from './stacks';
import { ratio, round } from './stats';

/**
 * Section "fanout": the scheduling pass fanned out on the `schedule-work` queue to 1, 2, 4 and 8
 * worker processes (fanOutWorker.ts), each run on a fresh stack with the same org, with the Graph
 * simulator's latency model on and the bench's Outlook limits; beside today's single-invocation
 * pass (runSchedulePass) on a fresh stack with the same org and latency. As in Azure, storage and
 * Graph are services apart from the product's processes: the embedded Cosmos server and the Graph
 * simulator each run in a process of their own (api/src/local/splitStack.ts), Azurite in its own;
 * this process is the pass's planner (org-chart sync, enqueueing, waiting), or the whole pass in the
 * baseline, and only the workers book. Each process's CPU is sampled apart, so a run says which
 * one sets the pace.
 */

/**
 * Time the fanned-out pass may take by default: it waits for every work item, and its runs here
 * are measured to the end (`--budget-minutes` shortens it, and the run then says it stopped). The
 * baseline keeps the configured budget of one timer invocation (api/README.md), as it runs in
 * production, and says when it stopped at it.
 */
export const FAN_OUT_BUDGET_MS = 60 * 60_000;

export interface FanOutRunFigures extends SchedulerPassFigures {
  /** null: the baseline, today's pass in one invocation. */
  workers: number | null;
  bookedPerMinute: number;
  /** The minimum calendar requests per pair this run booked (graphMinimum.ts), and the ratio. */
  minimumPerBookedPair: number;
  requestsVsMinimum: number | null;
  /** The fanned-out pass's work items (null for the baseline). */
  workItems: { enqueued: number; done: number; poisoned: number; deferred: number } | null;
  /**
   * CPU of the worker processes from ready to stopped, summed: the product's booking work. Null
   * for the baseline, where the pass shares its process with the simulator and Cosmos (`cpuMs`).
   */
  workerCpuMs: number | null;
  workerCpuPerBookedPairMs: number | null;
  /** The bench's process in the same time: the pass's planner (the whole pass in the baseline). */
  parentCpuMs: number;
  /** Azurite's child process in the same time; null where /proc cannot be read. */
  azuriteCpuMs: number | null;
  /**
   * Each process's CPU over the pass, sampled every second from /proc (processCpu.ts): the
   * embedded Cosmos server's process, the Graph simulator's (dev services), the planner (this
   * process), Azurite, and the workers summed. Null where /proc cannot be read.
   */
  processes: Record<ProcessName, CpuShare> | null;
  /**
   * How long the product's requests to each service took, as it saw them (requestTimes.ts): the
   * workers' in a fanned-out run, this process's in the baseline.
   */
  requestTimes: Record<ServiceName, TimeSummary | null>;
  /** New connections the product opened to each service, and how long each took to be ready. */
  connectTimes: Record<ServiceName, TimeSummary | null>;
  /**
   * The Cosmos server's and the Graph simulator's own view over the pass (serviceStats.ts): time
   * from a request's arrival to its answer at their server, and how late their event loop ran.
   * Server time far below the product's request time means the wait was on the way, not inside.
   */
  services: Record<'cosmos' | 'graph', ServiceView>;
  /** The workers' event-loop delay: mean of their means, and the highest p99 (null: baseline). */
  workerLoopDelay: { meanMs: number; p99Ms: number } | null;
  /** Everything measured, over the wall time × this machine's cores: 1.0 is every core busy. */
  machineShare: number | null;
  /**
   * How busy the machine's cores were during the pass, whoever used them (/proc/stat): near 1.0
   * with a lower `machineShare` means other work on this shared machine took the rest.
   */
  machineBusy: number | null;
  /**
   * Connections dropped because a listening socket's accept backlog was full, and SYNs sent again,
   * during the pass (machine-wide: processCpu.ts). A dropped SYN costs its request 1 s or more.
   */
  tcpDrops: { listenDrops: number; synRetransmits: number } | null;
  /**
   * Work-item runs in progress at once, on average over the pass (the workers' time inside runs
   * over the wall time): what the queue hosts' batch size let the workers overlap.
   */
  runsInFlight: number | null;
  /** Mean time of one run (a manager's item, or a deferral that found a mailbox leased). */
  meanRunMs: number | null;
  workerStartupMs: number | null;
  /** The machine's 1-minute load average when the pass started and ended (others' work too). */
  loadAverage: { start: number; end: number };
  perWorker: { index: number; cpuMs: number; runs: number; failedRuns: number; maxRssMb: number }[];
  /** Wall time of 1 worker / of this run; the ideal is the number of workers. */
  speedupVs1Worker: number | null;
}

export interface ServiceView {
  serverTimes: TimeSummary | null;
  loopDelay: ServiceStats['loopDelay'];
}

export type ProcessName = 'cosmos' | 'graph' | 'planner' | 'azurite' | 'workers';

export interface FanOutSizeResult {
  people: number;
  pairs: number;
  managers: number;
  model: GraphLatencyModel;
  calendarMeanMs: number;
  directoryMeanMs: number;
  /** Every pair booked: the calendar requests that takes, and the busiest mailbox's share. */
  minimum: { requests: number; perBookedPair: number; busiestMailboxRequests: number };
  bound: {
    /** The busiest mailbox's requests × (20 ms + mean latency) / 4 concurrent. */
    perMailboxMs: number;
    /**
     * What must happen one after another: the org-chart read (each `/users/delta` page names
     * the next) and then the busiest manager's getSchedule before its events, 4 at a time.
     */
    criticalPathMs: number;
    boundMs: number;
  };
  baseline: FanOutRunFigures;
  fannedOut: FanOutRunFigures[];
  /** Where scaling falls below 80% of ideal, and what the measured CPU says about why. */
  scaling: string;
}

export interface FanOutSection {
  cores: number;
  /** The fanned-out passes' time budget. */
  budgetMs: number;
  sizes: FanOutSizeResult[];
}

export async function benchFanOut(
  sizes: number[],
  workerCounts: number[],
  cores: number,
  budgetMs = FAN_OUT_BUDGET_MS,
): Promise<FanOutSection> {
  const results: FanOutSizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size, workerCounts, cores, budgetMs));
  return { cores, budgetMs, sizes: results };
}

async function benchSize(
  size: number,
  workerCounts: number[],
  cores: number,
  budgetMs: number,
): Promise<FanOutSizeResult> {
  const model = DEFAULT_GRAPH_LATENCY;
  progress(`fanout ${size}: baseline, today's pass in one invocation, latency on`);
  const { figures: baseline } = await measure(size, null, cores, model, budgetMs);
  progress(
    `fanout ${size}: baseline booked ${baseline.booked} in ${(baseline.passMs / 1000).toFixed(1)} s${baseline.stoppedEarly ? ' (stopped at its budget)' : ''}`,
  );
  const fannedOut: FanOutRunFigures[] = [];
  for (const workers of workerCounts) {
    progress(`fanout ${size}: ${workers} worker process(es), latency on`);
    const { figures } = await measure(size, workers, cores, model, budgetMs);
    fannedOut.push(figures);
    progress(
      `fanout ${size}: ${workers} worker(s) booked ${figures.booked} in ${(figures.passMs / 1000).toFixed(1)} s, worker CPU ${figures.workerCpuMs} ms, parent CPU ${figures.parentCpuMs} ms`,
    );
  }
  const one = fannedOut.find((f) => f.workers === 1);
  for (const f of fannedOut) f.speedupVs1Worker = one ? ratio(one.passMs, f.passMs) : null;

  // The bound assumes every pair booked, whatever a run managed.
  const directory = benchOrg(size);
  const plan = minimumPlan(directory, bookableReports(directory));
  const calendarLatencyMs = BENCH_LIMITS.latencyMs + meanMs(model.calendar);
  const directoryMeanMs = meanMs(model.directory);
  const busiest = plan.busiestMailbox.requests;
  const perMailboxMs = limitsLowerBoundMs(busiest, {
    ...BENCH_LIMITS,
    latencyMs: calendarLatencyMs,
  });
  // One getSchedule (spans here are at most 19 reports), then its events 4 at a time.
  const mailboxChainMs =
    busiest === 0
      ? 0
      : (1 + Math.ceil((busiest - 1) / BENCH_LIMITS.concurrentPerMailbox)) * calendarLatencyMs;
  const criticalPathMs = minimumSyncPages(size) * directoryMeanMs + mailboxChainMs;
  return {
    people: size,
    pairs: plan.pairs,
    managers: plan.managers,
    model,
    calendarMeanMs: round(meanMs(model.calendar), 0),
    directoryMeanMs: round(directoryMeanMs, 0),
    minimum: {
      requests: plan.minimumRequests,
      perBookedPair: round(plan.minimumPerBookedPair, 3),
      busiestMailboxRequests: busiest,
    },
    bound: {
      perMailboxMs: round(perMailboxMs, 0),
      criticalPathMs: round(criticalPathMs, 0),
      boundMs: round(Math.max(perMailboxMs, criticalPathMs), 0),
    },
    baseline,
    fannedOut,
    scaling: describeScaling(fannedOut, cores),
  };
}

/**
 * One pass on a fresh split stack (Cosmos server, Graph simulator and Azurite each in a process of
 * its own): `workers` null is today's pass in one invocation, in this process.
 */
async function measure(
  size: number,
  workers: number | null,
  cores: number,
  model: GraphLatencyModel,
  budgetMs: number,
): Promise<{ figures: FanOutRunFigures }> {
  const directory = benchOrg(size);
  const stack = await startSplitStack({
    directory,
    generatedFrom: benchOrgOptions(size),
    graphCalendarLimits: { ...BENCH_LIMITS },
    graphLatency: model,
  });
  const log = (m: string) => progress(`fanout ${size}: ${m}`);
  let pool: WorkerPool | null = null;
  try {
    pool = workers === null ? null : await startWorkers(stack, workers, log);
    if (pool) log(`${workers} worker(s) ready in ${(pool.startupMs / 1000).toFixed(1)} s`);
    await resetGraphStats(stack.urls.dev);
    const azuritePids = childPids('azurite');
    const sampler = cpuSampler({
      cosmos: [stack.pids.cosmos],
      graph: [stack.pids.devServices],
      planner: [process.pid],
      azurite: azuritePids,
      workers: pool?.pids ?? [],
    });
    const requestTimes = recordRequestTimes(stack.ports);
    // Starts the services' own measurement afresh.
    await stack.serviceStats();
    const machine = machineBusyMeter();
    const tcp = tcpDropMeter();
    const parentCpu = process.cpuUsage();
    const loadAtStart = loadavg()[0];
    const started = performance.now();
    const passProgress = throttledProgress(log);
    const summary: PassSummary =
      pool === null
        ? await runSchedulePass(stack.services, { now: BENCH_NOW, progress: passProgress })
        : await runFannedOutPass(stack.services, {
            now: BENCH_NOW,
            progress: passProgress,
            budgetMs,
          });
    const wallMs = performance.now() - started;
    const machineBusy = machine.read();
    const tcpDrops = tcp.read();
    // Before the workers stop: a process gone from /proc reads as no CPU.
    const processes = sampler.stop();
    const serviceStats = await stack.serviceStats();
    const view = (stats: ServiceStats): ServiceView => ({
      serverTimes: summarizeTimes(stats.serverTimes),
      loopDelay: stats.loopDelay,
    });
    const parent = process.cpuUsage(parentCpu);
    const reports = pool ? await stopWorkers(pool) : [];
    requestTimes.stop();
    const times = pool ? mergeRequestTimes(reports.map((r) => r.requests)) : requestTimes.read();
    const parentCpuMs = (parent.user + parent.system) / 1000;
    const azuriteCpuMs = azuritePids.length > 0 ? (processes?.azurite.cpuMs ?? null) : null;
    const services = processes ? processes.cosmos.cpuMs + processes.graph.cpuMs : null;
    if (Object.keys(summary.failed).length > 0) log(`failures ${JSON.stringify(summary.failed)}`);
    const figures = figuresFrom(
      {
        booked: summary.booked,
        skipped: total(summary.skipped),
        failed: total(summary.failed),
        stoppedEarly: summary.stoppedEarly,
        durationMs: wallMs,
        cpuMs: parentCpuMs,
      },
      await graphStats(stack.urls.dev),
      0,
    );
    const workerCpuMs = pool ? totalCpu(reports).total : null;
    const busyMs = reports.reduce((sum, r) => sum + r.counters.busyMs, 0);
    const runs = reports.reduce((sum, r) => sum + countRuns(r).done + countRuns(r).failed, 0);
    const plan = await planFor(stack.urls.dev, directory);
    return {
      figures: {
        ...figures,
        workers,
        bookedPerMinute: round(summary.booked / (wallMs / 60_000), 1),
        minimumPerBookedPair: round(plan.minimumPerBookedPair, 3),
        requestsVsMinimum: ratio(figures.requestsPerBookedPair, plan.minimumPerBookedPair),
        workItems: pool ? summary.workItems : null,
        workerCpuMs,
        workerCpuPerBookedPairMs:
          workerCpuMs === null || summary.booked === 0
            ? null
            : round(workerCpuMs / summary.booked, 2),
        parentCpuMs: round(parentCpuMs, 0),
        azuriteCpuMs,
        processes,
        workerLoopDelay:
          reports.length === 0
            ? null
            : {
                meanMs: round(
                  reports.reduce((sum, r) => sum + r.loopDelay.meanMs, 0) / reports.length,
                  1,
                ),
                p99Ms: Math.max(...reports.map((r) => r.loopDelay.p99Ms)),
              },
        services: { cosmos: view(serviceStats.cosmos), graph: view(serviceStats.devServices) },
        requestTimes: byService(times.requests),
        connectTimes: byService(times.connects),
        machineShare:
          azuriteCpuMs === null || services === null
            ? null
            : round(
                (parentCpuMs + services + (workerCpuMs ?? 0) + azuriteCpuMs) / (wallMs * cores),
                2,
              ),
        machineBusy: machineBusy === null ? null : round(machineBusy, 2),
        tcpDrops,
        runsInFlight: pool ? round(busyMs / wallMs, 1) : null,
        meanRunMs: runs === 0 ? null : round(busyMs / runs, 0),
        workerStartupMs: pool?.startupMs ?? null,
        loadAverage: { start: round(loadAtStart, 2), end: round(loadavg()[0], 2) },
        perWorker: reports.map((r) => ({
          index: r.index,
          cpuMs: r.cpu.total,
          runs: countRuns(r).done,
          failedRuns: countRuns(r).failed,
          maxRssMb: r.maxRssMb,
        })),
        speedupVs1Worker: null,
      },
    };
  } catch (error) {
    pool?.kill();
    throw error;
  } finally {
    await stack.close();
  }
}

function byService(
  histograms: Record<ServiceName, TimeHistogram>,
): Record<ServiceName, TimeSummary | null> {
  return {
    cosmos: summarizeTimes(histograms.cosmos),
    graph: summarizeTimes(histograms.graph),
    queues: summarizeTimes(histograms.queues),
    other: summarizeTimes(histograms.other),
  };
}

function countRuns(report: WorkerReport): { done: number; failed: number } {
  const all = Object.values(report.counters.runs);
  return {
    done: all.reduce((sum, c) => sum + c.done, 0),
    failed: all.reduce((sum, c) => sum + c.failed, 0),
  };
}

async function stopWorkers(pool: WorkerPool): Promise<WorkerReport[]> {
  const reports = await pool.stop();
  reports.sort((a, b) => a.index - b.index);
  return reports;
}

/** The minimum for what this stack's pass actually booked, per manager. */
async function planFor(devUrl: string, directory: DemoDirectory): Promise<MinimumPlan> {
  const bookedByManager = new Map<string, number>();
  for (const e of await calendarEvents(devUrl))
    bookedByManager.set(e.organizer.id, (bookedByManager.get(e.organizer.id) ?? 0) + 1);
  return minimumPlan(directory, bookedByManager);
}

/** The processes with one event loop each: one of them at a full core caps every worker. */
const SINGLE_PROCESSES: readonly ProcessName[] = ['cosmos', 'graph', 'planner', 'azurite'];
export const PROCESS_LABELS: Record<ProcessName, string> = {
  cosmos: 'Cosmos server',
  graph: 'Graph simulator',
  planner: 'planner',
  azurite: 'Azurite',
  workers: 'workers (summed)',
};
/** A process busy this share of a core (p90 of its 1-s samples) is taken as saturated. */
const SATURATED = 0.9;
/** The machine this busy, with at least this many cores' worth of threads waiting to run: starved. */
const STARVED_BUSY = 0.8;
const STARVED_WAITING_CORES = 1;

/** The single-loop process that was busiest in a run (by p90 of its 1-s samples). */
export function busiestProcess(
  run: FanOutRunFigures,
): { name: ProcessName; share: CpuShare } | null {
  if (!run.processes) return null;
  const processes = run.processes;
  const [name] = [...SINGLE_PROCESSES].sort(
    (a, b) => processes[b].p90Cores - processes[a].p90Cores,
  );
  return { name, share: processes[name] };
}

/**
 * Scaling against 1 worker, and the measured CPU beside it: when one service process (one event
 * loop) is at a full core, more workers only queue on it; when the processes together use
 * (nearly) every core, more workers only share the same CPU, whatever the queue allows.
 */
export function describeScaling(runs: readonly FanOutRunFigures[], cores: number): string {
  const ordered = [...runs].sort((a, b) => (a.workers ?? 0) - (b.workers ?? 0));
  const share = (v: number | null) => (v === null ? '?' : `${Math.round(v * 100)}%`);
  const busiest = (r: FanOutRunFigures) => {
    const b = busiestProcess(r);
    return b
      ? `${PROCESS_LABELS[b.name]} ${b.share.meanCores} of a core (p90 ${b.share.p90Cores})`
      : 'per-process CPU not read';
  };
  const parts = ordered.map(
    (r) =>
      `${r.workers}: ${r.speedupVs1Worker === null ? '–' : `${r.speedupVs1Worker.toFixed(2)}×`} (ours ${share(r.machineShare)}, machine ${share(r.machineBusy)} of ${cores} cores; busiest service ${busiest(r)}; workers ${r.processes?.workers.meanCores ?? '?'} cores; ${r.runsInFlight ?? '?'} runs in flight, ${r.workItems?.deferred ?? 0} deferrals)`,
  );
  const bend = ordered.find(
    (r) =>
      r.workers !== null && r.speedupVs1Worker !== null && r.speedupVs1Worker < 0.8 * r.workers,
  );
  const head = `Speed-up vs 1 worker ${parts.join(', ')}`;
  if (!ordered.some((r) => r.workers === 1))
    return `${head}: no 1-worker run in this run, so scaling is not measured.`;
  if (!bend) return `${head}: within 80% of ideal throughout.`;
  const top = busiestProcess(bend);
  const waitingSum = (r: FanOutRunFigures) => {
    const p = r.processes;
    if (!p) return null;
    return (Object.keys(p) as ProcessName[]).reduce((sum, n) => sum + (p[n].waitingCores ?? 0), 0);
  };
  const waiting = (r: FanOutRunFigures) => {
    const p = r.processes;
    const all = waitingSum(r);
    if (!p || all === null) return '(not read)';
    const names = Object.keys(p) as ProcessName[];
    return `${all.toFixed(2)} cores' worth of the wall time (${names.map((n) => `${PROCESS_LABELS[n]} ${p[n].waitingCores ?? '?'}`).join(', ')})`;
  };
  // Busy short of SATURATED can still be starved: with more runnable threads than cores, the
  // scheduler's own gaps leave a few percent idle while a core's worth or more waits to run.
  const starved =
    bend.machineBusy !== null &&
    (bend.machineBusy >= SATURATED ||
      (bend.machineBusy >= STARVED_BUSY && (waitingSum(bend) ?? 0) >= STARVED_WAITING_CORES));
  const why =
    top && top.share.p90Cores >= SATURATED
      ? `the ${PROCESS_LABELS[top.name]} process was at ${top.share.p90Cores} of a core (p90 of 1-s samples; mean ${top.share.meanCores}): its one event loop serves every worker, so more workers queue on it`
      : starved
        ? `the machine's ${cores} cores were ${share(bend.machineBusy)} busy (ours ${share(bend.machineShare)}, the rest other work on this shared machine) and our processes waited for a core ${waiting(bend)}: CPU-starved, more workers only share the same cores`
        : `no process was at a full core (busiest: ${busiest(bend)}) and the machine was ${share(bend.machineBusy)} busy: the limit is elsewhere — the runs in flight, mailbox leases deferring items (${bend.workItems?.deferred ?? 0}), or the latency path`;
  const one = ordered.find((r) => r.workers === 1)!;
  const rt = (r: FanOutRunFigures, service: ServiceName) => {
    const t = r.requestTimes[service];
    return t ? `${t.meanMs} ms (p99 ${t.p99Ms})` : '?';
  };
  const inside = (r: FanOutRunFigures, service: 'cosmos' | 'graph') => {
    const v = r.services[service];
    return `${v.serverTimes ? `${v.serverTimes.meanMs} ms (p99 ${v.serverTimes.p99Ms})` : '?'} inside its server, loop delay p99 ${v.loopDelay.p99Ms} ms`;
  };
  const waits = `The product's requests there: Cosmos DB ${rt(bend, 'cosmos')} against ${rt(one, 'cosmos')} with 1 worker (${inside(bend, 'cosmos')}), Graph ${rt(bend, 'graph')} against ${rt(one, 'graph')} (${inside(bend, 'graph')}, the latency model's sleep included); the workers' own event loops ran ${bend.workerLoopDelay?.meanMs ?? '?'} ms late on average (worst p99 ${bend.workerLoopDelay?.p99Ms ?? '?'} ms) against ${one.workerLoopDelay?.meanMs ?? '?'} ms with 1 worker`;
  return `${head}: below 80% of ideal from ${bend.workers} workers; there ${why}. ${waits}.`;
}
