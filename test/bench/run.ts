import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { keySetup, signToken } from '../../lib/auth.ts';
import { loadConfig } from '../../lib/config.ts';
import { ensureDatabase, freePort, withDatabase } from '../../lib/database.ts';
import { startEmbeddedPostgres } from '../../lib/embeddedPostgres.ts';
import type { RunningPostgres } from '../../lib/embeddedPostgres.ts';
import { createLogger } from '../../lib/logger.ts';
import { SUBGRAPH_SECRET_HEADER } from '../../lib/secret.ts';
import { countStatements } from '../../lib/sqlStatements.ts';
import { SUPERGRAPH_PATH } from '../../schema/compose.ts';
import { SUBGRAPHS } from '../../schema/subgraphs.ts';
import { openDatabases, startPlatform } from '../../scripts/platform.ts';
import type { Platform } from '../../scripts/platform.ts';
import { GENERATOR_VERSION, SCALES, VIEWER, databaseIsEmpty, datasetCounts, datasetMarker, generateDataset } from './dataset.ts';
import type { Scale } from './dataset.ts';
import { drive, postOnce } from './load.ts';
import type { LoadRequest, LoadResult } from './load.ts';
import { killAllNow, rssBytes, startChild, waitHealthy } from './processes.ts';
import type { Child } from './processes.ts';
import { SCENARIOS, directOperations } from './scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { printTable } from './stats.ts';

// The platform under load, as in production: every subgraph and the gateway in a process of its own, over a generated
// dataset; each scenario through the gateway, straight to its root subgraph, and through the Hive gateway runtime.
// npm run bench -- [--scale small|large] [--duration 20] [--soak 60] [--fresh] [--cpu-prof] [--only name,...]

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONNECTIONS = 16;
const DATABASE = 'eunomia_bench';
const USAGE = 'Usage: npm run bench -- [--scale small|large] [--duration 20] [--soak 60] [--fresh] [--cpu-prof] [--only compare27,searchCommon,...]';

interface Options {
  scale: Scale;
  duration: number;
  soak: number;
  fresh: boolean;
  cpuProf: boolean;
  scenarios: Scenario[];
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      duration: { type: 'string', default: '20' },
      soak: { type: 'string', default: '60' },
      fresh: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const problems: string[] = [];
  const scale = values.scale as Scale;
  if (!(scale in SCALES)) problems.push(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const duration = Number(values.duration);
  if (!Number.isInteger(duration) || duration < 1) problems.push('--duration must be a whole number of seconds, at least 1');
  const soak = Number(values.soak);
  if (!Number.isInteger(soak) || soak < 0) problems.push('--soak must be a whole number of seconds (0 skips the soak)');
  let scenarios = SCENARIOS;
  if (values.only) {
    const names = values.only.split(',').map((n) => n.trim());
    const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
    if (unknown.length) problems.push(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
    scenarios = SCENARIOS.filter((s) => names.includes(s.name));
  }
  if (problems.length) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    process.exit(2);
  }
  return { scale, duration, soak, fresh: values.fresh!, cpuProf: values['cpu-prof']!, scenarios };
}

// ---- cleanup: every child, the in-process platform and PostgreSQL, whatever happens ----

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      await fn().catch((err) => console.error(`cleanup: ${(err as Error).message}`));
    }
  })();
  return cleaning;
}

let interrupted = false;

/** Exits once cleanup() is done, or after 30 s whatever it is waiting for (the children are killed on exit). */
function exitAfterCleanup(code: number) {
  setTimeout(() => {
    console.error('Cleanup did not finish within 30 s; exiting.');
    process.exit(code);
  }, 30_000).unref();
  void cleanup().finally(() => process.exit(code));
}

