import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { checkpointFile, checkpointKey, startCheckpoints } from '../lib/audit/checkpoint.ts';
import { Authenticator, keySetup, secretFile } from '../lib/auth.ts';
import type { KeySetup } from '../lib/auth.ts';
import { gatewayLimitsOf } from '../lib/config.ts';
import type { Config } from '../lib/config.ts';
import { createDataSource, databaseExists, ensureDatabase, migrateSchema, withDatabase } from '../lib/database.ts';
import { grantRuntime, roleOf } from '../lib/databaseRoles.ts';
import { JOBS_SCHEMA, jobsRuntimeAccessSql, migrateJobs, runJobs } from '../lib/jobs.ts';
import type { JobRunner } from '../lib/jobs.ts';
import { embeddedServerUrl, runningPostgresPort, startEmbeddedPostgres } from '../lib/embeddedPostgres.ts';
import { createLogger } from '../lib/logger.ts';
import type { Logger } from '../lib/logger.ts';
import { PrincipalStore } from '../lib/principals.ts';
import { startSubgraph } from '../lib/subgraphServer.ts';
import type { RunningSubgraph, SubgraphDefinition } from '../lib/subgraphServer.ts';
import { startGateway } from '../gateway/index.ts';
import type { RunningGateway } from '../gateway/index.ts';
import type { ConsoleAuth } from '../gateway/console.ts';
import { CONSOLE_DIST } from './consoleBuild.ts';
import { demoSignIn } from './demoSignIn.ts';
import { kernelMigrations } from '../migrations/kernel/index.ts';
import { SUPERGRAPH_PATH } from '../schema/compose.ts';
import { loadSeeds } from '../seeds/load.ts';
import { createSearchEngine } from '../subgraphs/search/engines.ts';
import { reindexAll } from '../subgraphs/search/events.ts';
import { SEARCH_SOURCES, definitionOf, definitions, runnable } from './services.ts';

export const EMBEDDED_DATABASE = 'eunomia';

export interface Databases {
  url: string;
  kernel: DataSource;
  bySubgraph: Record<string, DataSource>;
  close(): Promise<void>;
}

/** A helper command found no platform data to work on; the message names where it looked and what to do. */
export class NoPlatformData extends Error {}

/**
 * Connects (starting embedded PostgreSQL when DATABASE_URL is unset) and runs every schema's migrations.
 * `existingOnly`: for helper commands, which work on what `npm start` made and never create a cluster or database.
 */
export async function prepareDatabases(
  cfg: Config,
  opts: { poolSize?: number; log?: Logger; reuseRunning?: boolean; existingOnly?: boolean; ownProcessGroup?: boolean } = {},
): Promise<Databases> {
  let url = cfg.DATABASE_URL;
  let stopPg: (() => Promise<void>) | null = null;
  if (!url) {
    const dataDir = resolve(cfg.DATA_DIR);
    const missing = () => new NoPlatformData(
      `No Eunomia data in ${dataDir} (DATA_DIR). Start the platform once with npm start, or set DATA_DIR to the directory it uses.`,
    );
    if (opts.existingOnly && !existsSync(join(dataDir, 'pg', 'PG_VERSION'))) throw missing();
    // Helper commands (token, migrate, seed) join a PostgreSQL that `npm start` is already running.
    const running = opts.reuseRunning ? await runningPostgresPort(dataDir) : null;
    const started = running ? null : await startEmbeddedPostgres(dataDir, { port: cfg.EMBEDDED_PG_PORT, ownProcessGroup: opts.ownProcessGroup });
    stopPg = started?.stop ?? null;
    const serverUrl = started?.serverUrl ?? embeddedServerUrl(running!);
    try {
      if (opts.existingOnly && !(await databaseExists(serverUrl, EMBEDDED_DATABASE))) throw missing();
      await ensureDatabase(serverUrl, EMBEDDED_DATABASE);
    } catch (err) {
      await started?.stop();
      throw err;
    }
    url = withDatabase(serverUrl, EMBEDDED_DATABASE);
  }
  return openDatabases(url, { ...opts, stopPg, migrationUrl: cfg.MIGRATION_DATABASE_URL });
}

