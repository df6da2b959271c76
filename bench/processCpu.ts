import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of other processes on this machine, read from Linux's /proc, for the processes the bench
 * does not run itself but must account for: Azurite, the stack's storage emulator, is a child the
 * stack starts (api/src/local/azurite.ts) and does not report its own CPU. Linux only; elsewhere
 * the figures are null.
 */

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name: [0] is the state, [1] the parent. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count after its end.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** utime + stime of a process, ms; null when it is gone or /proc is not there. */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = statFields(pid);
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** This process's children whose command line contains `needle`. */
export function childPids(needle: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => {
    try {
      if (Number(statFields(pid)[1]) !== process.pid) return false;
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
    } catch {
      return false;
    }
  });
}

/**
 * How busy the whole machine's CPUs were from now until `read()`, 0 to 1, whoever used them (this
 * machine is shared); from /proc/stat's first line, idle and iowait counting as not busy.
 */
export function machineBusyMeter(): { read(): number | null } {
  const start = cpuTimes();
  return {
    read() {
      const end = cpuTimes();
      if (!start || !end || end.total === start.total) return null;
      return 1 - (end.idle - start.idle) / (end.total - start.total);
    },
  };
}

function cpuTimes(): { idle: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return { idle: ticks[3] + ticks[4], total: ticks.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** One group's CPU over a measurement, in cores (1.0 = one core busy the whole time). */
export interface CpuShare {
  cpuMs: number;
  /** CPU over wall time: the mean number of cores the group kept busy. */
  meanCores: number;
  /**
   * The 90th percentile of the group's per-interval share: a process whose one event loop is the
   * limit sits near 1.0 here even when its start and end, idle, pull the mean down.
   */
  p90Cores: number;
  /**
   * Time the group's threads were ready to run but waited for a core (Linux schedstat), over wall
   * time: near 0 means the group got a core whenever it wanted one; high means it was starved,
   * which its CPU alone cannot show (a starved process uses little CPU because it gets little).
   * Null where schedstat cannot be read.
   */
  waitingCores: number | null;
}

/** Time a process's threads spent waiting on a run queue, ms (schedstat counts ns); null when unreadable. */
export function runQueueWaitMs(pid: number): number | null {
  try {
    const threads = readdirSync(`/proc/${pid}/task`);
    return threads.reduce((sum, tid) => {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
      return sum + Number(fields[1]) / 1e6;
    }, 0);
  } catch {
    return null;
  }
}

/**
 * Samples the CPU of groups of processes (Cosmos server, Graph simulator, workers…) every
 * `intervalMs` from /proc until `stop()`; null where /proc cannot be read.
 */
export function cpuSampler(
  groups: Record<string, readonly number[]>,
  intervalMs = 1000,
): { stop(): Record<string, CpuShare> | null } {
  const names = Object.keys(groups);
  const read = () =>
    names.map((n) => groups[n].reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0));
  const waits = () =>
    names.map((n) =>
      groups[n].reduce<number | null>((sum, pid) => {
        const w = runQueueWaitMs(pid);
        return sum === null || w === null ? null : sum + w;
      }, 0),
    );
  const firstWaits = waits();
  const first = { at: performance.now(), cpu: read() };
  let last = first;
  const shares: number[][] = names.map(() => []);
  const sample = () => {
    const now = { at: performance.now(), cpu: read() };
    const wall = now.at - last.at;
    if (wall > 0) now.cpu.forEach((v, i) => shares[i].push((v - last.cpu[i]) / wall));
    last = now;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const wall = last.at - first.at;
      const lastWaits = waits();
      if (processCpuMs(process.pid) === null || wall <= 0) return null;
      return Object.fromEntries(
        names.map((name, i) => {
          const cpuMs = last.cpu[i] - first.cpu[i];
          const sorted = [...shares[i]].sort((a, b) => a - b);
          const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] ?? 0;
          return [
            name,
            {
              cpuMs: Math.round(cpuMs),
              meanCores: Math.round((cpuMs / wall) * 100) / 100,
              p90Cores: Math.round(p90 * 100) / 100,
              waitingCores:
                lastWaits[i] === null || firstWaits[i] === null
                  ? null
                  : Math.round(((lastWaits[i]! - firstWaits[i]!) / wall) * 100) / 100,
            },
          ];
        }),
      );
    },
  };
}

/**
 * TCP counters of the whole machine (Linux /proc/net/netstat) from now until `read()`: connections
 * a listening socket had no room to queue (its accept backlog full: the client's SYN is dropped
 * and sent again after 1 s, 3 s, 7 s…), and SYNs sent again. Machine-wide, so other work on this
 * shared machine counts too; null where the file cannot be read.
 */
export function tcpDropMeter(): { read(): { listenDrops: number; synRetransmits: number } | null } {
  const start = tcpCounters();
  return {
    read() {
      const end = tcpCounters();
      if (!start || !end) return null;
      return {
        listenDrops: end.ListenDrops - start.ListenDrops,
        synRetransmits: end.TCPSynRetrans - start.TCPSynRetrans,
      };
    },
  };
}

function tcpCounters(): Record<'ListenDrops' | 'TCPSynRetrans', number> | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const header = lines.findIndex((l) => l.startsWith('TcpExt:'));
    const names = lines[header].split(/\s+/);
    const values = lines[header + 1].split(/\s+/).map(Number);
    const value = (name: string) => values[names.indexOf(name)];
    return { ListenDrops: value('ListenDrops'), TCPSynRetrans: value('TCPSynRetrans') };
  } catch {
    return null;
  }
}
