import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import { format } from 'prettier';

import { APART_ROUNDS, benchApi } from './api';
import { benchFanOut } from './fanOut';
import { benchMeeting } from './meeting';
import { benchOrgSync } from './orgSync';
import { progress } from './progress';
import { renderReport } from './report';
import type { BenchResults, SectionError } from './results';
import { benchScheduler } from './scheduler';
import { round } from './stats';
import { benchTab } from './tab';

/**
 * `npm run bench` — every benchmark against the local stack, writing bench/results.json and
 * bench/results.md and printing the tables. `-- --quick` runs reduced sizes (under 5 minutes);
 * `-- --only=scheduler,api` runs some sections (the others are null in results.json).
 * Progress goes to stderr, the tables to stdout.
 */

const SECTIONS = ['scheduler', 'fanout', 'orgSync', 'api', 'tab', 'meeting'] as const;
type Section = (typeof SECTIONS)[number];

interface Plan {
  mode: 'quick' | 'full';
  schedulerSizes: number[];
  /** The size whose pass runs again with Graph latency on (one of schedulerSizes). */
  latencySize: number;
  orgSyncSize: number;
  apiSeconds: number;
  /** People in the fan-out section's org(s), and its worker-process counts. */
  fanOutSizes: number[];
  fanOutWorkers: number[];
  /** The fanned-out passes' time budget (`--budget-minutes`), for a 100,000-person run that must end. */
  fanOutBudgetMs: number;
  only: Set<Section>;
}

/**
 * `--fanout-size=100000` and `--workers=1,8` choose the fan-out section's org sizes and worker
 * counts, `--budget-minutes=30` its passes' time budget (60 by default). 100,000 people are behind
 * the flag: each of its passes takes tens of minutes on this machine (bench/README.md, "fanout").
 */
function numberList(argv: string[], flag: string): number[] | null {
  const arg = argv.find((a) => a.startsWith(`--${flag}=`));
  if (!arg) return null;
  const values = arg
    .slice(flag.length + 3)
    .split(',')
    .map((v) => Number(v.replace(/_/g, '')));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`--${flag} takes whole numbers separated by commas, e.g. --${flag}=1,2`);
  return values;
}

/**
 * --quick's fan-out: a reduced org, so the baseline and each worker count take seconds. At 1,000
 * people the section took 121 s and the whole --quick run 363 s on a quiet machine (2026-12-06),
 * over its five minutes; 500 people keep ~60 managers' items, enough to see the queue at work.
 */
const QUICK_FANOUT_SIZE = 500;
// 1, 2 and 8 workers: each worker count is a fresh stack and its processes, ~20 s even at 500.
const QUICK_FANOUT_WORKERS = [1, 2, 8];

function readPlan(argv: string[]): Plan {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = new Set(
    (onlyArg ? onlyArg.slice('--only='.length).split(',') : [...SECTIONS]).map((name) => {
      if (!(SECTIONS as readonly string[]).includes(name))
        throw new Error(`Unknown section "${name}"; choose from ${SECTIONS.join(', ')}`);
      return name as Section;
    }),
  );
  const fanOutSizes = numberList(argv, 'fanout-size');
  const fanOutWorkers = numberList(argv, 'workers');
  const fanOutBudgetMs = (numberList(argv, 'budget-minutes')?.[0] ?? 60) * 60_000;
  return quick
    ? // Quick repeats the small pass with latency on: the 1,000-person one would take --quick
      // past five minutes.
      {
        mode: 'quick',
        // 200 and 500: with 1,000 the scheduler section took 97 s of the quick run's 311 s.
        schedulerSizes: [200, 500],
        latencySize: 200,
        orgSyncSize: 1000,
        // 2 s load runs: 3 s made the api section 106 s of the quick run's 363 s.
        apiSeconds: 2,
        fanOutSizes: fanOutSizes ?? [QUICK_FANOUT_SIZE],
        fanOutWorkers: fanOutWorkers ?? QUICK_FANOUT_WORKERS,
        fanOutBudgetMs,
        only,
      }
    : {
        mode: 'full',
        schedulerSizes: [1000, 10_000],
        latencySize: 10_000,
        orgSyncSize: 10_000,
        apiSeconds: 10,
        fanOutSizes: fanOutSizes ?? [10_000],
        fanOutWorkers: fanOutWorkers ?? [1, 2, 4, 8],
        fanOutBudgetMs,
        only,
      };
}

