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
import { countStatements, observeStatements } from '../support/sqlStatements.ts';
import { SUPERGRAPH_PATH } from '../../schema/compose.ts';
import { SUBGRAPHS } from '../../schema/subgraphs.ts';
import { openDatabases, startPlatform } from '../../scripts/platform.ts';
import type { Platform } from '../../scripts/platform.ts';
import { cpuMsPerOp } from './cpu.ts';
import type { CpuSample } from './cpu.ts';
import { clockTicksPerSecond, postmasterPid, sampleCpu } from './cpuSample.ts';
import type { CpuGroups } from './cpuSample.ts';
import { GENERATOR_VERSION, SCALES, VIEWER, databaseIsEmpty, datasetCounts, datasetMarker, generateDataset } from './dataset.ts';
import type { Scale } from './dataset.ts';
import { drive, postOnce } from './load.ts';
import type { LoadRequest } from './load.ts';
import { MIXED, MIXED_LABEL, MIXED_VIEWERS, mixedOperations } from './mixed.ts';
import { killAllNow, rssBytes, startChild, waitHealthy } from './processes.ts';
import type { Child } from './processes.ts';
import { printReport } from './report.ts';
import type { Soak, SqlCounts, Target, Window, Workload, WorkloadResult } from './report.ts';
import { SCENARIOS, directOperations } from './scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { cacheHitRate } from './stats.ts';
import { measureFanOut, printFanOut } from './fanOutScenario.ts';
import { dropDatabase } from './databases.ts';
import type { FanOutResult } from '../support/fanOut.ts';

// The platform under load, as in production: every subgraph and the gateway in a process of its own, over a generated
// dataset; each scenario through the gateway, straight to its root subgraph, and through the Hive gateway runtime, in
// rotation, over several rounds; CPU time of every process over each measured window.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONNECTIONS = 16;
const DATABASE = 'eunomia_bench';
const USAGE = `Usage: npm run bench -- [--scale small|large] [--duration 7] [--warmup 2] [--repeats 3] [--soak 60] [--fresh] [--cpu-prof] [--fetchers]
       [--only compare27,searchCommon,...,mixed] [--fanout 10000]
With the defaults a run counts SQL statements (about 7 s per scenario), measures 8 scenarios x 3 targets (mixed: 2) x 3 rounds of
2 + 7 s, then soaks for 70 s: about 15 minutes at small on a 2-core machine once the dataset exists (generating it first adds
about a minute; large takes longer). --fetchers adds a second gateway that calls the subgraphs with @apollo/gateway's default
fetcher (SUBGRAPH_FETCHER=default) as one more target in the rotation. --fanout sets how many members follow the jurisdiction and
topic of the notification fan-out scenario (0 skips it; a few seconds).`;
/** The search subgraph keeps answers for one second (lib/search/cachedEngine.ts): waiting longer gets an uncached one. */
const SEARCH_CACHE_LIFETIME_MS = 1000;
/** Principals are kept five seconds (lib/principals.ts); waiting longer makes the next request look them up again. */
const PRINCIPAL_CACHE_LIFETIME_MS = 5000;

