import { describe, expect, it } from 'vitest';
import { cpuMsPerOp, cpuTarget, parseClockTicks, parseProcStat, postgresTicks, sumOf } from './bench/cpu.ts';
import type { ProcStat } from './bench/cpu.ts';
import { cacheHitRate, spread } from './bench/stats.ts';

// A real line of /proc/<pid>/stat (a PostgreSQL backend), with fields 14-17 set to 1200 34 5 6.
const BACKEND = '4242 (postgres: eunomia eunomia_bench 127.0.0.1(5) idle) S 4100 4100 4100 0 -1 4194560 1543 0 0 0 1200 34 5 6 20 0 1 0 98765 231239680 3210 18446744073709551615 1 1 0 0 0 0 4194304 19935232 1 0 0 0 17 1 0 0 0 0 0';

const proc = (pid: number, ppid: number, utime: number, stime: number, cutime = 0, cstime = 0): ProcStat => ({ pid, ppid, utime, stime, cutime, cstime });

describe('benchmark CPU figures', () => {
  it('reads the fields after the command name, even when the name holds spaces and parentheses', () => {
    expect(parseProcStat(BACKEND)).toEqual({ pid: 4242, ppid: 4100, utime: 1200, stime: 34, cutime: 5, cstime: 6 });
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => parseProcStat('no such process')).toThrow(/not a \/proc stat line/);
    expect(() => parseProcStat('12 (node) S 1 2')).toThrow(/field 14 missing/);
  });

  it('takes getconf CLK_TCK at its word, and 100 when it answers nothing usable', () => {
    expect(parseClockTicks('250\n')).toBe(250);
    expect(parseClockTicks('')).toBe(100);
    expect(parseClockTicks('undefined\n')).toBe(100);
  });

  it('counts PostgreSQL as the postmaster with its exited children plus every live descendant, and nothing else', () => {
    const stats = [
      proc(4100, 1, 10, 5, 300, 40), // postmaster: own 15, exited backends 340
      proc(4242, 4100, 1200, 34), // backend
      proc(4243, 4100, 7, 3), // checkpointer
      proc(4300, 4242, 2, 1), // a parallel worker's child, say
      proc(5000, 1, 9999, 9999), // the gateway: not PostgreSQL
    ];
    expect(postgresTicks(stats, 4100)).toBe(15 + 340 + 1234 + 10 + 3);
    expect(postgresTicks(stats, 4999)).toBeNull();
  });

  it('divides each group\'s CPU between two samples by the operations completed, in milliseconds', () => {
    const before = { gateway: 1000, procedures: 500, postgres: 2000, hive: null };
    const after = { gateway: 1300, procedures: 650, postgres: 2100, hive: 40 };
    const perOp = cpuMsPerOp(before, after, 100, 100);
    expect(perOp.gateway).toBe(30);
    expect(perOp.procedures).toBe(15);
    expect(perOp.postgres).toBe(10);
    expect(perOp.hive).toBeNaN();
    expect(sumOf(perOp, ['gateway', 'procedures'])).toBe(45);
    expect(sumOf(perOp, ['gateway', 'hive'])).toBeNaN();
    expect(cpuMsPerOp(before, after, 0, 100).gateway).toBeNaN();
  });

  it('holds Node to 1.5 × PostgreSQL + 3 ms, and says n/a when a figure is unknown', () => {
    expect(cpuTarget(18, 10)).toEqual({ limitMs: 18, status: 'PASS' });
    expect(cpuTarget(18.1, 10)).toEqual({ limitMs: 18, status: 'MISS' });
    expect(cpuTarget(75, 4)).toEqual({ limitMs: 9, status: 'MISS' });
    expect(cpuTarget(NaN, 4).status).toBe('n/a');
    expect(cpuTarget(5, NaN).status).toBe('n/a');
  });

  it('gives the median and the range of repeated figures, leaving unknown ones out', () => {
    expect(spread([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30 });
    expect(spread([40, 10, NaN, 20, 30])).toEqual({ median: 25, min: 10, max: 40 });
    expect(spread([NaN])).toEqual({ median: NaN, min: NaN, max: NaN });
  });

  it('gives the cache hit rate of a window from two readings of its counters, n/a without them', () => {
    expect(cacheHitRate({ hits: 10, misses: 5 }, { hits: 40, misses: 15 })).toBe(0.75);
    expect(cacheHitRate(null, { hits: 40, misses: 15 })).toBeNaN();
    expect(cacheHitRate({ hits: 10, misses: 5 }, { hits: 10, misses: 5 })).toBeNaN();
  });
});