/** The 1-minute load average when each section started and ended: others' work skews figures. */
const machineLoad: Record<string, { start: number; end: number }> = {};

async function attempt<T>(name: Section, plan: Plan, work: () => Promise<T>) {
  if (!plan.only.has(name)) return null;
  const started = performance.now();
  const load = { start: round(loadavg()[0], 2), end: 0 };
  machineLoad[name] = load;
  progress(`== ${name} (load average ${load.start}) ==`);
  try {
    const result = await work();
    load.end = round(loadavg()[0], 2);
    progress(`== ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s ==`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    load.end = round(loadavg()[0], 2);
    progress(`== ${name} FAILED: ${message}`);
    return { error: message.split('\n')[0] } satisfies SectionError;
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const plan = readPlan(argv);
  const startedAt = new Date();
  const t0 = performance.now();
  progress(
    `${plan.mode} run: scheduler ${plan.schedulerSizes.join(' and ')} people, fanout ${plan.fanOutSizes.join(' and ')} people on ${plan.fanOutWorkers.join('/')} workers, orgSync ${plan.orgSyncSize}, api ${plan.apiSeconds} s per run`,
  );

  const scheduler = await attempt('scheduler', plan, () =>
    benchScheduler(plan.schedulerSizes, plan.latencySize, { whatIfs: plan.mode === 'full' }),
  );
  const fanout = await attempt('fanout', plan, () =>
    benchFanOut(plan.fanOutSizes, plan.fanOutWorkers, cpus().length, plan.fanOutBudgetMs),
  );
  const orgSync = await attempt('orgSync', plan, () => benchOrgSync(plan.orgSyncSize));
  const api = await attempt('api', plan, () =>
    benchApi(plan.apiSeconds, {
      stockCosmosWhatIf: plan.mode === 'full',
      apartRounds: APART_ROUNDS[plan.mode],
    }),
  );
  const tab = await attempt('tab', plan, () => benchTab(plan.mode === 'quick' ? 6 : undefined));
  const meeting = await attempt('meeting', plan, () => benchMeeting());

  const results: BenchResults = {
    meta: {
      command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
      mode: plan.mode,
      startedAt: startedAt.toISOString(),
      durationSec: Math.round((performance.now() - t0) / 1000),
      gitCommit: gitCommit(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGB: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
        platform: `${process.platform}/${process.arch}`,
      },
      machineLoad,
      sizes: {
        scheduler: plan.schedulerSizes,
        orgSync: plan.orgSyncSize,
        apiSeconds: plan.apiSeconds,
        fanOut: plan.fanOutSizes,
        fanOutWorkers: plan.fanOutWorkers,
      },
    },
    scheduler,
    fanout,
    orgSync,
    api,
    tab,
    meeting,
  };
  const report = renderReport(results);
  // Formatted as the repository's Prettier would, so `npm run lint` stays clean if it is committed.
  const json = await format(JSON.stringify(results), { parser: 'json', printWidth: 100 });
  writeFileSync(join(__dirname, 'results.json'), json);
  writeFileSync(join(__dirname, 'results.md'), report);
  process.stdout.write(`\n${report}`);
  progress(`wrote bench/results.json and bench/results.md in ${results.meta.durationSec} s`);
  const failed = [scheduler, fanout, orgSync, api, tab, meeting].some(
    (r) => r !== null && typeof r === 'object' && 'error' in r,
  );
  // Stacks hold keep-alive sockets and timers; the run is over, so leave deliberately.
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
