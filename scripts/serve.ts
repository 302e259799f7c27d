import { readFileSync } from 'node:fs';
import { startGateway } from '../gateway/index.ts';
import { Authenticator, keySetup } from '../lib/auth.ts';
import { ConfigError, gatewayLimitsOf, loadConfig } from '../lib/config.ts';
import type { Config } from '../lib/config.ts';
import { createDataSource, migrateSchema } from '../lib/database.ts';
import { createLogger } from '../lib/logger.ts';
import type { Logger } from '../lib/logger.ts';
import { PrincipalStore } from '../lib/principals.ts';
import { startSubgraph } from '../lib/subgraphServer.ts';
import { kernelMigrations } from '../migrations/kernel/index.ts';
import { SUPERGRAPH_PATH } from '../schema/compose.ts';
import { SUBGRAPHS, defaultSubgraphPort } from '../schema/subgraphs.ts';
import { CONSOLE_DIST } from './consoleBuild.ts';
import { auditCheckpoints, consoleAuth, indexSeeds, migrateKernelAsOwner, openSubgraphDatabase, startJobs } from './platform.ts';
import { definitionOf, runnable } from './services.ts';

// Production entry point: one service per process (one container), chosen by SERVICE.

interface Running {
  name: string;
  url: string;
  stop(): Promise<void>;
}

/** What every process shares with the others must come from the environment, never from a local file. */
function requireShared(cfg: Config): { databaseUrl: string; secret: string } {
  const problems: string[] = [];
  if (!cfg.DATABASE_URL) problems.push('  DATABASE_URL: required (every service connects to the same PostgreSQL)');
  if (!cfg.SUBGRAPH_SECRET) problems.push('  SUBGRAPH_SECRET: required (the gateway and the subgraphs must share it)');
  if (!cfg.OIDC_JWKS_URL && !cfg.JWT_SECRET) {
    problems.push('  OIDC_JWKS_URL, OIDC_ISSUER, OIDC_AUDIENCE (or JWT_SECRET): required (every service verifies tokens itself)');
  }
  if (problems.length) throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  return { databaseUrl: cfg.DATABASE_URL!, secret: cfg.SUBGRAPH_SECRET! };
}

// Containers must listen on every interface; HOST and PORT still win when set.
const hostOf = (cfg: Config) => (process.env.HOST ? cfg.HOST : '0.0.0.0');

async function serveSubgraph(cfg: Config, name: string, log: Logger): Promise<Running> {
  const { databaseUrl, secret } = requireShared(cfg);
  const keys = await keySetup(cfg);
  const database = await openSubgraphDatabase(databaseUrl, name, { log, migrationUrl: cfg.MIGRATION_DATABASE_URL });
  try {
    const port = process.env.PORT ? cfg.PORT : defaultSubgraphPort(name);
    const authenticator = new Authenticator(keys, new PrincipalStore(database.db));
    const def = runnable(definitionOf(name), cfg);
    const running = await startSubgraph(
      def,
      { db: database.db, authenticator, secret, log, bodyLimit: cfg.BODY_LIMIT_BYTES, production: cfg.production },
      port,
      hostOf(cfg),
    );
    // An empty index (first start, or a new engine) is filled from the sources in the background.
    if (name === 'search') void indexSeeds(cfg, database.db, [], log);
    const checkpoints = name === 'audit' ? await auditCheckpoints(cfg, database.db, log) : null;
    // The subgraph's tasks and schedules run in its own processes (each scheduled run once across replicas).
    const jobs = def.jobs ? await startJobs({ url: databaseUrl, bySubgraph: { [name]: database.db } }, [def], log) : null;
    return {
      name,
      url: running.url,
      stop: async () => {
        await jobs?.stop();
        await checkpoints?.stop();
        await running.stop();
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

async function serveGateway(cfg: Config, log: Logger): Promise<Running> {
  const { databaseUrl, secret } = requireShared(cfg);
  const missing = SUBGRAPHS.filter((s) => !cfg.subgraphUrls[s.name]);
  if (missing.length) {
    const lines = missing.map((s) => `  ${s.name.toUpperCase()}_URL: required (URL of the ${s.name} subgraph, e.g. http://${s.name}:${defaultSubgraphPort(s.name)}/graphql)`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, cfg.subgraphUrls[s.name]!]));
  const keys = await keySetup(cfg);
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  // The gateway only reads access.principals, but it may start before any subgraph has migrated the kernel.
  const asOwner = cfg.MIGRATION_DATABASE_URL;
  if (asOwner) await migrateKernelAsOwner(asOwner, databaseUrl);
  const kernel = createDataSource({ url: databaseUrl, schema: 'access', migrations: asOwner ? [] : kernelMigrations, poolSize: 4 });
  await kernel.initialize();
  try {
    if (!asOwner) await migrateSchema(kernel, 'access');
    const running = await startGateway(
      {
        supergraphSdl,
        subgraphUrls,
        secret,
        authenticator: new Authenticator(keys, new PrincipalStore(kernel)),
        log,
        production: cfg.production,
        bodyLimit: cfg.BODY_LIMIT_BYTES,
        limits: gatewayLimitsOf(cfg),
        console: { dir: cfg.CONSOLE_DIR ?? CONSOLE_DIST, auth: consoleAuth(cfg, keys) },
      },
      cfg.PORT,
      hostOf(cfg),
    );
    return {
      name: 'gateway',
      url: running.url,
      stop: async () => {
        await running.stop();
        await kernel.destroy();
      },
    };
  } catch (err) {
    await kernel.destroy().catch(() => undefined);
    throw err;
  }
}

async function main() {
  const cfg = loadConfig(process.env, SUBGRAPHS.map((s) => s.name));
  const service = cfg.SERVICE;
  const known = ['gateway', ...SUBGRAPHS.map((s) => s.name)];
  if (!service) throw new ConfigError(`Invalid environment:\n  SERVICE: required, one of ${known.join(', ')}`);
  if (!known.includes(service)) throw new ConfigError(`Invalid environment:\n  SERVICE: "${service}" is not one of ${known.join(', ')}`);
  const log = createLogger(cfg.LOG_LEVEL);
  const running = service === 'gateway' ? await serveGateway(cfg, log) : await serveSubgraph(cfg, service, log);
  console.log(`${running.name} is listening on ${running.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    try {
      await running.stop();
      process.exit(0);
    } catch (err) {
      console.error(`${running.name} did not stop cleanly:`, err instanceof Error ? err.message : err);
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void stop(signal));
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(`${process.env.SERVICE ?? 'Service'} could not start:`, err instanceof Error ? err.message : err);
  process.exit(1);
});