/**
 * The kernel's schemas, and with subgraphs theirs and the job runner's (a subgraph without tables of its own still has
 * one; the processes that serve subgraphs run their jobs).
 */
const schemasOf = (names: string[]) => ['access', 'audit', ...(names.length ? [JOBS_SCHEMA, ...names] : [])];

/**
 * With a migration URL (the schemas' owner), migrates through it and grants the runtime role (DATABASE_URL's user)
 * what it needs, no more; the caller then connects as the runtime role without migrating.
 */
async function migrateAsOwner(migrationUrl: string, runtimeUrl: string, migrate: (url: string) => Promise<{ kernel: DataSource; close(): Promise<void> }>, subgraphs: string[]): Promise<void> {
  const owner = await migrate(migrationUrl);
  try {
    await grantRuntime(owner.kernel, schemasOf(subgraphs), roleOf(runtimeUrl));
    if (subgraphs.length) await owner.kernel.query(jobsRuntimeAccessSql(roleOf(runtimeUrl)));
  } finally {
    await owner.close();
  }
}

/** The kernel's schemas migrated through the owner's URL and granted to the runtime role (the gateway's start). */
export async function migrateKernelAsOwner(migrationUrl: string, runtimeUrl: string): Promise<void> {
  await migrateAsOwner(migrationUrl, runtimeUrl, async (u) => {
    const kernel = createDataSource({ url: u, schema: 'access', migrations: kernelMigrations, poolSize: 2 });
    await kernel.initialize();
    try {
      await migrateSchema(kernel, 'access');
    } catch (err) {
      await kernel.destroy();
      throw err;
    }
    return { kernel, close: () => kernel.destroy() };
  }, []);
}

/** Opens one DataSource per schema on an existing database and migrates each (through `migrationUrl` when given). */
export async function openDatabases(
  url: string, opts: { poolSize?: number; log?: Logger; stopPg?: (() => Promise<void>) | null; migrationUrl?: string; migrate?: boolean } = {},
): Promise<Databases> {
  if (opts.migrationUrl && opts.migrationUrl !== url) {
    try {
      await migrateAsOwner(opts.migrationUrl, url, (u) => openDatabases(u, { poolSize: 2, log: opts.log }), definitions.map((d) => d.name));
    } catch (err) {
      await opts.stopPg?.();
      throw err;
    }
    return openDatabases(url, { ...opts, migrationUrl: undefined, migrate: false });
  }
  const migrate = opts.migrate !== false;
  const kernel = createDataSource({ url, schema: 'access', migrations: migrate ? kernelMigrations : [], poolSize: opts.poolSize ?? 4 });
  const sources = definitions.map((def) => createDataSource({ url, schema: def.name, entities: def.entities, migrations: migrate ? def.migrations : [], poolSize: opts.poolSize }));
  const opened: DataSource[] = [];
  try {
    // Connected together; migrated one after the other, the kernel first (later schemas may refer to earlier ones).
    await Promise.all([kernel, ...sources].map(async (ds) => {
      await ds.initialize();
      opened.push(ds);
    }));
    if (migrate) await migrateSchema(kernel, 'access');
    if (migrate) await migrateJobs(url, opts.log);
    const bySubgraph: Record<string, DataSource> = {};
    for (const [i, def] of definitions.entries()) {
      const applied = migrate ? await migrateSchema(sources[i]!, def.name) : [];
      if (applied.length) opts.log?.info({ subgraph: def.name, applied }, 'migrations applied');
      bySubgraph[def.name] = sources[i]!;
    }
    return {
      url,
      kernel,
      bySubgraph,
      close: async () => {
        await Promise.all(opened.map((d) => d.destroy()));
        await opts.stopPg?.();
      },
    };
  } catch (err) {
    await Promise.all(opened.map((d) => d.destroy().catch(() => undefined)));
    await opts.stopPg?.();
    throw err;
  }
}

