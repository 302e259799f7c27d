import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keySetup, signToken } from '../lib/auth.ts';
import { ensureDatabase, withDatabase } from '../lib/database.ts';
import { openDatabases, startPlatform } from '../scripts/platform.ts';
import type { Databases, Platform } from '../scripts/platform.ts';
import { TEST_JWT_SECRET, TEST_SUBGRAPH_SECRET, postGraphQL, silentLog, testConfig } from './support/platform.ts';

// The two roles end to end, as an operator sets them up: the administrator runs `npm run db:roles`'s SQL on a new
// database, `npm run seed` migrates through the migration role and loads the seeds, and the platform runs as the
// runtime role.

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const run = (script: string, args: string[], env: Record<string, string> = {}) => promisify(execFile)(tsx, [script, ...args], {
  cwd: root,
  env: { PATH: process.env.PATH!, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-data-dir', JWT_SECRET: TEST_JWT_SECRET,
    SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET, ...env },
});

const suffix = randomBytes(4).toString('hex');
const [database, migrator, runtime] = [`roles_${suffix}`, `eunomia_owner_${suffix}`, `eunomia_app_${suffix}`];
const server = inject('pgServerUrl');
const roleUrl = (role: string) => {
  const url = new URL(withDatabase(server, database));
  url.username = role;
  url.password = `${role}-password`;
  return url.toString();
};
const [migrationUrl, runtimeUrl] = [roleUrl(migrator), roleUrl(runtime)];
const asSuperuser = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

let seeding: { stdout: string };
let databases: Databases;
let platform: Platform;
let tokens: { token(memberId: string): Promise<string> };