function installSignalHandlers() {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping the services and PostgreSQL...`);
      exitAfterCleanup(code);
    });
  }
  process.on('exit', killAllNow);
}

const log = (line: string) => console.error(line);
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? a / b : NaN);
const fixed2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

// ---- database ----

async function dropDatabase(serverUrl: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The bench database of this scale: kept when it holds a complete dataset of this generator version, else rebuilt. */
async function prepareDataset(pgServer: RunningPostgres, opts: Options): Promise<{ url: string; counts: Record<string, number> }> {
  if (opts.fresh) await dropDatabase(pgServer.serverUrl);
  await ensureDatabase(pgServer.serverUrl, DATABASE);
  const url = withDatabase(pgServer.serverUrl, DATABASE);
  const marker = await datasetMarker(url);
  const reusable = marker && marker.scale === opts.scale && marker.generatorVersion === GENERATOR_VERSION;
  if (!reusable && (marker || !(await databaseIsEmpty(url)))) {
    log(marker
      ? `The kept dataset is ${marker.scale}, generator v${marker.generatorVersion}; regenerating ${opts.scale} v${GENERATOR_VERSION}.`
      : 'The kept database holds an unfinished dataset; regenerating.');
    await dropDatabase(pgServer.serverUrl);
    await ensureDatabase(pgServer.serverUrl, DATABASE);
  }
  const dbs = await openDatabases(url, { poolSize: 4 });
  try {
    if (reusable) {
      log(`Reusing the ${opts.scale} dataset generated ${marker.generatedAt} (${marker.documents} searchable documents; --fresh regenerates).`);
    } else {
      log(`Generating the ${opts.scale} dataset (generator v${GENERATOR_VERSION})...`);
      const info = await generateDataset(dbs, opts.scale, log);
      log(`Generated ${info.documents} searchable documents and ${info.members} members in ${info.seconds} s.`);
    }
    return { url, counts: await datasetCounts(dbs) };
  } finally {
    await dbs.close();
  }
}

// ---- SQL statements per operation, in process ----

/** Statements of the current count, by the pool's application_name (eunomia-<schema>); audit-log inserts apart. */
const bySchema = new Map<string, number>();
let attributing = false;
function installAttribution() {
  const counted = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function attributedQuery(this: pg.Client & { connectionParameters?: { application_name?: string } }, ...args: unknown[]) {
    if (attributing) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text ?? '';
      const schema = (this.connectionParameters?.application_name ?? 'other').replace(/^eunomia-/, '');
      const key = /^\s*INSERT\s+INTO\s+audit\./i.test(text) ? `${schema} (audit insert)` : schema;
      bySchema.set(key, (bySchema.get(key) ?? 0) + 1);
    }
    return counted.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

interface SqlCounts {
  total: Record<string, number>;
  /** Per scenario: statements by subgraph schema, e.g. "procedures 2, directory 1". */
  detail: Record<string, string>;
}

async function sqlPerOperation(url: string, env: Record<string, string>, scenarios: Scenario[], headers: Record<string, string>): Promise<SqlCounts> {
  const cfg = loadConfig(env);
  const dbs = await openDatabases(url, { poolSize: 4 });
  let platform: Platform | null = null;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await platform?.stop();
    await dbs.close();
  };
  cleanups.push(stop);
  try {
    platform = await startPlatform(cfg, { seed: false, log: createLogger('silent'), databases: dbs, anyPorts: true, consumers: false, checkpoints: false });
    const counts: SqlCounts = { total: {}, detail: {} };
    for (const s of scenarios) {
      const request = { query: s.query, variables: s.variables, headers };
      // The first request fills the per-process caches (principals, search languages); the second is counted.
      const first = await postOnce(platform.gatewayUrl, request);
      checkResponse(`${s.name} (in process)`, first, s);
      bySchema.clear();
      attributing = true;
      const { result, statements } = await countStatements(() => postOnce(platform!.gatewayUrl, request)).finally(() => {
        attributing = false;
      });
      checkResponse(`${s.name} (in process)`, result, s);
      counts.total[s.name] = statements;
      counts.detail[s.name] = [...bySchema].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
    }
    return counts;
  } finally {
    const i = cleanups.indexOf(stop);
    if (i >= 0) cleanups.splice(i, 1);
    await stop();
  }
}

const warnings: string[] = [];

/** Fails on a response with errors; notes a response that is correct but would make the measurement meaningless. */
function checkResponse(where: string, r: { status: number; body: any }, s: Scenario | null) {
  if (r.status !== 200 || r.body?.errors) {
    throw new Error(`${where}: HTTP ${r.status} ${JSON.stringify(r.body?.errors ?? r.body).slice(0, 600)}`);
  }
  const problem = s?.check(r.body.data);
  if (problem && !warnings.some((w) => w.startsWith(s!.name))) warnings.push(`${s!.name}: ${problem}`);
}

// ---- the services ----

const runStamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
const profileDir = (opts: Options) => resolve(ROOT, '.bench-data', 'profiles', `${opts.scale}-${runStamp}`);

interface Services {
  gatewayUrl: string;
  gateway: Child;
  subgraphUrls: Record<string, string>;
  hiveUrl: string | null;
  hiveProblem: string | null;
  children: Child[];
}

function baseEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  // Only what a process needs from the surroundings; the rest of the configuration is set explicitly.
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) if (process.env[key]) env[key] = process.env[key]!;
  return { ...env, ...extra };
}

async function startServices(opts: Options, dataDir: string, common: Record<string, string>): Promise<Services> {
  const logDir = join(dataDir, 'logs');
  await mkdir(logDir, { recursive: true });
  const children: Child[] = [];
  const spawnService = (name: string, script: string, env: Record<string, string>) => {
    // One directory per service: Node writes a profile per thread (the main thread's is CPU.*.<pid>.0.*.cpuprofile).
    const nodeFlags = opts.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', join(profileDir(opts), name)] : [];
    const child = startChild({ name, script, cwd: ROOT, env: baseEnv({ ...common, ...env }), nodeFlags, logDir });
    children.push(child);
    cleanups.push(() => child.stop());
    return child;
  };

  // The subgraphs listed in schema/subgraphs.ts, each in its own process.
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await freePort()] as const)));
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`]));
  const subgraphs = SUBGRAPHS.map((s) => spawnService(s.name, 'scripts/serve.ts', { SERVICE: s.name, PORT: String(ports[s.name]) }));
  await Promise.all(subgraphs.map((c) => waitHealthy(c, `http://127.0.0.1:${ports[c.name]}/healthz`)));

  const gatewayPort = await freePort();
  const urlEnv = Object.fromEntries(SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_URL`, subgraphUrls[s.name]!]));
  const gateway = spawnService('gateway', 'scripts/serve.ts', {
    SERVICE: 'gateway', PORT: String(gatewayPort), ...urlEnv,
    // The benchmark is one viewer sending thousands of requests a second.
    RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '1000000',
  });
  await waitHealthy(gateway, `http://127.0.0.1:${gatewayPort}/healthz`);

  // The Hive gateway over the same supergraph, its routing URLs pointed at the subgraphs started above.
  let hiveUrl: string | null = null;
  let hiveProblem: string | null = null;
  let hive: Child | null = null;
  try {
    const sdl = (await readFile(SUPERGRAPH_PATH, 'utf8')).replace(
      /@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g,
      (whole, name: string) => (subgraphUrls[name] ? `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")` : whole),
    );
    const supergraphFile = join(dataDir, 'supergraph.hive.graphql');
    await writeFile(supergraphFile, sdl);
    const hivePort = await freePort();
    hive = spawnService('hive-gateway', 'test/bench/hiveGateway.ts', { PORT: String(hivePort), SUPERGRAPH_FILE: supergraphFile });
    await waitHealthy(hive, `http://127.0.0.1:${hivePort}/healthz`);
    hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
  } catch (err) {
    // The comparison is left out, the rest of the benchmark goes on.
    hiveProblem = `did not start: ${(err as Error).message.split('\n').slice(0, 6).join(' | ')}`;
    await hive?.stop();
  }
  return { gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`, gateway, subgraphUrls, hiveUrl, hiveProblem, children };
}

function assertAlive(services: Services) {
  const dead = services.children.find((c) => c.exited && (c.name !== 'hive-gateway' || services.hiveUrl));
  if (dead) throw new Error(`${dead.exited}:\n${dead.tail()}`);
}

// ---- measurements ----

interface Run extends LoadResult {
  target: 'gateway' | 'direct' | 'hive';
}

interface ScenarioResult {
  scenario: Scenario;
  subgraph: string;
  gateway: Run;
  direct: Run;
  hive: Run | null;
  hiveProblem: string | null;
}

async function measure(url: string, requests: LoadRequest[], opts: Options): Promise<LoadResult> {
  const warmup = Math.max(1, Math.min(3, Math.round(opts.duration / 5)));
  await drive(url, requests, { connections: CONNECTIONS, seconds: warmup });
  return drive(url, requests, { connections: CONNECTIONS, seconds: opts.duration });
}

interface Soak {
  seconds: number;
  load: LoadResult;
  rssStart: number;
  rssEnd: number;
  rssPeak: number;
  growthPct: number;
}

/** RSS of the gateway over the soak: the median of the first and of the last three one-second samples, and the peak. */
async function soak(services: Services, requests: LoadRequest[], seconds: number): Promise<Soak> {
  const pid = services.gateway.pid;
  await drive(services.gatewayUrl, requests, { connections: CONNECTIONS, seconds: Math.max(2, Math.min(10, Math.round(seconds / 6))) });
  const samples: number[] = [rssBytes(pid)];
  const sampler = setInterval(() => {
    try {
      samples.push(rssBytes(pid));
    } catch {
      // the process is gone; assertAlive reports it
    }
  }, 1000);
  try {
    const load = await drive(services.gatewayUrl, requests, { connections: CONNECTIONS, seconds });
    clearInterval(sampler);
    samples.push(rssBytes(pid));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rssStart = median(samples.slice(0, 3));
    const rssEnd = median(samples.slice(-3));
    return { seconds, load, rssStart, rssEnd, rssPeak: Math.max(...samples), growthPct: ((rssEnd - rssStart) / rssStart) * 100 };
  } finally {
    clearInterval(sampler);
  }
}

// ---- report ----

function report(opts: Options, results: ScenarioResult[], sqlCounts: SqlCounts, otherSql: { scale: string; counts: Record<string, number> } | null,
  soakResult: Soak | null, counts: Record<string, number>) {
  const sql = sqlCounts.total;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log(`\nEunomia benchmark: scale ${opts.scale}, ${CONNECTIONS} connections, ${opts.duration} s per scenario and target, viewer ${VIEWER}`);
  console.log(`Dataset: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  console.log('Hive: @graphql-hive/gateway-runtime on the same supergraph, checking the token like ours, in-flight deduplication off\n');
  for (const r of results) console.log(`  ${r.scenario.name.padEnd(17)} ${r.scenario.label} (root subgraph: ${r.subgraph})`);
  console.log('');
  const rows: Record<string, string | number>[] = [];
  for (const r of results) {
    const line = (run: Run | null, target: string, extra: { sql?: string; overhead?: string; hive?: string }) => rows.push({
      scenario: r.scenario.name,
      target,
      rps: run ? run.rps.toFixed(0) : 'n/a',
      p50_ms: run ? ms(run.p50) : 'n/a',
      p95_ms: run ? ms(run.p95) : 'n/a',
      p99_ms: run ? ms(run.p99) : 'n/a',
      errors: run ? String(run.errors) : 'n/a',
      'sql/op': extra.sql ?? '',
      'overhead(p50 gw/direct)': extra.overhead ?? '',
      'hive/apollo(p50)': extra.hive ?? '',
    });
    line(r.gateway, 'gateway (Apollo)', { sql: String(sql[r.scenario.name] ?? 'n/a'), overhead: `${fixed2(ratio(r.gateway.p50, r.direct.p50))}x` });
    line(r.direct, `direct (${r.subgraph})`, {});
    line(r.hive, 'gateway (Hive)', { hive: r.hive ? `${fixed2(ratio(r.hive.p50, r.gateway.p50))}x` : 'n/a (see below)' });
  }
  if (soakResult) {
    rows.push({
      scenario: 'soak (mix)', target: 'gateway (Apollo)', rps: soakResult.load.rps.toFixed(0), p50_ms: ms(soakResult.load.p50), p95_ms: ms(soakResult.load.p95),
      p99_ms: ms(soakResult.load.p99), errors: String(soakResult.load.errors), 'sql/op': '', 'overhead(p50 gw/direct)': '', 'hive/apollo(p50)': '',
    });
  }
  printTable(rows);
  console.log('\nSQL statements per operation, by subgraph (in process, caches warm):');
  for (const r of results) console.log(`  ${r.scenario.name.padEnd(17)} ${sql[r.scenario.name] ?? 'n/a'}: ${sqlCounts.detail[r.scenario.name] ?? ''}`);

  const failures = [...results.flatMap((r) => [r.gateway, r.direct].filter((x) => x.sampleError).map((x) => `${r.scenario.name} ${x.target}: ${x.sampleError}`)),
    ...(soakResult?.load.sampleError ? [`soak: ${soakResult.load.sampleError}`] : [])];
  if (failures.length) console.log(`\nFirst error of each failing run:\n  ${failures.join('\n  ')}`);
  const hiveMissing = results.filter((r) => !r.hive).map((r) => `${r.scenario.name}: n/a, ${r.hiveProblem}`);
  if (hiveMissing.length) console.log(`\nHive gateway left out:\n  ${hiveMissing.join('\n  ')}`);
  const hiveFailures = results.filter((r) => r.hive?.sampleError).map((r) => `${r.scenario.name}: ${r.hive!.sampleError}`);
  if (hiveFailures.length) console.log(`\nHive gateway errors:\n  ${hiveFailures.join('\n  ')}`);
  if (warnings.length) console.log(`\nDataset warnings (responses correct but not what the scenario expects):\n  ${warnings.join('\n  ')}`);

  // Targets
  const atScale = (target: Scale) => (opts.scale === target ? '' : ` (target is for ${target}; this run is ${opts.scale})`);
  const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const byName = new Map(results.map((r) => [r.scenario.name, r]));
  const targets: [string, string, string][] = [];
  const searches = ['searchCommon', 'searchRare'].map((n) => byName.get(n)).filter((r): r is ScenarioResult => Boolean(r));
  if (searches.length) {
    const worst = Math.max(...searches.map((r) => r.gateway.p95));
    targets.push(['search p95 <= 50 ms through the gateway', pass(worst <= 50) + atScale('large'), searches.map((r) => `${r.scenario.name} ${ms(r.gateway.p95)} ms`).join(', ')]);
  }
  const compare = byName.get('compare27');
  if (compare) targets.push(['compare across 27 states p95 <= 100 ms', pass(compare.gateway.p95 <= 100) + atScale('large'), `${ms(compare.gateway.p95)} ms`]);
  if (otherSql) {
    const names = Object.keys(sql).filter((n) => n in otherSql.counts);
    const differ = names.filter((n) => sql[n] !== otherSql.counts[n]);
    targets.push(['SQL statements per operation equal at small and large', pass(differ.length === 0),
      differ.length ? differ.map((n) => `${n}: ${opts.scale} ${sql[n]} vs ${otherSql.scale} ${otherSql.counts[n]}`).join(', ')
        : `${names.length} scenarios equal (${otherSql.scale} counts from its last run)`]);
  } else {
    targets.push(['SQL statements per operation equal at small and large', 'n/a', `no ${opts.scale === 'small' ? 'large' : 'small'} run yet; counts kept in .bench-data/${opts.scale}/sql-per-op.json`]);
  }
  const errorCount = results.reduce((n, r) => n + r.gateway.errors + r.direct.errors, 0) + (soakResult?.load.errors ?? 0);
  targets.push(['zero errors (gateway, direct, soak)', pass(errorCount === 0), `${errorCount} errors`]);
  if (soakResult) {
    targets.push([`gateway RSS growth < 10% over the soak`, pass(soakResult.growthPct < 10) + (soakResult.seconds < 60 ? ` (soak ${soakResult.seconds} s; the target is 60 s)` : ''),
      `${mb(soakResult.rssStart)} MB -> ${mb(soakResult.rssEnd)} MB (${soakResult.growthPct.toFixed(1)}%; medians of the first and last 3 s), peak ${mb(soakResult.rssPeak)} MB`]);
  } else {
    targets.push(['gateway RSS growth < 10% over the soak', 'n/a', '--soak 0']);
  }
  const overheads = results.map((r) => ratio(r.gateway.p50, r.direct.p50));
  targets.push(['gateway overhead reported for every scenario', pass(overheads.every(Number.isFinite)),
    results.map((r, i) => `${r.scenario.name} ${fixed2(overheads[i]!)}x`).join(', ')]);
  console.log('\nTargets:');
  printTable(targets.map(([target, status, value]) => ({ target, status, value })));

  // One JSON line per scenario, last.
  console.log('');
  for (const r of results) {
    const n = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null);
    console.log(JSON.stringify({
      scenario: r.scenario.name, scale: opts.scale, connections: CONNECTIONS, duration_s: opts.duration,
      rps: n(r.gateway.rps), p50_ms: n(r.gateway.p50), p95_ms: n(r.gateway.p95), p99_ms: n(r.gateway.p99), errors: r.gateway.errors,
      sql_per_op: sql[r.scenario.name] ?? null,
      direct_subgraph: r.subgraph, direct_rps: n(r.direct.rps), direct_p50_ms: n(r.direct.p50), direct_p95_ms: n(r.direct.p95), direct_p99_ms: n(r.direct.p99),
      direct_errors: r.direct.errors, overhead_p50: n(ratio(r.gateway.p50, r.direct.p50)),
      hive_rps: r.hive ? n(r.hive.rps) : null, hive_p50_ms: r.hive ? n(r.hive.p50) : null, hive_p95_ms: r.hive ? n(r.hive.p95) : null,
      hive_p99_ms: r.hive ? n(r.hive.p99) : null, hive_errors: r.hive ? r.hive.errors : null,
      hive_apollo_p50: r.hive ? n(ratio(r.hive.p50, r.gateway.p50)) : null, hive_apollo_rps: r.hive ? n(ratio(r.hive.rps, r.gateway.rps)) : null,
      ...(r.hive ? {} : { hive: `n/a: ${r.hiveProblem}` }),
    }));
  }
  if (soakResult) {
    const l = soakResult.load;
    console.log(JSON.stringify({
      scenario: 'soak', scale: opts.scale, connections: CONNECTIONS, duration_s: soakResult.seconds, rps: Math.round(l.rps), p50_ms: Math.round(l.p50 * 100) / 100,
      p95_ms: Math.round(l.p95 * 100) / 100, p99_ms: Math.round(l.p99 * 100) / 100, errors: l.errors,
      rss_start_mb: Number(mb(soakResult.rssStart)), rss_end_mb: Number(mb(soakResult.rssEnd)), rss_peak_mb: Number(mb(soakResult.rssPeak)),
      rss_growth_pct: Math.round(soakResult.growthPct * 10) / 10,
    }));
  }
}

