import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ANONYMOUS } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { keySetup, signToken } from '../../lib/auth.ts';
import { loadConfig } from '../../lib/config.ts';
import type { Config } from '../../lib/config.ts';
import { ensureDatabase, withDatabase } from '../../lib/database.ts';
import { createLogger } from '../../lib/logger.ts';
import { openDatabases, startPlatform } from '../../scripts/platform.ts';
import type { Databases, Platform } from '../../scripts/platform.ts';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';
export const TEST_SUBGRAPH_SECRET = 'subgraph-secret-for-tests-0123456789';
export const silentLog = createLogger('silent');

/** A database of its own for one test file, copied from a template the global setup built. */
export async function freshDatabases(opts: { seeded: boolean }): Promise<Databases> {
  const server = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(server, name, opts.seeded ? 'tpl_seeded' : 'tpl_migrated');
  return openDatabases(withDatabase(server, name), { poolSize: 3 });
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent-data-dir',
    JWT_SECRET: TEST_JWT_SECRET,
    SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
    PORT: '4000',
    ...overrides,
  });
}

export interface TestPlatform extends Platform {
  token(memberId: string, ttl?: string): Promise<string>;
  /** POSTs a GraphQL operation to the gateway as the given member (or anonymously). */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: string | null): Promise<GraphQLResponse<T>>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** Every subgraph and the gateway on free ports over a fresh database. */
/**
 * `consumers: false` keeps background event polling out of tests that count SQL statements. `jobs: true` runs the job
 * runner (mail sending, reminders, digests and their schedules); off by default, so that no scheduled run touches a
 * test that does not ask for it.
 */
export async function startTestPlatform(opts: { seeded?: boolean; env?: Record<string, string>; consumers?: boolean; jobs?: boolean } = {}): Promise<TestPlatform> {
  const databases = await freshDatabases({ seeded: opts.seeded ?? true });
  const cfg = testConfig(opts.env);
  // Signed audit checkpoints only where a test gives their key (the test data directory does not exist).
  const platform = await startPlatform(cfg, {
    seed: false, log: silentLog, databases, anyPorts: true, consumers: opts.consumers, checkpoints: Boolean(cfg.AUDIT_CHECKPOINT_KEY),
    jobs: opts.jobs ?? false,
  });
  const keys = await keySetup(cfg);
  const tokens = new Map<string, string>();
  const token = async (memberId: string, ttl = '1h') => {
    const key = `${memberId}/${ttl}`;
    if (!tokens.has(key)) {
      const [p] = await databases.kernel.query('SELECT agency_id, tier, roles FROM access.principals WHERE member_id = $1', [memberId]);
      tokens.set(key, await signToken(keys, { sub: memberId, agency: p?.agency_id ?? 'unknown', tier: p?.tier ?? null, roles: p?.roles ?? [] }, ttl));
    }
    return tokens.get(key)!;
  };
  return {
    ...platform,
    token,
    query: async (query, variables = {}, as = null) => postGraphQL(platform.gatewayUrl, query, variables, as ? await token(as) : null),
    stop: async () => {
      await platform.stop();
      await databases.close();
    },
  };
}

export async function postGraphQL<T>(url: string, query: string, variables: Record<string, unknown> = {}, token: string | null = null, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse<T>;
  return { ...body, status: res.status };
}

/** The viewer a seeded member authenticates as, read from the kernel's principal table. */
export async function viewerOf(databases: Databases, memberId: string | null): Promise<Viewer> {
  if (!memberId) return ANONYMOUS;
  const [p] = await databases.kernel.query('SELECT * FROM access.principals WHERE member_id = $1', [memberId]);
  if (!p) throw new Error(`No principal ${memberId}`);
  return { memberId, agencyId: p.agency_id, jurisdiction: p.jurisdiction, jurisdictionPath: p.jurisdiction_path, orgKind: p.org_kind, tier: p.tier, roles: p.roles };
}

/** The error codes of a GraphQL response, in order. */
export const codes = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);
