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
export default async function setup(project: TestProject) {
  await ensureConsoleBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'eunomia-test-'));
  const pg = await startEmbeddedPostgres(dir, { throwaway: true });
  try {
    for (const [name, seeded] of [['tpl_migrated', false], ['tpl_seeded', true]] as const) {
      await ensureDatabase(pg.serverUrl, name);
      const dbs = await openDatabases(withDatabase(pg.serverUrl, name), { poolSize: 2 });
      if (seeded) await indexSeeds({}, dbs.bySubgraph.search, await loadSeeds(dbs.bySubgraph, dbs.kernel));
      await dbs.close();
    }
  } catch (err) {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  project.provide('pgServerUrl', pg.serverUrl);
  return async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}