export interface SubgraphDatabase {
  url: string;
  kernel: DataSource;
  db: DataSource;
  close(): Promise<void>;
}

/** Opens and migrates the kernel's schema and one subgraph's schema: what a single-service process needs. */
export async function openSubgraphDatabase(
  url: string, name: string, opts: { poolSize?: number; log?: Logger; migrationUrl?: string } = {},
): Promise<SubgraphDatabase> {
  if (opts.migrationUrl && opts.migrationUrl !== url) {
    await migrateAsOwner(opts.migrationUrl, url, (u) => openSubgraphDatabase(u, name, { poolSize: 2, log: opts.log }), [name]);
    const db = createDataSource({ url, schema: name, entities: definitionOf(name).entities, poolSize: opts.poolSize });
    await db.initialize();
    return { url, kernel: db, db, close: () => db.destroy() };
  }
  const def = definitionOf(name);
  // The kernel pool only serves migrations here; the subgraph's own pool reads access.principals.
  const kernel = createDataSource({ url, schema: 'access', migrations: kernelMigrations, poolSize: 2 });
  await kernel.initialize();
  const opened: DataSource[] = [kernel];
  try {
    await migrateSchema(kernel, 'access');
    await migrateJobs(url, opts.log);
    const db = createDataSource({ url, schema: def.name, entities: def.entities, migrations: def.migrations, poolSize: opts.poolSize });
    await db.initialize();
    opened.push(db);
    const applied = await migrateSchema(db, def.name);
    if (applied.length) opts.log?.info({ subgraph: def.name, applied }, 'migrations applied');
    return { url, kernel, db, close: async () => void (await Promise.all(opened.map((d) => d.destroy()))) };
  } catch (err) {
    await Promise.all(opened.map((d) => d.destroy().catch(() => undefined)));
    throw err;
  }
}

export interface Platform {
  gatewayUrl: string;
  subgraphs: RunningSubgraph[];
  gateway: RunningGateway;
  databases: Databases;
  /** The process's job runner (every subgraph's tasks and schedules), unless started without (`jobs: false`). */
  jobs: JobRunner | null;
  keys: KeySetup;
  secret: string;
  seeded: string[];
  stop(): Promise<void>;
}

/** Everything for one user on one machine: database, migrations, seeds, every subgraph and the gateway. */
export async function startPlatform(
  cfg: Config,
  opts: {
    seed?: boolean; log?: Logger; databases?: Databases; anyPorts?: boolean; consumers?: boolean; ownProcessGroup?: boolean; checkpoints?: boolean;
    /** Run the subgraphs' background tasks and schedules in this process (default true). */
    jobs?: boolean;
  } = {},
): Promise<Platform> {
  const log = opts.log ?? createLogger(cfg.LOG_LEVEL);
  const databases = opts.databases ?? (await prepareDatabases(cfg, { log, poolSize: 5, ownProcessGroup: opts.ownProcessGroup }));
  const started: { stop(): Promise<void> }[] = [];
  try {
    const seeded = opts.seed === false ? [] : await loadSeeds(databases.bySubgraph, databases.kernel);
    if (opts.seed !== false) await indexSeeds(cfg, databases.bySubgraph.search, seeded, log);
    const keys = await keySetup(cfg);
    const secret = cfg.SUBGRAPH_SECRET ?? (await secretFile(cfg.DATA_DIR, 'subgraph-secret'));
    const subgraphs: RunningSubgraph[] = [];
    // One definition per subgraph for its server and its jobs (they share its counters).
    const runnables = definitions.map((def) => runnable(def, cfg));
    for (const [i, def] of runnables.entries()) {
      const db = databases.bySubgraph[def.name]!;
      const port = opts.anyPorts ? 0 : (cfg.subgraphPorts[def.name] ?? cfg.PORT + 1 + i);
      const authenticator = new Authenticator(keys, new PrincipalStore(db));
      const running = await startSubgraph(def, {
        db, authenticator, secret, log, bodyLimit: cfg.BODY_LIMIT_BYTES, production: cfg.production, runConsumers: opts.consumers,
      }, port, cfg.HOST);
      started.push(running);
      subgraphs.push(running);
    }
    if (opts.checkpoints !== false) started.push(await auditCheckpoints(cfg, databases.kernel, log));
    const gateway = await startGateway(
      {
        supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
        subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
        secret,
        authenticator: new Authenticator(keys, new PrincipalStore(databases.kernel)),
        log,
        production: cfg.production,
        bodyLimit: cfg.BODY_LIMIT_BYTES,
        introspect: cfg.GATEWAY_INTROSPECT === '1',
        limits: gatewayLimitsOf(cfg),
        console: { dir: cfg.CONSOLE_DIR ?? CONSOLE_DIST, auth: consoleAuth(cfg, keys) },
        demoSignIn: !cfg.production && keys.kind === 'secret' && databases.bySubgraph.directory
          ? demoSignIn(databases.bySubgraph.directory, databases.kernel, keys)
          : undefined,
      },
      opts.anyPorts ? 0 : cfg.PORT,
      cfg.HOST,
    );
    started.push(gateway);
    const jobs = opts.jobs === false ? null : await startJobs(databases, runnables, log);
    if (jobs) started.push(jobs);
    return {
      gatewayUrl: gateway.url,
      subgraphs,
      gateway,
      databases,
      jobs,
      keys,
      secret,
      seeded,
      stop: async () => {
        for (const s of started.reverse()) await s.stop().catch((err) => log.warn({ err }, 'stop failed'));
        if (!opts.databases) await databases.close();
      },
    };
  } catch (err) {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    if (!opts.databases) await databases.close();
    throw err;
  }
}