interface Options {
  scale: Scale;
  duration: number;
  warmup: number;
  repeats: number;
  soak: number;
  fresh: boolean;
  cpuProf: boolean;
  /** Whether a second gateway with the default fetcher joins the rotation. */
  fetchers: boolean;
  scenarios: Scenario[];
  /** Whether the mixed scenario runs. */
  mixed: boolean;
  /** Followers in the notification fan-out scenario; 0 skips it. */
  fanOut: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      duration: { type: 'string', default: '7' },
      warmup: { type: 'string', default: '2' },
      repeats: { type: 'string', default: '3' },
      soak: { type: 'string', default: '60' },
      fresh: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      fetchers: { type: 'boolean', default: false },
      only: { type: 'string' },
      fanout: { type: 'string', default: '10000' },
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
  const warmup = Number(values.warmup);
  if (!Number.isInteger(warmup) || warmup < 0) problems.push('--warmup must be a whole number of seconds (0: none)');
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) problems.push('--repeats must be a whole number, at least 1');
  const soak = Number(values.soak);
  if (!Number.isInteger(soak) || soak < 0) problems.push('--soak must be a whole number of seconds (0 skips the soak)');
  let scenarios = SCENARIOS;
  let mixed = true;
  if (values.only) {
    const names = values.only.split(',').map((n) => n.trim());
    const known = [...SCENARIOS.map((s) => s.name), MIXED];
    const unknown = names.filter((n) => !known.includes(n));
    if (unknown.length) problems.push(`--only: unknown scenario ${unknown.join(', ')} (known: ${known.join(', ')})`);
    scenarios = SCENARIOS.filter((s) => names.includes(s.name));
    mixed = names.includes(MIXED);
  }
  const fanOut = Number(values.fanout);
  if (!Number.isInteger(fanOut) || fanOut < 0) problems.push('--fanout must be a whole number of followers (0 skips the fan-out scenario)');
  if (problems.length) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    process.exit(2);
  }
  return { scale, duration, warmup, repeats, soak, fresh: values.fresh!, cpuProf: values['cpu-prof']!, fetchers: values.fetchers!, scenarios, mixed, fanOut };
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
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// ---- database ----

const dropBenchDatabase = (serverUrl: string) => dropDatabase(serverUrl, DATABASE);

