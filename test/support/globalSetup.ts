import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, withDatabase } from '../../lib/database.ts';
import { startEmbeddedPostgres } from '../../lib/embeddedPostgres.ts';
import { ensureConsoleBuilt } from '../../scripts/consoleBuild.ts';
import { indexSeeds, openDatabases } from '../../scripts/platform.ts';
import { loadSeeds } from '../../seeds/load.ts';

// The web console built (when its sources changed), one real PostgreSQL per test run; two templates (migrated, migrated + seeded) that each test file copies.
// This runs in vitest's own process: nothing here may install exit or signal handlers (they would decide its exit code).
// Each project (suites, timing) runs its global setup; they share the one PostgreSQL, stopped when the last is done.

interface Shared {
  serverUrl: Promise<string>;
  stop: () => Promise<void>;
  users: number;
}
const key = Symbol.for('eunomia.testPostgres');
const registry = globalThis as unknown as Record<symbol, Shared | undefined>;

async function startShared(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  await ensureConsoleBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'eunomia-test-'));
  const pg = await startEmbeddedPostgres(dir, { throwaway: true });
  const stop = async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const [name, seeded] of [['tpl_migrated', false], ['tpl_seeded', true]] as const) {
      await ensureDatabase(pg.serverUrl, name);
      const dbs = await openDatabases(withDatabase(pg.serverUrl, name), { poolSize: 2 });
      if (seeded) await indexSeeds({}, dbs.bySubgraph.search, await loadSeeds(dbs.bySubgraph, dbs.kernel));
      await dbs.close();
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { serverUrl: pg.serverUrl, stop };
}

export default async function setup(project: TestProject) {
  let shared = registry[key];
  if (!shared) {
    const started = startShared();
    shared = { serverUrl: started.then((s) => s.serverUrl), stop: async () => (await started).stop(), users: 0 };
    registry[key] = shared;
    started.catch(() => (registry[key] = undefined));
  }
  shared.users++;
  project.provide('pgServerUrl', await shared.serverUrl);
  return async () => {
    if (--shared.users > 0) return;
    registry[key] = undefined;
    await shared.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}
