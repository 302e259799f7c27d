import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Queryable } from './audit/collector.ts';

// Two database roles: the migration role owns every schema and table (it runs the migrations); the runtime role,
// which the services connect as, reads and writes data and changes no structure. On the audit log it may only
// INSERT and SELECT: not being its owner, it can neither disable its triggers nor alter, update, delete or truncate it.

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The role a postgres:// URL connects as. */
export const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

/** The roles' SQL, one source for `npm run db:roles` and the postgres container (psql variables database, migrator, runtime). */
export const ROLES_SQL_FILE = fileURLToPath(new URL('../deploy/postgres-roles.sql', import.meta.url));

/** SQL an administrator runs once: both roles, the database owned by the migration role, nothing for PUBLIC. */
export function createRolesSql(opts: { database: string; migrator: string; runtime: string }): string {
  const names: Record<string, string> = opts;
  return readFileSync(ROLES_SQL_FILE, 'utf8').replace(/:"(\w+)"/g, (_m, name: string) => {
    if (names[name] === undefined) throw new Error(`${ROLES_SQL_FILE} names an unknown variable ${name}`);
    return ident(names[name]);
  });
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
