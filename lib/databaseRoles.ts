import type { Queryable } from './audit/collector.ts';

// Two database roles: the migration role owns every schema and table (it runs the migrations); the runtime role,
// which the services connect as, reads and writes data and changes no structure. On the audit log it may only
// INSERT and SELECT: not being its owner, it can neither disable its triggers nor alter, update, delete or truncate it.

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The role a postgres:// URL connects as. */
export const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

/** SQL an administrator runs once: both roles, the database owned by the migration role, nothing for PUBLIC. */
export function createRolesSql(opts: { database: string; migrator: string; runtime: string }): string {
  const db = ident(opts.database);
  const [migrator, runtime] = [ident(opts.migrator), ident(opts.runtime)];
  return [
    `-- Set each role's password afterwards, e.g. in psql: \\password ${opts.migrator}`,
    `CREATE ROLE ${migrator} LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS;`,
    `CREATE ROLE ${runtime} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;`,
    // Owning the database (and so, from PostgreSQL 15, its public schema) lets migrations create trusted extensions.
    `ALTER DATABASE ${db} OWNER TO ${migrator};`,
    `REVOKE ALL ON DATABASE ${db} FROM PUBLIC;`,
    `GRANT CONNECT, CREATE, TEMPORARY ON DATABASE ${db} TO ${migrator};`,
    `GRANT CONNECT ON DATABASE ${db} TO ${runtime};`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC;`,
    '',
  ].join('\n');
}

/** What the runtime role may do in the schemas the migration role made; run by the migration role after migrating. */
export function runtimeGrantsSql(schemas: readonly string[], role: string): string[] {
  const r = ident(role);
  return [
    ...[...new Set(schemas)].filter((s) => s !== 'audit').flatMap((name) => {
      const s = ident(name);
      return [
        `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
        `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`,
      ];
    }),
    'GRANT USAGE ON SCHEMA audit TO ' + r,
    `REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM ${r}`,
    `GRANT SELECT, INSERT ON audit.log TO ${r}`,
    `GRANT USAGE ON SEQUENCE audit.log_id_seq TO ${r}`,
  ];
}

export async function grantRuntime(db: Queryable, schemas: readonly string[], role: string): Promise<void> {
  await db.query(runtimeGrantsSql(schemas, role).join(';\n'));
}