/** The bench database of this scale: kept when it holds a complete dataset of this generator version, else rebuilt. */
async function prepareDataset(pgServer: RunningPostgres, opts: Options): Promise<{ url: string; counts: Record<string, number> }> {
  if (opts.fresh) await dropBenchDatabase(pgServer.serverUrl);
  await ensureDatabase(pgServer.serverUrl, DATABASE);
  const url = withDatabase(pgServer.serverUrl, DATABASE);
  const marker = await datasetMarker(url);
  const reusable = marker && marker.scale === opts.scale && marker.generatorVersion === GENERATOR_VERSION;
  if (!reusable && (marker || !(await databaseIsEmpty(url)))) {
    log(marker
      ? `The kept dataset is ${marker.scale}, generator v${marker.generatorVersion}; regenerating ${opts.scale} v${GENERATOR_VERSION}.`
      : 'The kept database holds an unfinished dataset; regenerating.');
    await dropBenchDatabase(pgServer.serverUrl);
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
  observeStatements((text, client) => {
    if (!attributing) return;
    const schema = ((client as { connectionParameters?: { application_name?: string } }).connectionParameters?.application_name ?? 'other')
      .replace(/^eunomia-/, '');
    const key = /^\s*INSERT\s+INTO\s+audit\./i.test(text) ? `${schema} (audit insert)` : schema;
    bySchema.set(key, (bySchema.get(key) ?? 0) + 1);
  });
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
    const counts: SqlCounts = { uncached: {}, cached: {}, detail: {} };
    const counted = async (s: Scenario, request: LoadRequest) => {
      bySchema.clear();
      attributing = true;
      const { result, statements } = await countStatements(() => postOnce(platform!.gatewayUrl, request)).finally(() => {
        attributing = false;
      });
      checkResponse(`${s.name} (in process)`, result, s);
      return statements;
    };
    for (const s of scenarios) {
      const request = { query: s.query, variables: s.variables, headers };
      // The first request fills the per-process caches (principals, search languages), all expired before it so that
      // none expires before the count; the search cache's answer from it is then left to expire, so that the next
      // request does the search itself; a repeat at once is answered from the search cache.
      await sleep(PRINCIPAL_CACHE_LIFETIME_MS + 200);
      const first = await postOnce(platform.gatewayUrl, request);
      checkResponse(`${s.name} (in process)`, first, s);
      await sleep(SEARCH_CACHE_LIFETIME_MS + 200);
      counts.uncached[s.name] = await counted(s, request);
      counts.detail[s.name] = [...bySchema].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
      counts.cached[s.name] = await counted(s, request);
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
function checkResponse(where: string, r: { status: number; body: any }, s: Scenario | null): void {
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
  /** The second gateway, calling the subgraphs with the default fetcher (--fetchers). */
  gatewayDefaultUrl: string | null;
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
  // The benchmark is one viewer sending thousands of requests a second.
  const gatewayEnv = { SERVICE: 'gateway', ...urlEnv, RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '1000000' };
  const gateway = spawnService('gateway', 'scripts/serve.ts', { ...gatewayEnv, PORT: String(gatewayPort), SUBGRAPH_FETCHER: 'pooled' });
  await waitHealthy(gateway, `http://127.0.0.1:${gatewayPort}/healthz`);
  let gatewayDefaultUrl: string | null = null;
  if (opts.fetchers) {
    const port = await freePort();
    const other = spawnService('gateway-default', 'scripts/serve.ts', { ...gatewayEnv, PORT: String(port), SUBGRAPH_FETCHER: 'default' });
    await waitHealthy(other, `http://127.0.0.1:${port}/healthz`);
    gatewayDefaultUrl = `http://127.0.0.1:${port}/graphql`;
  }

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
  return { gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`, gateway, gatewayDefaultUrl, subgraphUrls, hiveUrl, hiveProblem, children };
}

function assertAlive(services: Services) {
  const dead = services.children.find((c) => c.exited && (c.name !== 'hive-gateway' || services.hiveUrl));
  if (dead) throw new Error(`${dead.exited}:\n${dead.tail()}`);
}

// ---- measurements ----

interface Probe {
  groups: CpuGroups;
  ticksPerSecond: number;
  /** The search cache's counters from the search subgraph's /metrics; null where it has none. */
  searchCache(): Promise<{ hits: number; misses: number } | null>;
}

function probeOf(services: Services, dataDir: string, secret: string): Probe {
  const metricsUrl = services.subgraphUrls.search?.replace(/\/graphql$/, '/metrics');
  return {
    groups: {
      processes: { ...Object.fromEntries(services.children.map((c) => [c.name, c.pid])), bench: process.pid },
      postmaster: postmasterPid(join(dataDir, 'pg')),
    },
    ticksPerSecond: clockTicksPerSecond(),
    searchCache: async () => {
      if (!metricsUrl) return null;
      try {
        const res = await fetch(metricsUrl, { headers: { [SUBGRAPH_SECRET_HEADER]: secret }, signal: AbortSignal.timeout(2000) });
        const body = res.ok ? await res.json() as Record<string, unknown> : null;
        const { searchCacheHits: hits, searchCacheMisses: misses } = body ?? {};
        return typeof hits === 'number' && typeof misses === 'number' ? { hits, misses } : null;
      } catch {
        return null;
      }
    },
  };
}

/** Warm-up, then one measured window under continuous load, every process group's CPU time sampled at its start and end. */
async function measure(url: string, requests: LoadRequest[], opts: Options, probe: Probe): Promise<Window> {
  let cpuBefore: CpuSample = {};
  let cpuAfter: CpuSample = {};
  let cacheBefore: ReturnType<Probe['searchCache']> = Promise.resolve(null);
  let cacheAfter: ReturnType<Probe['searchCache']> = Promise.resolve(null);
  const load = await drive(url, requests, {
    connections: CONNECTIONS, seconds: opts.duration, warmup: opts.warmup,
    onWindow: {
      start: () => {
        cpuBefore = sampleCpu(probe.groups);
        cacheBefore = probe.searchCache();
      },
      end: () => {
        cpuAfter = sampleCpu(probe.groups);
        cacheAfter = probe.searchCache();
      },
    },
  });
  return { ...load, cpu: cpuMsPerOp(cpuBefore, cpuAfter, load.requests, probe.ticksPerSecond), cacheHitRate: cacheHitRate(await cacheBefore, await cacheAfter) };
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

/** Each round runs every scenario on each of its targets, the targets' order turned by one from round to round and scenario to scenario. */
async function measureInRotation(services: Services, workloads: Workload[], hiveProblems: Map<string, string>, opts: Options, probe: Probe): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = workloads.map((w) => ({
    workload: w, runs: { gateway: [], gatewayDefault: [], direct: [], hive: [] }, hiveProblem: services.hiveProblem ?? hiveProblems.get(w.name) ?? null,
  }));
  for (let round = 0; round < opts.repeats; round++) {
    for (const [i, r] of results.entries()) {
      const w = r.workload;
      const targets: Target[] = ['gateway', ...(services.gatewayDefaultUrl ? ['gatewayDefault' as const] : []), ...(w.direct ? ['direct' as const] : []),
        ...(services.hiveUrl && !r.hiveProblem ? ['hive' as const] : [])];
      const turn = (round + i) % targets.length;
      for (const target of [...targets.slice(turn), ...targets.slice(0, turn)]) {
        if (target === 'hive' && !services.hiveUrl) continue;
        log(`Round ${round + 1}/${opts.repeats}, ${w.name}: ${target === 'direct' ? `direct to ${w.direct!.subgraph}` : target}...`);
        const window = target === 'gateway' ? await measure(services.gatewayUrl, w.requests, opts, probe)
          : target === 'gatewayDefault' ? await measure(services.gatewayDefaultUrl!, w.requests, opts, probe)
          : target === 'direct' ? await measure(services.subgraphUrls[w.direct!.subgraph]!, [w.direct!.request], opts, probe)
            : await measure(services.hiveUrl!, w.requests, opts, probe);
        const hiveChild = services.children.find((c) => c.name === 'hive-gateway');
        if (target === 'hive' && hiveChild?.exited) {
          services.hiveProblem = `${hiveChild.exited}: ${hiveChild.tail().split('\n').slice(-3).join(' | ')}`;
          services.hiveUrl = null;
          for (const other of results) other.hiveProblem ??= services.hiveProblem;
          continue;
        }
        assertAlive(services);
        r.runs[target].push(window);
      }
    }
  }
  return results;
}

// ---- main ----

/** A token for each member (null: anonymous, no header), with the claims of its principal. */
async function authHeaders(url: string, cfg: ReturnType<typeof loadConfig>, members: (string | null)[]): Promise<Map<string | null, { headers: Record<string, string>; lea: boolean }>> {
  const keys = await keySetup(cfg);
  const rows = await queryOnce(url, 'SELECT member_id, agency_id, tier, roles, org_kind FROM access.principals WHERE member_id = ANY($1)', [members.filter(Boolean)]);
  const out = new Map<string | null, { headers: Record<string, string>; lea: boolean }>();
  for (const member of members) {
    if (member === null) {
      out.set(null, { headers: {}, lea: false });
      continue;
    }
    const p = rows.find((row) => row.member_id === member);
    if (!p) throw new Error(`The dataset has no principal ${member}`);
    const token = await signToken(keys, { sub: member, agency: p.agency_id, tier: p.tier, roles: p.roles }, '12h');
    out.set(member, { headers: { authorization: `Bearer ${token}` }, lea: p.org_kind === 'LEA' });
  }
  return out;
}

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

  const secrets = {
    SUBGRAPH_SECRET: randomBytes(24).toString('hex'), JWT_SECRET: randomBytes(32).toString('hex'),
    // The audit service signs its checkpoints with it, and refuses to start in production without one.
    AUDIT_CHECKPOINT_KEY: randomBytes(48).toString('base64'),
  };
  const common = { NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', DATABASE_URL: url, DATA_DIR: dataDir, ...secrets };
  const cfg = loadConfig(baseEnv(common));
  const viewers = await authHeaders(url, cfg, [VIEWER, ...MIXED_VIEWERS.filter((m) => m !== VIEWER)]);
  const auth = viewers.get(VIEWER)!.headers;

  log('Counting SQL statements per operation (in process)...');
  installAttribution();
  const sql = await sqlPerOperation(url, baseEnv(common), opts.scenarios, auth);
  const sqlFile = join(dataDir, 'sql-per-op.json');
  const previous = existsSync(sqlFile) ? JSON.parse(await readFile(sqlFile, 'utf8')) : {};
  await writeFile(sqlFile, JSON.stringify({ ...previous, ...sql.uncached }, null, 2) + '\n');
  const otherScale = opts.scale === 'small' ? 'large' : 'small';
  const otherFile = resolve(ROOT, '.bench-data', otherScale, 'sql-per-op.json');
  const otherSql = existsSync(otherFile) ? { scale: otherScale, counts: JSON.parse(await readFile(otherFile, 'utf8')) as Record<string, number> } : null;

  let fanOutResults: FanOutResult[] = [];
  if (opts.fanOut > 0) {
    log(`Notification fan-out to ${opts.fanOut} followers (in process, on a seeded database of its own)...`);
    fanOutResults = await measureFanOut(pgServer.serverUrl, opts.fanOut);
  }

  log('Starting the subgraphs, the gateway and the Hive gateway, one process each...');
  const services = await startServices(opts, dataDir, common);
  const direct = directOperations(await readFile(SUPERGRAPH_PATH, 'utf8'), opts.scenarios);
  const workloads: Workload[] = opts.scenarios.map((s) => {
    const d = direct.get(s.name)!;
    return {
      name: s.name, label: s.label, scenario: s, requests: [{ query: s.query, variables: s.variables, headers: auth }],
      direct: {
        subgraph: d.subgraph, fetches: d.fetches,
        request: { query: d.query, variables: d.variables, headers: { ...auth, [SUBGRAPH_SECRET_HEADER]: secrets.SUBGRAPH_SECRET } },
      },
    };
  });
  const mixed: LoadRequest[] = mixedOperations(MIXED_VIEWERS.map((m) => ({ memberId: m, lea: viewers.get(m)!.lea })))
    .map((op) => ({ query: op.query, variables: op.variables, headers: viewers.get(op.memberId)!.headers }));
  if (opts.mixed) workloads.push({ name: MIXED, label: MIXED_LABEL, scenario: null, requests: mixed, direct: null });

  // Every target answers every request correctly before anything is measured (the Hive gateway: or it is left out).
  log('Checking every request on every target...');
  const hiveProblems = new Map<string, string>();
  for (const w of workloads) {
    for (const r of w.requests) checkResponse(`${w.name} through the gateway`, await postOnce(services.gatewayUrl, r), w.scenario);
    if (w.direct) checkResponse(`${w.name} sent to ${w.direct.subgraph}`, await postOnce(services.subgraphUrls[w.direct.subgraph]!, w.direct.request), null);
    if (!services.hiveUrl) continue;
    try {
      for (const r of w.requests) checkResponse(`${w.name} through the Hive gateway`, await postOnce(services.hiveUrl, r), w.scenario);
    } catch (err) {
      hiveProblems.set(w.name, (err as Error).message.replace(/^.*?: /, '').slice(0, 300));
      log(`Hive gateway, left out of ${w.name}: ${(err as Error).message}`);
    }
  }
  if (!opts.mixed && opts.soak > 0) {
    for (const r of mixed) checkResponse(`${MIXED} (the soak's requests) through the gateway`, await postOnce(services.gatewayUrl, r), null);
  }

  const probe = probeOf(services, dataDir, secrets.SUBGRAPH_SECRET);
  if (!probe.groups.postmaster) log('PostgreSQL\'s postmaster.pid was not found: its CPU is reported as n/a.');
  const results = await measureInRotation(services, workloads, hiveProblems, opts, probe);

  let soakResult: Soak | null = null;
  if (opts.soak > 0) {
    log(`Soak: the mixed scenario through the gateway for ${opts.soak} s...`);
    soakResult = await soak(services, mixed, opts.soak);
    assertAlive(services);
  }

  await cleanup();
  if (opts.cpuProf) log(`CPU profiles, one directory per service: ${profileDir(opts)} (open in Chrome DevTools > Performance).`);
  log(`Finished in ${((Date.now() - began) / 1000).toFixed(0)} s; service logs in ${join(dataDir, 'logs')}.`);
  printReport({
    scale: opts.scale, connections: CONNECTIONS, duration: opts.duration, warmup: opts.warmup, repeats: opts.repeats, viewer: VIEWER, counts,
    subgraphs: SUBGRAPHS.map((s) => s.name), results, sql, otherSql, soak: soakResult, warnings,
  });
  if (fanOutResults.length) printFanOut(fanOutResults);
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
