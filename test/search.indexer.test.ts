import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../lib/database.ts';
import { drainUntilCaughtUp } from '../lib/outboxConsumer.ts';
import { SEARCH_SOURCES } from '../scripts/services.ts';
import type { Databases } from '../scripts/platform.ts';
import { searchSubgraph } from '../subgraphs/search/index.ts';
import { TEST_JWT_SECRET, TEST_SUBGRAPH_SECRET, freshDatabases } from './support/platform.ts';

// The indexer killed in the middle of its work: nothing lost, nothing indexed twice.

let dbs: Databases;
beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
});
afterAll(async () => {
  await dbs?.close();
});

const position = async () => {
  const [row] = await dbs.kernel.query(`SELECT last_id::int AS id FROM search.consumer_positions WHERE consumer = 'search-index-procedures'`);
  return (row?.id as number | undefined) ?? 0;
};

/** Each indexed document as its source shows it now, and what the index holds. */
async function indexAgreesWithSources() {
  const sources = SEARCH_SOURCES.map((s) => `SELECT doc_type, doc_id, title FROM ${s}.search_documents`).join(' UNION ALL ');
  const [row] = await dbs.kernel.query(
    `SELECT (SELECT count(*)::int FROM (${sources}) s) AS sources,
            (SELECT count(*)::int FROM search.documents) AS indexed,
            (SELECT count(*)::int FROM (${sources}) s JOIN search.documents d USING (doc_type, doc_id) WHERE d.title = s.title) AS same`);
  return row as { sources: number; indexed: number; same: number };
}

describe('indexer crash', () => {
  it('resumes after being killed mid-batch without losing or duplicating a document', async () => {
    // A long backlog of events, then a real change at its end.
    await dbs.kernel.query(`INSERT INTO procedures.outbox (entity_type, entity_id, event)
      SELECT 'Procedure', 'proc-es-monitoring', 'procedure.updated' FROM generate_series(1, 60000)`);
    await dbs.kernel.query(`UPDATE procedures.procedure_versions v SET title = 'Kiwicrash open-source monitoring'
      FROM procedures.procedures p WHERE p.id = 'proc-fr-monitoring' AND v.procedure_id = p.id AND v.version = p.published_version`);
    await dbs.kernel.query(`INSERT INTO procedures.outbox (entity_type, entity_id, event) VALUES ('Procedure', 'proc-fr-monitoring', 'procedure.updated')`);
    const [{ last }] = await dbs.kernel.query('SELECT max(id)::int AS last FROM procedures.outbox');

    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: {
        ...process.env, SERVICE: 'search', DATABASE_URL: dbs.url, SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET, JWT_SECRET: TEST_JWT_SECRET,
        PORT: String(await freePort()), LOG_LEVEL: 'silent', NODE_ENV: 'test',
      },
      stdio: 'ignore',
    });
    const exited = new Promise((ok) => child.once('exit', ok));
    try {
      // Stopped as soon as it has begun, so that most of the backlog is left; starting may take long on a busy machine.
      await vi.waitFor(async () => expect(await position(), 'the indexer started').toBeGreaterThan(0), { timeout: 60_000, interval: 20 });
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const reached = await position();
    expect(reached, 'the indexer started').toBeGreaterThan(0);
    expect(reached, 'the indexer was stopped before the end of the backlog').toBeLessThan(last);
    expect((await dbs.kernel.query(`SELECT 1 FROM search.documents WHERE title LIKE 'Kiwicrash%'`)).length).toBe(0);

    const search = searchSubgraph({ settings: {}, sources: SEARCH_SOURCES });
    for (const consumer of search.consumers!) await drainUntilCaughtUp(dbs.bySubgraph.search!, consumer, 60_000);
    expect(await position()).toBe(last);
    const state = await indexAgreesWithSources();
    expect(state.indexed).toBe(state.sources);
    expect(state.same).toBe(state.sources);
    expect((await dbs.kernel.query(`SELECT doc_id FROM search.documents WHERE title LIKE 'Kiwicrash%'`)).map((r: { doc_id: string }) => r.doc_id))
      .toEqual(['proc-fr-monitoring']);
  }, 120_000);
});
