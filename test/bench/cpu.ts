// CPU time of the benchmark's processes, from /proc/<pid>/stat: parsing and arithmetic only (cpuSample.ts reads).

export interface ProcStat {
  pid: number;
  ppid: number;
  /** Clock ticks in user and kernel mode, of the process itself (all its threads). */
  utime: number;
  stime: number;
  /** Clock ticks of its children that exited and were waited for. */
  cutime: number;
  cstime: number;
}

/**
 * One /proc/<pid>/stat line. The command name (field 2) is in parentheses and may hold spaces or ')', so fields are
 * counted after its last ')': state is field 3, ppid 4, utime 14, stime 15, cutime 16, cstime 17.
 */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc stat line: ${text.slice(0, 80)}`);
  const rest = text.slice(close + 1).trim().split(/\s+/);
  const field = (n: number) => {
    const value = Number(rest[n - 3]);
    if (!Number.isFinite(value)) throw new Error(`field ${n} missing in a /proc stat line: ${text.slice(0, 80)}`);
    return value;
  };
  return { pid: Number.parseInt(text, 10), ppid: field(4), utime: field(14), stime: field(15), cutime: field(16), cstime: field(17) };
}

/** `getconf CLK_TCK`'s answer; 100 (Linux's usual value) when it says nothing usable. */
export function parseClockTicks(text: string): number {
  const n = Number(text.trim());
  return Number.isInteger(n) && n > 0 ? n : 100;
}

/**
 * PostgreSQL's ticks: the postmaster's own and those of its exited children (backends that ended are counted there),
 * plus every descendant alive now. Null when the postmaster is not among the processes.
 */
export function postgresTicks(stats: ProcStat[], postmasterPid: number): number | null {
  const root = stats.find((s) => s.pid === postmasterPid);
  if (!root) return null;
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = root.utime + root.stime + root.cutime + root.cstime;
  const pending = [...(children.get(postmasterPid) ?? [])];
  for (let s = pending.pop(); s; s = pending.pop()) {
    ticks += s.utime + s.stime;
    pending.push(...(children.get(s.pid) ?? []));
  }
  return ticks;
}

/** Ticks of each process group at one moment; null for a group that could not be read. */
export type CpuSample = Record<string, number | null>;

/** Milliseconds of CPU per operation of each group between two samples; NaN where either sample lacks it or nothing completed. */
export function cpuMsPerOp(before: CpuSample, after: CpuSample, operations: number, ticksPerSecond: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const group of Object.keys(after)) {
    const a = before[group];
    const b = after[group];
    out[group] = a == null || b == null || operations <= 0 ? NaN : ((b - a) * 1000) / ticksPerSecond / operations;
  }
  return out;
}

/** The sum of some groups' figures; NaN when any of them is unknown. */
export function sumOf(figures: Record<string, number>, groups: string[]): number {
  return groups.reduce((sum, g) => sum + (figures[g] ?? NaN), 0);
}

/** The CPU target: Node's CPU per operation at most 1.5 × PostgreSQL's plus 3 ms. */
export function cpuTarget(nodeMs: number, postgresMs: number): { limitMs: number; status: 'PASS' | 'MISS' | 'n/a' } {
  const limitMs = 1.5 * postgresMs + 3;
  if (!Number.isFinite(nodeMs) || !Number.isFinite(limitMs)) return { limitMs, status: 'n/a' };
  return { limitMs, status: nodeMs <= limitMs ? 'PASS' : 'MISS' };
}
