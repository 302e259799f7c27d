import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '../../lib/database.ts';
import { indexSeeds, openDatabases } from '../../scripts/platform.ts';
import { loadSeeds } from '../../seeds/load.ts';

// One real PostgreSQL per test run; two templates (migrated, migrated + seeded) that each test file copies.
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'eunomia-test-'));
  const { chmod } = await import('node:fs/promises');
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres(dir);
  for (const [name, seeded] of [['tpl_migrated', false], ['tpl_seeded', true]] as const) {
    await ensureDatabase(pg.serverUrl, name);
    const dbs = await openDatabases(withDatabase(pg.serverUrl, name), { poolSize: 2 });
    if (seeded) await indexSeeds({}, dbs.bySubgraph.search, await loadSeeds(dbs.bySubgraph, dbs.kernel));
    await dbs.close();
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
