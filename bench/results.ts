import type { ApiSection } from './api';
import type { FanOutSection } from './fanOut';
import type { MeetingSection } from './meeting';
import type { OrgSyncSection } from './orgSync';
import type { SchedulerSection } from './scheduler';
import type { TabSection } from './tab';

/** The shape of bench/results.json: one section per issue item, plus how the run was made. */

export interface SectionError {
  error: string;
}

export interface BenchResults {
  meta: {
    command: string;
    mode: 'quick' | 'full';
    startedAt: string;
    durationSec: number;
    gitCommit: string | null;
    machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string };
    /** 1-minute load average at the start and end of each section (2 cores: above 2 is contention). */
    machineLoad: Record<string, { start: number; end: number }>;
    sizes: {
      scheduler: number[];
      orgSync: number;
      apiSeconds: number;
      /** Absent in results written before the fan-out section. */
      fanOut?: number[];
      fanOutWorkers?: number[];
    };
  };
  scheduler: SchedulerSection | SectionError | null;
  /** Absent in results written before the fan-out section. */
  fanout?: FanOutSection | SectionError | null;
  orgSync: OrgSyncSection | SectionError | null;
  api: ApiSection | SectionError | null;
  tab: TabSection | SectionError | null;
  /** Absent in results written before the meeting side panel. */
  meeting?: MeetingSection | SectionError | null;
}

export function isError(section: unknown): section is SectionError {
  return typeof section === 'object' && section !== null && 'error' in section;
}