// ---- main ----

async function main() {
  const opts = options();
  installSignalHandlers();
  const began = Date.now();
  const dataDir = resolve(ROOT, '.bench-data', opts.scale);
  await mkdir(dataDir, { recursive: true });
  log(`Starting PostgreSQL on ${dataDir}/pg...`);
  const pgServer = await startEmbeddedPostgres(dataDir);
  cleanups.push(async () => {
    await pgServer.stop();
  });

  const { url, counts } = await prepareDataset(pgServer, opts);

  const secrets = { SUBGRAPH_SECRET: randomBytes(24).toString('hex'), JWT_SECRET: randomBytes(32).toString('hex') };
  const common = { NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', DATABASE_URL: url, DATA_DIR: dataDir, ...secrets };
  const cfg = loadConfig(baseEnv(common));
  const [principal] = await queryOnce(url, 'SELECT agency_id, tier, roles FROM access.principals WHERE member_id = $1', [VIEWER]);
  if (!principal) throw new Error(`The dataset has no principal ${VIEWER}`);
  const token = await signToken(await keySetup(cfg), { sub: VIEWER, agency: principal.agency_id, tier: principal.tier, roles: principal.roles }, '12h');
  const auth = { authorization: `Bearer ${token}` };

  log('Counting SQL statements per operation (in process)...');
  installAttribution();
  const sql = await sqlPerOperation(url, baseEnv(common), opts.scenarios, auth);
  const sqlFile = join(dataDir, 'sql-per-op.json');
  const previous = existsSync(sqlFile) ? JSON.parse(await readFile(sqlFile, 'utf8')) : {};
  await writeFile(sqlFile, JSON.stringify({ ...previous, ...sql.total }, null, 2) + '\n');
  const otherScale = opts.scale === 'small' ? 'large' : 'small';
  const otherFile = resolve(ROOT, '.bench-data', otherScale, 'sql-per-op.json');
  const otherSql = existsSync(otherFile) ? { scale: otherScale, counts: JSON.parse(await readFile(otherFile, 'utf8')) as Record<string, number> } : null;

  log('Starting the subgraphs, the gateway and the Hive gateway, one process each...');
  const services = await startServices(opts, dataDir, common);
  const direct = directOperations(await readFile(SUPERGRAPH_PATH, 'utf8'), opts.scenarios);

  // Every target answers every scenario correctly before anything is measured (the Hive gateway: or it is left out).
  const hiveProblems = new Map<string, string>();
  for (const s of opts.scenarios) {
    const d = direct.get(s.name)!;
    checkResponse(`${s.name} through the gateway`, await postOnce(services.gatewayUrl, { query: s.query, variables: s.variables, headers: auth }), s);
    checkResponse(`${s.name} sent to ${d.subgraph}`, await postOnce(services.subgraphUrls[d.subgraph]!, {
      query: d.query, variables: d.variables, headers: { ...auth, [SUBGRAPH_SECRET_HEADER]: secrets.SUBGRAPH_SECRET },
    }), null);
    if (services.hiveUrl) {
      try {
        checkResponse(`${s.name} through the Hive gateway`, await postOnce(services.hiveUrl, { query: s.query, variables: s.variables, headers: auth }), s);
      } catch (err) {
        hiveProblems.set(s.name, (err as Error).message.replace(/^.*?: /, '').slice(0, 300));
        log(`Hive gateway, left out of ${s.name}: ${(err as Error).message}`);
      }
    }
  }

  const results: ScenarioResult[] = [];
  for (const s of opts.scenarios) {
    const d = direct.get(s.name)!;
    const viaGateway: LoadRequest[] = [{ query: s.query, variables: s.variables, headers: auth }];
    log(`${s.name}: gateway...`);
    const gateway: Run = { target: 'gateway', ...(await measure(services.gatewayUrl, viaGateway, opts)) };
    assertAlive(services);
    log(`${s.name}: direct to ${d.subgraph}...`);
    const directRun: Run = {
      target: 'direct',
      ...(await measure(services.subgraphUrls[d.subgraph]!, [{ query: d.query, variables: d.variables, headers: { ...auth, [SUBGRAPH_SECRET_HEADER]: secrets.SUBGRAPH_SECRET } }], opts)),
    };
    assertAlive(services);
    let hive: Run | null = null;
    let hiveProblem = services.hiveProblem ?? hiveProblems.get(s.name) ?? null;
    if (services.hiveUrl && !hiveProblem) {
      log(`${s.name}: Hive gateway...`);
      hive = { target: 'hive', ...(await measure(services.hiveUrl, viaGateway, opts)) };
      const hiveChild = services.children.find((c) => c.name === 'hive-gateway');
      if (hiveChild?.exited) {
        hiveProblem = `${hiveChild.exited}: ${hiveChild.tail().split('\n').slice(-3).join(' | ')}`;
        services.hiveUrl = null;
        services.hiveProblem = hiveProblem;
        hive = null;
      }
    }
    assertAlive(services);
    results.push({ scenario: s, subgraph: d.subgraph, gateway, direct: directRun, hive, hiveProblem });
  }

  let soakResult: Soak | null = null;
  if (opts.soak > 0) {
    log(`Soak: a mix of the scenarios through the gateway for ${opts.soak} s...`);
    soakResult = await soak(services, opts.scenarios.map((s) => ({ query: s.query, variables: s.variables, headers: auth })), opts.soak);
    assertAlive(services);
  }

  await cleanup();
  if (opts.cpuProf) log(`CPU profiles, one directory per service: ${profileDir(opts)} (open in Chrome DevTools > Performance).`);
  log(`Finished in ${((Date.now() - began) / 1000).toFixed(0)} s; service logs in ${join(dataDir, 'logs')}.`);
  report(opts, results, sql, otherSql, soakResult, counts);
}

async function queryOnce(url: string, sql: string, params: unknown[]): Promise<any[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  // After Ctrl-C the services stop under the benchmark's feet: that is not a failure to report.
  if (!interrupted) console.error(`\nThe benchmark failed: ${err instanceof Error ? err.message : err}`);
  exitAfterCleanup(1);
});