beforeAll(async () => {
  await ensureDatabase(server, database);
  // The administrator's step, with the script an operator runs, then a password for each role.
  const { stdout: rolesSql } = await run('scripts/dbRoles.ts', ['--database', database, '--migrator', migrator, '--runtime', runtime]);
  await asSuperuser(withDatabase(server, database),
    `${rolesSql}\nALTER ROLE ${migrator} PASSWORD '${migrator}-password'; ALTER ROLE ${runtime} PASSWORD '${runtime}-password';`);
  seeding = await run('scripts/seed.ts', [], { DATABASE_URL: runtimeUrl, MIGRATION_DATABASE_URL: migrationUrl });
  databases = await openDatabases(runtimeUrl, { poolSize: 2, migrationUrl });
  platform = await startPlatform(testConfig(), { seed: false, log: silentLog, databases, anyPorts: true, checkpoints: false });
  const keys = await keySetup(testConfig());
  tokens = {
    token: async (memberId) => {
      const [p] = await databases.kernel.query('SELECT agency_id, tier, roles FROM access.principals WHERE member_id = $1', [memberId]);
      return signToken(keys, { sub: memberId, agency: p.agency_id, tier: p.tier, roles: p.roles }, '1h');
    },
  };
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  await databases?.close();
  // The migration role owns the database and everything in it: hand them back before the roles go.
  await asSuperuser(withDatabase(server, database),
    `REASSIGN OWNED BY ${runtime}, ${migrator} TO CURRENT_USER; DROP OWNED BY ${runtime}, ${migrator}`).catch(() => undefined);
  await asSuperuser(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await asSuperuser(server, `DROP ROLE IF EXISTS ${runtime}; DROP ROLE IF EXISTS ${migrator}`);
}, 60_000);

const query = async (q: string, variables: Record<string, unknown>, memberId: string) =>
  postGraphQL<any>(platform.gatewayUrl, q, variables, await tokens.token(memberId));

describe('the migration and runtime roles, end to end', () => {
  it('migrates and seeds a new database as the migration role, which owns every table', async () => {
    expect(seeding.stdout).toMatch(/^Loaded seeds: /);
    const foreign = await asSuperuser(withDatabase(server, database),
      `SELECT schemaname || '.' || tablename AS t, tableowner FROM pg_tables
       WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tableowner <> '${migrator}'`);
    expect(foreign).toEqual([]);
    const [{ tables }] = await asSuperuser(withDatabase(server, database), `SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'audit'`);
    expect(tables).toBeGreaterThan(0);
  });

  it('serves a read and a mutation through the gateway as the runtime role, and audits both', async () => {
    expect((await databases.kernel.query('SELECT current_user AS who'))[0].who).toBe(runtime);
    const [{ seq: before }] = await databases.kernel.query('SELECT coalesce(max(seq), 0)::int AS seq FROM audit.log');

    const read = await query('{ procedure(id: "proc-es-ct-monitoring") { id version title } }', {}, 'demo-practitioner-es');
    expect(read.errors).toBeUndefined();
    expect(read.data.procedure).toMatchObject({ id: 'proc-es-ct-monitoring', version: 3 });

    const created = await query(`mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id title organiser { id } } }`, { input: {
      title: 'Catalan monitoring exchange', theme: 'Monitoring in daily work', city: 'ES-CT', startsOn: '2026-03-02', endsOn: '2026-03-03',
      organiser: 'es-ct-mossos', topics: ['MONITORING'], participantCount: 12, summary: 'Two days of case work.', language: 'en', visibility: 'LEA',
    } }, 'demo-manager-es');
    expect(created.errors).toBeUndefined();
    expect(created.data.createWorkshop).toMatchObject({ title: 'Catalan monitoring exchange', organiser: { id: 'es-ct-mossos' } });
    const id = created.data.createWorkshop.id;
    const readBack = await query('query($id: ID!) { workshop(id: $id) { title } }', { id }, 'demo-practitioner-es');
    expect(readBack.data).toEqual({ workshop: { title: 'Catalan monitoring exchange' } });

    const audited = await databases.kernel.query(
      `SELECT member_id, kind, entity_ids FROM audit.log WHERE seq > $1 AND member_id IN ('demo-practitioner-es', 'demo-manager-es') ORDER BY seq`, [before]);
    expect(audited).toEqual([
      { member_id: 'demo-practitioner-es', kind: 'CONSULTATION', entity_ids: ['proc-es-ct-monitoring'] },
      { member_id: 'demo-manager-es', kind: 'MUTATION', entity_ids: [id] },
      { member_id: 'demo-practitioner-es', kind: 'CONSULTATION', entity_ids: [id] },
    ]);

    // The search subgraph indexed the seeds and, draining the outbox as the runtime role, indexes the new workshop.
    const SEARCH = 'query($q: String!) { search(query: $q) { hits { type title } } }';
    const seeded = await query(SEARCH, { q: 'monitoring' }, 'demo-practitioner-es');
    expect(seeded.errors).toBeUndefined();
    expect(seeded.data.search.hits).toContainEqual({ type: 'PROCEDURE', title: 'Open-source monitoring for public order and threats' });
    await expect.poll(async () => (await query(SEARCH, { q: 'Catalan monitoring exchange' }, 'demo-practitioner-es')).data?.search.hits,
      { timeout: 10_000, interval: 100 }).toContainEqual({ type: 'WORKSHOP', title: 'Catalan monitoring exchange' });
  });
});

describe('background jobs as the runtime role', () => {
  it('queues and runs a job and registers the schedules, in a jobs schema the migration role owns', async () => {
    const [{ owner }] = await asSuperuser(withDatabase(server, database), `SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'graphile_worker'`);
    expect(owner).toBe(migrator);
    const ran = new Promise<string>((ok) => platform.jobs!.events.on('job:success', ({ job }) => ok(job.task_identifier)));
    await platform.jobs!.addJob('training.remindAssignments');
    expect(await ran).toBe('training.remindAssignments');
    await expect.poll(async () => (await asSuperuser(withDatabase(server, database),
      'SELECT identifier FROM graphile_worker._private_known_crontabs ORDER BY identifier')).map((r: { identifier: string }) => r.identifier), { timeout: 10_000 })
      .toEqual(['notifications.sendDigests', 'training.remindAssignments']);
  });
});

describe('deploy/postgres-roles.sh, as the postgres container runs it', () => {
  it('creates both roles with their passwords from the one roles SQL, the database owned by the migration role', async () => {
    const initialised = `roles_init_${suffix}`;
    await ensureDatabase(server, initialised);
    const superuser = new URL(server);
    try {
      await promisify(execFile)('sh', ['deploy/postgres-roles.sh'], { cwd: root, env: {
        PATH: process.env.PATH!, POSTGRES_USER: decodeURIComponent(superuser.username), POSTGRES_DB: initialised,
        PGHOST: superuser.hostname, PGPORT: superuser.port, PGPASSWORD: decodeURIComponent(superuser.password),
        MIGRATION_DB_PASSWORD: 'owner-secret', APP_DB_PASSWORD: 'app-secret', ROLES_SQL: 'deploy/postgres-roles.sql',
      } });
      const connectAs = (role: string, password: string) => {
        const url = new URL(withDatabase(server, initialised));
        [url.username, url.password] = [role, password];
        return url.toString();
      };
      expect(await asSuperuser(connectAs('eunomia_owner', 'owner-secret'),
        `SELECT current_user AS who, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()`))
        .toEqual([{ who: 'eunomia_owner', owner: 'eunomia_owner' }]);
      expect(await asSuperuser(connectAs('eunomia_app', 'app-secret'), 'SELECT current_user AS who, rolsuper, rolcreatedb FROM pg_roles WHERE rolname = current_user'))
        .toEqual([{ who: 'eunomia_app', rolsuper: false, rolcreatedb: false }]);
      await expect(asSuperuser(connectAs('eunomia_app', 'app-secret'), 'CREATE TABLE public.sneak (x int)')).rejects.toThrow(/permission denied for schema public/);
    } finally {
      await asSuperuser(withDatabase(server, initialised), 'REASSIGN OWNED BY eunomia_app, eunomia_owner TO CURRENT_USER; DROP OWNED BY eunomia_app, eunomia_owner')
        .catch(() => undefined);
      await asSuperuser(server, `DROP DATABASE IF EXISTS ${initialised} WITH (FORCE)`);
      await asSuperuser(server, 'DROP ROLE IF EXISTS eunomia_app; DROP ROLE IF EXISTS eunomia_owner');
    }
  }, 60_000);
});
