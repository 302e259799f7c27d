import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseClockTicks, parseProcStat, postgresTicks } from './cpu.ts';
import type { CpuSample, ProcStat } from './cpu.ts';

// Samples the CPU time of the benchmark's process groups (Linux /proc; elsewhere every group reads as unknown).

export function clockTicksPerSecond(): number {
  try {
    return parseClockTicks(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  } catch {
    return parseClockTicks('');
  }
}

function statOf(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

function everyProcess(): ProcStat[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.map((p) => statOf(Number(p))).filter((s): s is ProcStat => s !== null);
}

/** The postmaster's pid, from the first line of postmaster.pid in PostgreSQL's data directory; null when absent. */
export function postmasterPid(databaseDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface CpuGroups {
  /** One process per group, by group name (gateway, each subgraph, hive-gateway, bench). */
  processes: Record<string, number>;
  /** Sampled as the group "postgres" with its backends. */
  postmaster: number | null;
}

export function sampleCpu(groups: CpuGroups): CpuSample {
  const sample: CpuSample = {};
  for (const [name, pid] of Object.entries(groups.processes)) {
    const s = statOf(pid);
    sample[name] = s ? s.utime + s.stime : null;
  }
  sample.postgres = groups.postmaster ? postgresTicks(everyProcess(), groups.postmaster) : null;
  return sample;
}
