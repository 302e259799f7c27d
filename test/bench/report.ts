// The benchmark's report: tables, the targets with PASS/MISS, and one JSON line per scenario last.
import { cpuTarget, sumOf } from './cpu.ts';
import type { LoadRequest, LoadResult } from './load.ts';
import type { Scenario } from './scenarios.ts';
import { printTable, spread } from './stats.ts';
import type { Spread } from './stats.ts';

export type Target = 'gateway' | 'gatewayDefault' | 'direct' | 'hive';

/** One measured window: the load's figures, CPU ms per operation by process group, the search cache's hit rate. */
export interface Window extends LoadResult {
  cpu: Record<string, number>;
  cacheHitRate: number;
}

export interface Workload {
  name: string;
  label: string;
  /** Sent through either gateway, in turn. */
  requests: LoadRequest[];
  /** The root subgraph's part, sent to it directly; null for the mixed scenario. */
  direct: { subgraph: string; fetches: number; request: LoadRequest } | null;
  scenario: Scenario | null;
}

export interface WorkloadResult {
  workload: Workload;
  runs: Record<Target, Window[]>;
  hiveProblem: string | null;
}

export interface SqlCounts {
  /** Per scenario, a request no cache answers (the search cache's lifetime waited out). */
  uncached: Record<string, number>;
  /** The same request again at once: what a repeat within the search cache's lifetime costs. */
  cached: Record<string, number>;
  /** Per scenario, uncached statements by subgraph schema, e.g. "procedures 2, directory 1". */
  detail: Record<string, string>;
}

export interface Soak {
  seconds: number;
  load: LoadResult;
  rssStart: number;
  rssEnd: number;
  rssPeak: number;
  growthPct: number;
}