/** One job runner for this process over the tasks and schedules of the subgraphs it serves. */
export async function startJobs(databases: Pick<Databases, 'url' | 'bySubgraph'>, defs: SubgraphDefinition<unknown>[], log: Logger): Promise<JobRunner> {
  return runJobs({
    connectionString: databases.url,
    sets: defs.flatMap((d) => (d.jobs ? [{ name: d.name, db: databases.bySubgraph[d.name]!, jobs: d.jobs }] : [])),
    log,
  });
}

/** The audit log's signed checkpoints, taken every AUDIT_CHECKPOINT_INTERVAL_SECONDS by the process serving the audit subgraph. */
export async function auditCheckpoints(cfg: Config, db: DataSource, log: Logger): Promise<{ stop(): Promise<void> }> {
  const key = await checkpointKey(cfg, { create: true });
  return startCheckpoints(db, { key, file: checkpointFile(cfg), intervalSeconds: cfg.AUDIT_CHECKPOINT_INTERVAL_SECONDS, log });
}

/** How the console signs members in: the OpenID provider when a client id is configured, demo members in development. */
export function consoleAuth(cfg: Config, keys: KeySetup): ConsoleAuth {
  if (cfg.OIDC_ISSUER && cfg.OIDC_CLIENT_ID) return { auth: 'oidc', issuer: cfg.OIDC_ISSUER, clientId: cfg.OIDC_CLIENT_ID, scope: cfg.OIDC_SCOPE };
  return !cfg.production && keys.kind === 'secret' ? { auth: 'demo' } : { auth: 'none' };
}

/** Seeds are written without outbox events, so the search index is rebuilt when they load (or when it is empty). */
export async function indexSeeds(cfg: Pick<Config, 'MEILI_URL' | 'MEILI_KEY'>, db: DataSource | undefined, seeded: string[], log?: Logger): Promise<void> {
  if (!db) return;
  const engine = createSearchEngine(db, cfg);
  try {
    if (seeded.length === 0 && (await engine.count()) > 0) return;
    const n = await reindexAll(db, engine, SEARCH_SOURCES);
    log?.info({ documents: n, engine: engine.name }, 'search index rebuilt');
  } catch (err) {
    log?.warn({ err, engine: engine.name }, 'search index not rebuilt; run npm run reindex when the engine is up');
  } finally {
    await engine.close?.();
  }
}
