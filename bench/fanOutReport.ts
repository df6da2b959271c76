import { PROCESS_LABELS } from './fanOut';
import type {
  FanOutRunFigures,
  FanOutSection,
  FanOutSizeResult,
  ProcessName,
  ServiceView,
} from './fanOut';
import type { TimeSummary } from '../api/src/local/serviceStats';

/** The fan-out section's table for results.md: one row per run, the baseline first. */

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

export function renderFanOut(r: FanOutSection): string[] {
  return r.sizes.flatMap((z) => renderSize(z, r.cores));
}

function renderSize(z: FanOutSizeResult, cores: number): string[] {
  const row = (name: string, f: FanOutRunFigures) =>
    `| ${name} | ${s(f.passMs)}${f.stoppedEarly ? ' (stopped at its budget)' : ''} | ${f.booked} | ${f.bookedPerMinute} | ${f.requestsPerBookedPair} (min ${f.minimumPerBookedPair}: ${f.requestsVsMinimum === null ? '–' : `${f.requestsVsMinimum.toFixed(2)}×`}) | ${f.throttled} | ${f.workerCpuMs === null ? `– (pass in the stack: ${s(f.cpuMs)})` : `${s(f.workerCpuMs)} · ${f.workerCpuPerBookedPairMs} ms`} | ${s(f.parentCpuMs)} | ${f.azuriteCpuMs === null ? '–' : s(f.azuriteCpuMs)} | ${pct(f.machineShare)} (machine ${pct(f.machineBusy)}) | ${f.speedupVs1Worker === null ? '–' : `${f.speedupVs1Worker.toFixed(2)}× (ideal ${f.workers}×)`} | ${f.workItems ? `${f.workItems.enqueued} / ${f.workItems.done} / ${f.workItems.poisoned} / ${f.workItems.deferred}` : '–'} | ${f.runsInFlight === null ? '–' : `${f.runsInFlight} · ${f.meanRunMs} ms`} | ${f.loadAverage.start} → ${f.loadAverage.end} |`;
  const runs: [string, FanOutRunFigures][] = [
    ['baseline: one invocation', z.baseline],
    ...z.fannedOut.map((f): [string, FanOutRunFigures] => [`${f.workers} worker process(es)`, f]),
  ];
  return [
    `### ${z.people} people (${z.pairs} pairs, ${z.managers} managers), Graph latency on`,
    '',
    `Latency model: calendar median ${z.model.calendar.medianMs} ms / p99 ${z.model.calendar.p99Ms} ms (mean ${z.calendarMeanMs} ms) on top of the 20 ms per mailbox request, directory median ${z.model.directory.medianMs} ms / p99 ${z.model.directory.p99Ms} ms (mean ${z.directoryMeanMs} ms), seed "${z.model.seed}" (an assumption: latencyModel.ts). With every pair booked: at least ${z.minimum.requests} calendar requests (${z.minimum.perBookedPair} per pair), the busiest mailbox ${z.minimum.busiestMailboxRequests}.`,
    `Bound from the limits and the latency: per mailbox ${s(z.bound.perMailboxMs)}, serial critical path (org-chart pages, then the busiest manager's getSchedule and its events 4 at a time) ${s(z.bound.criticalPathMs)}: no pass can finish before ${s(z.bound.boundMs)}.`,
    '',
    "| run | wall time | booked | booked/min | calendar requests per booked pair | throttled | workers' CPU · per booked pair | planner process CPU | Azurite CPU | CPU used of " +
      `${cores} cores (ours; machine) | speed-up vs 1 worker | work items enqueued / done / poisoned / deferred | runs in flight · mean run | load average |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(([name, f]) => row(name, f)),
    '',
    'CPU by process over each pass: CPU time · mean cores (CPU over wall time) · p90 of 1-s samples, in cores (1.00 = one core busy) · waiting for a core (time its threads were ready to run but not running, over wall time, Linux schedstat). The Cosmos server, the Graph simulator (dev services) and Azurite each run in a process of their own; the planner is the bench process (the whole pass in the baseline).',
    '',
    `| run | ${PROCESS_NAMES.map((n) => PROCESS_LABELS[n]).join(' | ')} |`,
    `| --- | ${PROCESS_NAMES.map(() => '---').join(' | ')} |`,
    ...runs.map(([name, f]) => cpuRow(name, f)),
    '',
    "Where the product's requests waited: their time from start to response headers as the workers (the baseline: the bench process) saw them; the time inside the service's own server (arrival to answer) and how late its event loop ran; new connections and their time to be ready; the workers' event-loop delay; TCP connections dropped by a full accept backlog and SYNs resent, machine-wide.",
    '',
    "| run | to Cosmos DB: count · mean / p99 | to Graph | to Azurite | inside the Cosmos server: mean / p99 · loop delay p99 | inside the Graph simulator | new connections to Cosmos DB: count · mean / p99 | to Graph | workers' loop delay: mean · worst p99 | TCP listen drops · SYN resends |",
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(([name, f]) => waitRow(name, f)),
    '',
    z.scaling,
    '',
  ];
}

const PROCESS_NAMES: readonly ProcessName[] = ['cosmos', 'graph', 'planner', 'azurite', 'workers'];

function cpuRow(name: string, f: FanOutRunFigures): string {
  const cell = (n: ProcessName) => {
    const p = f.processes?.[n];
    return p
      ? `${s(p.cpuMs)} · ${p.meanCores.toFixed(2)} · ${p.p90Cores.toFixed(2)} · ${p.waitingCores === null ? '–' : p.waitingCores.toFixed(2)}`
      : '–';
  };
  return `| ${name} | ${PROCESS_NAMES.map(cell).join(' | ')} |`;
}

function waitRow(name: string, f: FanOutRunFigures): string {
  const times = (t: TimeSummary | null) => (t ? `${t.count} · ${t.meanMs} / ${t.p99Ms} ms` : '–');
  const r = f.requestTimes;
  const inside = (v: ServiceView) =>
    `${v.serverTimes ? `${v.serverTimes.meanMs} / ${v.serverTimes.p99Ms} ms` : '–'} · ${v.loopDelay.p99Ms} ms`;
  const loop = f.workerLoopDelay;
  return `| ${name} | ${times(r.cosmos)} | ${times(r.graph)} | ${times(r.queues)} | ${inside(f.services.cosmos)} | ${inside(f.services.graph)} | ${times(f.connectTimes.cosmos)} | ${times(f.connectTimes.graph)} | ${loop ? `${loop.meanMs} · ${loop.p99Ms} ms` : '–'} | ${f.tcpDrops ? `${f.tcpDrops.listenDrops} · ${f.tcpDrops.synRetransmits}` : '–'} |`;
}