export interface ReportInput {
  scale: string;
  connections: number;
  duration: number;
  warmup: number;
  repeats: number;
  viewer: string;
  counts: Record<string, number>;
  subgraphs: string[];
  results: WorkloadResult[];
  sql: SqlCounts;
  otherSql: { scale: string; counts: Record<string, number> } | null;
  soak: Soak | null;
  warnings: string[];
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : 'n/a');
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)}%` : 'n/a');
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? a / b : NaN);
const round2 = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null);
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
/** "median (min–max)", or the median alone when there is one figure. */
const ranged = (s: Spread, format: (n: number) => string) =>
  (!Number.isFinite(s.median) ? 'n/a' : s.min === s.max ? format(s.median) : `${format(s.median)} (${format(s.min)}–${format(s.max)})`);
const whole = (n: number) => n.toFixed(0);

const SEARCH_SCENARIOS = ['searchCommon', 'searchRare'];
export const P95_LIMIT_MS = 150;
export const SEARCH_P95_LIMIT_MS = 50;
export const OVERHEAD_LIMIT = 1.3;
export const RSS_GROWTH_LIMIT_PCT = 10;

/** The process groups whose CPU counts as Node for a target: the gateway used (none when direct) and every subgraph. */
const nodeGroups = (target: Target, subgraphs: string[]) =>
  (target === 'gateway' ? ['gateway', ...subgraphs] : target === 'gatewayDefault' ? ['gateway-default', ...subgraphs]
    : target === 'hive' ? ['hive-gateway', ...subgraphs] : subgraphs);

/** Median and range over the repeats of one figure of a target's windows. */
const over = (windows: Window[], figure: (w: Window) => number) => spread(windows.map(figure));

function figures(r: WorkloadResult, target: Target, subgraphs: string[]) {
  const w = r.runs[target];
  const node = over(w, (x) => sumOf(x.cpu, nodeGroups(target, subgraphs)));
  const postgres = over(w, (x) => x.cpu.postgres ?? NaN);
  return {
    measured: w.length > 0,
    rps: over(w, (x) => x.rps),
    p50: over(w, (x) => x.p50),
    p95: over(w, (x) => x.p95),
    p99: over(w, (x) => x.p99),
    errors: w.reduce((n, x) => n + x.errors, 0),
    node,
    postgres,
    bench: over(w, (x) => x.cpu.bench ?? NaN),
    groups: Object.fromEntries([...subgraphs, 'gateway', 'gateway-default', 'hive-gateway', 'postgres', 'bench'].map((g) => [g, over(w, (x) => x.cpu[g] ?? NaN)])),
    cacheHitRate: over(w, (x) => x.cacheHitRate),
    target: cpuTarget(node.median, postgres.median),
  };
}

const withinLimit = (value: number, limit: number) => (!Number.isFinite(value) ? 'n/a' : value <= limit ? 'PASS' : 'MISS');
const p95Limit = (name: string) => (SEARCH_SCENARIOS.includes(name) ? SEARCH_P95_LIMIT_MS : P95_LIMIT_MS);

export function printReport(input: ReportInput): void {
  const { results, sql, subgraphs, soak } = input;
  const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const atSmall = input.scale === 'small' ? '' : ` (the target is for small; this run is ${input.scale})`;

  console.log(`\nEunomia benchmark: scale ${input.scale}, ${input.connections} connections, ${input.duration} s per window after ${input.warmup} s of warm-up, `
    + `${input.repeats} round(s), targets in rotation; single scenarios as ${input.viewer}`);
  console.log(`Dataset: ${Object.entries(input.counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  console.log('Hive: @graphql-hive/gateway-runtime on the same supergraph, checking the token like ours, in-flight deduplication off');
  console.log('Figures are the median over the rounds, with the range (min–max) in parentheses. CPU: ms per completed operation, from /proc.\n');
  for (const r of results) console.log(`  ${r.workload.name.padEnd(17)} ${r.workload.label}${r.workload.direct ? ` (root subgraph: ${r.workload.direct.subgraph})` : ''}`);
  console.log('');

  const rows: Record<string, string>[] = [];
  for (const r of results) {
    for (const target of ['gateway', 'gatewayDefault', 'direct', 'hive'] as const) {
      const f = figures(r, target, subgraphs);
      if (target === 'gatewayDefault' && !f.measured) continue;
      const name = target === 'gateway' ? 'gateway (Apollo)' : target === 'gatewayDefault' ? 'gateway (Apollo, default fetcher)'
        : target === 'hive' ? 'gateway (Hive)' : `direct (${r.workload.direct?.subgraph ?? '-'})`;
      if (!f.measured) {
        if (target === 'hive') rows.push({ scenario: r.workload.name, target: name, rps: `n/a (${r.hiveProblem ? 'see below' : 'not run'})` });
        continue;
      }
      rows.push({
        scenario: r.workload.name, target: name, rps: ranged(f.rps, whole), p50_ms: ranged(f.p50, ms), p95_ms: ranged(f.p95, ms), p99_ms: ms(f.p99.median),
        errors: String(f.errors), 'node cpu/op': ranged(f.node, ms), 'pg cpu/op': ranged(f.postgres, ms), 'loadgen cpu/op': ms(f.bench.median),
      });
    }
  }
  if (soak) {
    rows.push({ scenario: `soak (${input.results.some((r) => r.workload.name === 'mixed') ? 'mixed' : 'mix'})`, target: 'gateway (Apollo)', rps: soak.load.rps.toFixed(0),
      p50_ms: ms(soak.load.p50), p95_ms: ms(soak.load.p95), p99_ms: ms(soak.load.p99), errors: String(soak.load.errors) });
  }
  printTable(rows);

  console.log('\nCPU ms per operation by process group, through our gateway (median over the rounds); node = gateway + every subgraph:');
  printTable(results.map((r) => {
    const f = figures(r, 'gateway', subgraphs);
    return {
      scenario: r.workload.name,
      gateway: ms(f.groups.gateway!.median),
      ...Object.fromEntries(subgraphs.map((s) => [s, ms(f.groups[s]!.median)])),
      node: ms(f.node.median),
      postgres: ms(f.postgres.median),
      'limit 1.5*pg+3': ms(f.target.limitMs),
      target: f.target.status,
      loadgen: ms(f.bench.median),
      'search cache hits': pct(f.cacheHitRate.median),
    };
  }));

  console.log('\nGateway against the root subgraph (p50 through the gateway / p50 of the root subgraph\'s fetch sent directly):');
  printTable(results.filter((r) => r.workload.direct).map((r) => {
    const d = r.workload.direct!;
    const gw = figures(r, 'gateway', subgraphs).p50.median;
    const direct = figures(r, 'direct', subgraphs).p50.median;
    const hive = figures(r, 'hive', subgraphs).p50.median;
    return {
      scenario: r.workload.name, 'plan fetches': String(d.fetches), 'root subgraph': d.subgraph,
      'gw p50 / root fetch p50': times(ratio(gw, direct)),
      'overhead (one-fetch plans)': d.fetches === 1 ? times(ratio(gw, direct)) : '-',
      'hive/apollo p50': times(ratio(hive, gw)),
    };
  }));

  if (results.some((r) => r.runs.gatewayDefault.length)) {
    console.log('\nThe gateway\'s fetcher: the undici pool (SUBGRAPH_FETCHER=pooled) against @apollo/gateway\'s default, same run, in rotation:');
    printTable(results.filter((r) => r.runs.gatewayDefault.length).map((r) => {
      const pooled = figures(r, 'gateway', subgraphs);
      const other = figures(r, 'gatewayDefault', subgraphs);
      return {
        scenario: r.workload.name, 'pooled rps': whole(pooled.rps.median), 'default rps': whole(other.rps.median),
        'pooled p50': ms(pooled.p50.median), 'default p50': ms(other.p50.median),
        'pooled gateway cpu/op': ms(pooled.groups.gateway!.median), 'default gateway cpu/op': ms(other.groups['gateway-default']!.median),
      };
    }));
  }

  console.log('\nSQL statements per operation, in process: uncached (the search cache\'s lifetime waited out) and a repeat at once (cached):');
  printTable(results.filter((r) => r.workload.scenario).map((r) => ({
    scenario: r.workload.name, uncached: String(sql.uncached[r.workload.name] ?? 'n/a'), cached: String(sql.cached[r.workload.name] ?? 'n/a'),
    'uncached, by subgraph': sql.detail[r.workload.name] ?? '',
  })));

  const failures = results.flatMap((r) => (['gateway', 'gatewayDefault', 'direct'] as const).flatMap((t) => r.runs[t].filter((x) => x.sampleError).slice(0, 1)
    .map((x) => `${r.workload.name} ${t}: ${x.sampleError}`))).concat(soak?.load.sampleError ? [`soak: ${soak.load.sampleError}`] : []);
  if (failures.length) console.log(`\nFirst error of each failing target:\n  ${failures.join('\n  ')}`);
  const hiveMissing = results.filter((r) => r.runs.hive.length === 0 && r.hiveProblem).map((r) => `${r.workload.name}: n/a, ${r.hiveProblem}`);
  if (hiveMissing.length) console.log(`\nHive gateway left out:\n  ${hiveMissing.join('\n  ')}`);
  const hiveFailures = results.flatMap((r) => r.runs.hive.filter((x) => x.sampleError).slice(0, 1).map((x) => `${r.workload.name}: ${x.sampleError}`));
  if (hiveFailures.length) console.log(`\nHive gateway errors:\n  ${hiveFailures.join('\n  ')}`);
  if (input.warnings.length) console.log(`\nDataset warnings (responses correct but not what the scenario expects):\n  ${input.warnings.join('\n  ')}`);

  const targets: { target: string; status: string; value: string }[] = [];
  for (const r of results) {
    const p95 = figures(r, 'gateway', subgraphs).p95;
    const limit = p95Limit(r.workload.name);
    targets.push({ target: `${r.workload.name}: gateway p95 <= ${limit} ms at 16 connections`, status: withinLimit(p95.median, limit) + atSmall, value: `${ranged(p95, ms)} ms` });
  }
  for (const r of results) {
    const f = figures(r, 'gateway', subgraphs);
    targets.push({ target: `${r.workload.name}: node CPU/op <= 1.5 x PostgreSQL CPU/op + 3 ms`, status: f.target.status,
      value: `node ${ms(f.node.median)} ms, PostgreSQL ${ms(f.postgres.median)} ms, limit ${ms(f.target.limitMs)} ms` });
  }
  for (const r of results.filter((x) => x.workload.direct?.fetches === 1)) {
    const overhead = ratio(figures(r, 'gateway', subgraphs).p50.median, figures(r, 'direct', subgraphs).p50.median);
    targets.push({ target: `${r.workload.name}: gateway overhead <= ${OVERHEAD_LIMIT}x (one-fetch plan)`, status: withinLimit(overhead, OVERHEAD_LIMIT),
      value: times(overhead) });
  }
  const errorCount = results.reduce((n, r) => n + r.runs.gateway.concat(r.runs.gatewayDefault, r.runs.direct).reduce((m, x) => m + x.errors, 0), 0)
    + (soak?.load.errors ?? 0);
  targets.push({ target: 'zero errors (gateway, direct, soak; with --fetchers the other gateway too)', status: pass(errorCount === 0), value: `${errorCount} errors` });
  if (input.otherSql) {
    const other = input.otherSql;
    const names = Object.keys(sql.uncached).filter((n) => n in other.counts);
    const differ = names.filter((n) => sql.uncached[n] !== other.counts[n]);
    targets.push({ target: 'SQL statements per operation (uncached) equal at small and large', status: names.length ? pass(differ.length === 0) : 'n/a',
      value: differ.length ? differ.map((n) => `${n}: ${input.scale} ${sql.uncached[n]} vs ${other.scale} ${other.counts[n]}`).join(', ')
        : `${names.length} scenarios equal (${other.scale} counts from its last run)` });
  } else {
    targets.push({ target: 'SQL statements per operation (uncached) equal at small and large', status: 'n/a',
      value: `no ${input.scale === 'small' ? 'large' : 'small'} run yet; counts kept in .bench-data/${input.scale}/sql-per-op.json` });
  }
  if (soak) {
    targets.push({ target: `gateway RSS growth < ${RSS_GROWTH_LIMIT_PCT}% over the soak`, status: pass(soak.growthPct < RSS_GROWTH_LIMIT_PCT) + (soak.seconds < 60 ? ` (soak ${soak.seconds} s; the target is for 60 s)` : ''),
      value: `${mb(soak.rssStart)} MB -> ${mb(soak.rssEnd)} MB (${soak.growthPct.toFixed(1)}%; medians of the first and last 3 s), peak ${mb(soak.rssPeak)} MB` });
  } else {
    targets.push({ target: `gateway RSS growth < ${RSS_GROWTH_LIMIT_PCT}% over the soak`, status: 'n/a', value: '--soak 0' });
  }
  console.log('\nTargets:');
  printTable(targets);

  console.log('');
  for (const r of results) console.log(JSON.stringify(jsonLine(input, r)));
  if (soak) {
    const l = soak.load;
    console.log(JSON.stringify({
      scenario: 'soak', scale: input.scale, connections: input.connections, duration_s: soak.seconds, rps: Math.round(l.rps), p50_ms: round2(l.p50),
      p95_ms: round2(l.p95), p99_ms: round2(l.p99), errors: l.errors, rss_start_mb: Number(mb(soak.rssStart)), rss_end_mb: Number(mb(soak.rssEnd)),
      rss_peak_mb: Number(mb(soak.rssPeak)), rss_growth_pct: Math.round(soak.growthPct * 10) / 10, rss_target: pass(soak.growthPct < RSS_GROWTH_LIMIT_PCT),
    }));
  }
}

function jsonLine(input: ReportInput, r: WorkloadResult) {
  const { subgraphs, sql } = input;
  const name = r.workload.name;
  const range = (prefix: string, s: Spread) => ({ [prefix]: round2(s.median), [`${prefix}_min`]: round2(s.min), [`${prefix}_max`]: round2(s.max) });
  const gw = figures(r, 'gateway', subgraphs);
  const direct = figures(r, 'direct', subgraphs);
  const hive = figures(r, 'hive', subgraphs);
  const otherFetcher = figures(r, 'gatewayDefault', subgraphs);
  const d = r.workload.direct;
  const overhead = ratio(gw.p50.median, direct.p50.median);
  return {
    scenario: name, scale: input.scale, connections: input.connections, duration_s: input.duration, rounds: r.runs.gateway.length,
    ...range('rps', gw.rps), ...range('p50_ms', gw.p50), ...range('p95_ms', gw.p95), p99_ms: round2(gw.p99.median), errors: gw.errors,
    p95_limit_ms: p95Limit(name), p95_target: withinLimit(gw.p95.median, p95Limit(name)),
    cpu_ms_per_op: Object.fromEntries(Object.entries(gw.groups).map(([g, s]) => [g, round2(s.median)])),
    ...range('node_cpu_ms_per_op', gw.node), ...range('postgres_cpu_ms_per_op', gw.postgres),
    cpu_limit_ms: round2(gw.target.limitMs), cpu_target: gw.target.status,
    search_cache_hit_rate: round2(gw.cacheHitRate.median),
    sql_per_op: sql.uncached[name] ?? null, sql_per_op_cached: sql.cached[name] ?? null,
    direct_subgraph: d?.subgraph ?? null, plan_fetches: d?.fetches ?? null,
    ...(direct.measured ? { ...range('direct_rps', direct.rps), ...range('direct_p50_ms', direct.p50), ...range('direct_p95_ms', direct.p95),
      direct_errors: direct.errors, direct_node_cpu_ms_per_op: round2(direct.node.median), direct_postgres_cpu_ms_per_op: round2(direct.postgres.median) } : {}),
    gw_p50_over_root_fetch_p50: round2(overhead),
    overhead_one_fetch: d?.fetches === 1 ? round2(overhead) : null,
    overhead_target: d?.fetches === 1 ? withinLimit(overhead, OVERHEAD_LIMIT) : null,
    ...(hive.measured ? { ...range('hive_rps', hive.rps), ...range('hive_p50_ms', hive.p50), ...range('hive_p95_ms', hive.p95), hive_errors: hive.errors,
      hive_node_cpu_ms_per_op: round2(hive.node.median), hive_apollo_p50: round2(ratio(hive.p50.median, gw.p50.median)) }
      : { hive: `n/a: ${r.hiveProblem ?? 'not run'}` }),
    ...(otherFetcher.measured ? { ...range('default_fetcher_rps', otherFetcher.rps), ...range('default_fetcher_p50_ms', otherFetcher.p50),
      default_fetcher_node_cpu_ms_per_op: round2(otherFetcher.node.median), default_fetcher_gateway_cpu_ms_per_op: round2(otherFetcher.groups['gateway-default']!.median) } : {}),
  };
}
