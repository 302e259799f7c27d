import { createServer } from 'node:net';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { EntityManager, EntitySchema, MigrationInterface } from 'typeorm';

// Calendar dates stay 'YYYY-MM-DD' strings: no time zone may shift them.
pg.types.setTypeParser(1082, (v: string) => v);

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

/** Replaces the database name of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** True when the server has a database of that name. */
export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return Boolean((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  } finally {
    await client.end();
  }
}

/** Creates a database if it does not exist (optionally from a template). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    // A copy of a small template: copying its files beats writing every page to the WAL (the default strategy).
    if (!rowCount) await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template} STRATEGY FILE_COPY` : ''}`);
  } finally {
    await client.end();
  }
}

export type MigrationClass = new () => MigrationInterface;

export interface SchemaOptions {
  url: string;
  /** The Postgres schema this data source owns. */
  schema: string;
  entities?: EntitySchema[];
  migrations?: MigrationClass[];
  poolSize?: number;
}

/** One TypeORM DataSource bound to one Postgres schema, with its own migrations table. */
export function createDataSource(opts: SchemaOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    schema: opts.schema,
    entities: opts.entities ?? [],
    migrations: opts.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Migrations create the extensions they need; several data sources connect at once and must not race to.
    installExtensions: false,
    logging: false,
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    extra: { max: Math.max(2, opts.poolSize ?? 10), // migrateSchema holds one connection for its lock
      idleTimeoutMillis: 10_000, application_name: `eunomia-${opts.schema}` },
  });
}

/** Creates the schema if needed and runs its pending migrations; returns the names applied. */
export async function migrateSchema(ds: DataSource, schema: string): Promise<string[]> {
  // Replicas starting together must not run the same migration twice.
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`eunomia-migrate-${schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`eunomia-migrate-${schema}`]).catch(() => undefined);
    await lock.release();
  }
}

const sqlState = (err: unknown, state: string) => {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.code === state || e?.driverError?.code === state;
};

/** True when a statement failed on a unique constraint (SQLSTATE 23505). */
export const isUniqueViolation = (err: unknown): boolean => sqlState(err, '23505');

/** True when a statement named a table that does not exist (SQLSTATE 42P01), e.g. a schema not migrated yet. */
export const isUndefinedTable = (err: unknown): boolean => sqlState(err, '42P01');

/**
 * The DataSource as code inside one transaction sees it: queries, repositories and query builders run on that
 * transaction's connection, and a `transaction()` opened through it runs as part of that transaction (no savepoint:
 * an error inside it fails the whole transaction, which is rolled back).
 */
export function dataSourceWithin(ds: DataSource, manager: EntityManager): DataSource {
  type Work = (tx: EntityManager) => unknown;
  const within: Record<PropertyKey, unknown> = {
    manager,
    query: manager.query.bind(manager),
    // transaction(work) or transaction(isolationLevel, work)
    transaction: async (first: unknown, second?: unknown) => ((typeof first === 'function' ? first : second) as Work)(manager),
    getRepository: manager.getRepository.bind(manager),
    createQueryBuilder: manager.createQueryBuilder.bind(manager),
  };
  return new Proxy(ds, {
    get(target, prop) {
      if (prop in within) return within[prop];
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
