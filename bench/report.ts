import { renderFanOut } from './fanOutReport';
import { renderMeeting } from './meeting';
import type { ApiSection, EndpointRun } from './api';
import type { OrgSyncSection } from './orgSync';
import type { BenchResults } from './results';
import { isError } from './results';
import type { SchedulerSection } from './scheduler';
import type { TabSection } from './tab';

/**
 * The readable side of results.json: markdown tables (printed to stdout and written to
 * bench/results.md), each figure beside its baseline, the ratio, and the target where the issue
 * sets one.
 */

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const x = (r: number | null) => (r === null ? '–' : `${r.toFixed(2)}×`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? 'met' : '**missed**');

function table(header: string[], rows: (string | number)[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export function renderReport(results: BenchResults): string {
  const m = results.meta;
  const lines = [
    `# Benchmark results (${m.mode})`,
    '',
    `\`${m.command}\` · started ${m.startedAt} · took ${s(m.durationSec * 1000)} · commit ${m.gitCommit ?? 'unknown'}`,
    `Machine: ${m.machine.cpus} × ${m.machine.cpuModel}, ${m.machine.memoryGB} GB, Node ${m.machine.node} (${m.machine.platform})`,
    `Load average (1 min) at start → end of each section: ${Object.entries(m.machineLoad)
      .map(([name, l]) => `${name} ${l.start} → ${l.end}`)
      .join(', ')} (above ${m.machine.cpus}, other work was competing for the CPU).`,
    '',
  ];
  lines.push('## scheduler', '', ...section(results.scheduler, scheduler), '');
  lines.push('## fanout', '', ...section(results.fanout ?? null, renderFanOut), '');
  lines.push('## orgSync', '', ...section(results.orgSync, orgSync), '');
  lines.push('## api', '', ...section(results.api, api), '');
  lines.push('## tab', '', ...section(results.tab, tab), '');
  lines.push('## meeting', '', ...section(results.meeting ?? null, renderMeeting), '');
  return `${lines.join('\n')}\n`;
}

function section<T>(value: T | { error: string } | null, render: (v: T) => string[]): string[] {
  if (value === null) return ['Not run (see `--only`).'];
  if (isError(value)) return [`**Failed:** ${value.error}`];
  return render(value);
}

function scheduler(r: SchedulerSection): string[] {
  const l = r.limits;
  const out = [
    `Simulator limits: ${l.concurrentPerMailbox} concurrent and ${l.requestsPerWindow} requests per ${l.windowMs / 60000} min per mailbox, ${l.latencyMs} ms per mailbox request. Baseline: naive pass (getSchedule for one pair, then one event, sequentially) on a fresh stack with the same org.`,
    `Graph latency on (one pass, beside the same size's latency-off pass): log-normal service time, calendar median ${r.latencyOn.model.calendar.medianMs} ms / p99 ${r.latencyOn.model.calendar.p99Ms} ms (mean ${r.latencyOn.calendarMeanMs} ms) on top of the ${l.latencyMs} ms, directory median ${r.latencyOn.model.directory.medianMs} ms / p99 ${r.latencyOn.model.directory.p99Ms} ms, seed "${r.latencyOn.model.seed}"; the numbers are an assumption (api/src/local/graph-simulator/latencyModel.ts).`,
    '',
  ];
  const rows: (string | number)[][] = [];
  for (const z of r.sizes) {
    const p = z.product;
    const b = z.baseline;
    rows.push(
      [
        `${z.people} people (${z.pairs} pairs, ${z.managers} managers)`,
        'Graph requests per booked pair',
        `${p.requestsPerBookedPair} (${p.calendarRequests} for ${p.booked} booked; min ${z.minimum.perBookedPair})`,
        `${b.requestsPerBookedPair} (${b.calendarRequests} for ${b.booked})`,
        x(z.ratios.requestsPerPairVsBaseline),
        `≤ 1.1× minimum: ${x(z.ratios.requestsPerPairVsMinimum)}`,
        mark(z.targets.requestsWithin110PercentOfMinimum),
      ],
      [
        '',
        'Pass time (CPU time)',
        `${s(p.passMs)} (${s(p.cpuMs)})${p.stoppedEarly ? ', stopped at its budget' : ''}`,
        `${s(b.passMs)} (${s(b.cpuMs)})`,
        x(z.ratios.passTimeVsBaseline),
        z.targets.under10Minutes === null ? '(judged at 10,000)' : '< 10 min',
        mark(z.targets.under10Minutes),
      ],
      [
        '',
        'Lower bound from limits (busiest mailbox)',
        `${z.minimum.lowerBoundMs} ms (${z.minimum.busiestMailboxRequests} requests)`,
        '',
        `pass ${x(z.ratios.passTimeVsLowerBound)} the bound`,
        '',
        '',
      ],
      [
        '',
        'Org-chart requests · notifications sent · Cosmos requests per booked pair · throttled',
        `${p.orgChartRequests} · ${p.notificationRequests} · ${p.cosmosRequestsPerBookedPair} · ${p.throttled}`,
        `${b.orgChartRequests} · ${b.notificationRequests} · ${b.cosmosRequestsPerBookedPair} · ${b.throttled}`,
        '',
        '',
        '',
      ],
    );
  }
  const lat = r.latencyOn;
  const on = lat.product;
  const off = lat.latencyOff;
  rows.push(
    [
      `${lat.people} people, Graph latency on`,
      'Pass time (CPU time), pairs booked',
      `${s(on.passMs)} (${s(on.cpuMs)}), ${on.booked} booked${on.stoppedEarly ? ', stopped at its budget' : ''}`,
      `latency off: ${s(off.passMs)} (${s(off.cpuMs)}), ${off.booked} booked`,
      `${x(lat.ratios.passTimeVsLatencyOff)} (CPU ${x(lat.ratios.cpuVsLatencyOff)})`,
      '',
      '',
    ],
    [
      '',
      'Graph requests per booked pair · throttled · lower bound from limits with latency',
      `${on.requestsPerBookedPair} · ${on.throttled} · ${s(lat.lowerBoundMs)}`,
      `${off.requestsPerBookedPair} · ${off.throttled}`,
      `pass ${x(lat.ratios.passTimeVsLowerBound)} the bound`,
      '',
      '',
    ],
  );
  const w = r.whatIfStockCosmos;
  const asShipped = r.sizes[r.sizes.length - 1].product;
  if (w)
    rows.push([
      `${w.people} people, what-if`,
      'Pass time on the stock embedded server (before), pairs booked',
      `${s(w.passMs)}, ${w.booked} booked`,
      `as shipped: ${s(asShipped.passMs)}, ${asShipped.booked} booked`,
      x(w.passTimeVsAsShipped),
      '',
      '',
    ]);
  return [...out, ...table(['Org', 'Figure', 'Product', 'Baseline', 'Ratio', 'Target', ''], rows)];
}

function orgSync(r: OrgSyncSection): string[] {
  const f = r.firstSync;
  const d = r.deltaSync;
  return table(
    ['Sync', 'Graph requests (min)', 'Time', 'Cosmos requests', 'Baseline', 'Time ratio', 'Target'],
    [
      [
        `first, ${f.people} people`,
        `${f.graphRequests} (${f.minimumRequests})`,
        `${f.ms} ms`,
        f.cosmosRequests,
        `${f.baseline.what}: ${f.baseline.ms} ms`,
        x(f.ratios.timeVsBaseline),
        `ceil(N/999) pages: ${mark(f.targets.minimumPages)}`,
      ],
      [
        `delta, ${d.changed} changed (1%)`,
        `${d.graphRequests} (${d.minimumRequests})`,
        `${d.ms} ms`,
        d.cosmosRequests,
        `${d.baseline.what}: ${d.baseline.ms} ms`,
        x(d.ratios.timeVsBaseline),
        `ceil(changes/999) pages: ${mark(d.targets.minimumPages)}`,
      ],
    ],
  );
}

function apiRows(runs: EndpointRun[]): (string | number)[][] {
  return runs.map((r) => [
    r.endpoint,
    r.connections,
    r.requestsPerSecond,
    `${r.p50Ms} / ${r.p95Ms} / ${r.p99Ms}`,
    r.cosmosOpsPerRequest,
    `${r.serverCpuMsPerRequest} (${r.baseline.serverCpuMsPerRequest})`,
    r.failures,
    `${r.baseline.requestsPerSecond} req/s, ${r.baseline.p50Ms} / ${r.baseline.p95Ms} / ${r.baseline.p99Ms}`,
    `${x(r.ratios.rpsVsBaseline)} / ${x(r.ratios.p99VsBaseline)}`,
  ]);
}

function api(r: ApiSection): string[] {
  const header = [
    'Endpoint',
    'Conn.',
    'req/s',
    'p50 / p95 / p99 ms',
    'Cosmos ops/req',
    'Stack CPU ms/req (health)',
    'Failures',
    'Baseline GET /api/health',
    'Ratio req/s / p99',
  ];
  const single = r.asShipped.singleRequestCosmosOps;
  const t = r.teamViewVsContainer;
  const out = [
    `${r.setup.orgSize}-person org, team of ${r.setup.teamSize}, ${r.setup.durationSec} s per run, org-chart cache ${r.setup.orgChartCacheSeconds} s. Cosmos operations of one request alone: board read ${single.boardRead}, aspiration write ${single.aspirationWrite}, team view ${single.teamView}, health ${single.health}.`,
    '',
    `**Target: board read p99 < 50 ms at 10 connections: ${r.targets.boardReadP99At10Ms} ms, ${mark(r.targets.boardReadP99At10Under50Ms)}.**`,
    '',
    `**Target: team view stack CPU per request @10 with 10× ballast within 1.2× of no ballast (same run): ${t.tenfoldBallastCpuMs ?? '–'} ms vs ${t.noBallastCpuMs ?? '–'} ms, ${x(t.ratio)}, ${mark(t.within120Percent)}.**`,
    '',
    ...teamViewApart(t.cosmosApart),
    `### ${r.asShipped.name} (${r.asShipped.ballastAspirations} other aspirations in the container)`,
    '',
    ...table(header, apiRows(r.asShipped.runs)),
  ];
  for (const w of r.whatIf) {
    out.push(
      '',
      `### what-if: ${w.name} (${w.description}; ${w.ballastAspirations} other aspirations)`,
      '',
      ...table(header, apiRows(w.runs)),
    );
  }
  return out;
}

/** The same pair with the Cosmos server in its own process: the API's CPU, and the server's. */
function teamViewApart(a: ApiSection['teamViewVsContainer']['cosmosApart']): string[] {
  const rounds = (values: (number | null)[]) => values.map((v) => v ?? '–').join(' / ');
  return [
    `**The same with the Cosmos server in a process of its own, as in Azure (median of ${a.rounds} alternating rounds of ${a.durationSec} s): the API's process ${a.tenfoldBallast.apiCpuMs} ms vs ${a.noBallast.apiCpuMs} ms, ${x(a.apiRatio)}, ${mark(a.apiWithin120Percent)}; the Cosmos server's process ${a.tenfoldBallast.cosmosCpuMs} ms vs ${a.noBallast.cosmosCpuMs} ms, ${x(a.cosmosRatio)}.** Rounds, API: ${rounds(a.tenfoldBallast.roundsApiCpuMs)} ms with 10× ballast, ${rounds(a.noBallast.roundsApiCpuMs)} ms without; Cosmos server: ${rounds(a.tenfoldBallast.roundsCosmosCpuMs)} ms with, ${rounds(a.noBallast.roundsCosmosCpuMs)} ms without; ${a.tenfoldBallast.cosmosOpsPerRequest} and ${a.noBallast.cosmosOpsPerRequest} Cosmos operations per request.`,
    '',
  ];
}

function tab(r: TabSection): string[] {
  const b = r.bundle;
  const v = r.boardVisible;
  const milestones = Object.entries(v.milestonesMedianMs)
    .map(([name, ms]) => `${name} ${ms} ms`)
    .join(' → ');
  return [
    ...table(
      ['Figure', 'Measured', 'Baseline', 'Ratio', 'Target', ''],
      [
        [
          'Initial JS+CSS, gzipped',
          kb(b.initialGzipBytes),
          `whole build ${kb(b.totalGzipBytes)}`,
          x(b.ratios.initialVsTotal),
          '≤ 250 KB',
          mark(b.targets.initialAtMost250KB),
        ],
        [
          'In a browser (local sign-in, no teams-js): JS+CSS before the board’s first paint',
          kb(b.boardRouteGzipBytes),
          '',
          '',
          '',
          '',
        ],
        [
          'First visit inside Teams (teams-js included): JS+CSS before the board’s first paint, gzip -9',
          kb(b.insideTeams.firstVisitGzipBytes),
          `${b.insideTeams.files.length} files`,
          '',
          '≤ 200 KB',
          mark(b.targets.insideTeamsAtMost200KB),
        ],
        [
          `Navigation → board visible (median of ${v.runs})`,
          `${v.medianMs} ms`,
          `${v.baseline.what}: ${v.baseline.medianMs} ms`,
          x(v.ratios.medianVsBaseline),
          '≤ 8×',
          mark(v.targets.atMost8xBaseline),
        ],
        [
          'The same, inside the Teams test host',
          `${v.insideTeamsMedianMs} ms`,
          `${v.baseline.medianMs} ms`,
          x(v.ratios.insideTeamsVsBaseline),
          '',
          '',
        ],
        [
          'The same, seen by Playwright’s role locators (the method before December 2026)',
          `${v.locatorMedianMs} ms`,
          `${v.baseline.medianMs} ms`,
          x(v.ratios.locatorVsBaseline),
          '',
          '',
        ],
      ],
    ),
    '',
    `Critical path (median finish times): ${milestones}.`,
  ];
}
