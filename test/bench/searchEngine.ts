import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ANONYMOUS } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { ensureDatabase, withDatabase } from '../../lib/database.ts';
import { startEmbeddedPostgres } from '../../lib/embeddedPostgres.ts';
import { createSearchEngine } from '../../subgraphs/search/engines.ts';
import { parseQuery } from '../../subgraphs/search/queryText.ts';
import { openDatabases } from '../../scripts/platform.ts';
import { searchDocuments } from './generate.ts';
import { percentile, printTable, progress } from './stats.ts';

// Search engine latency at 10k and 100k documents (engine only; the gateway benchmark is npm run bench).
// npm run bench:search -- [--sizes 10000,100000] [--runs 200]   (MEILI_URL set: Meilisearch instead of PostgreSQL)

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, runs: { type: 'string', default: '200' } } });
const sizes = values.sizes!.split(',').map(Number);
const runs = Number(values.runs);

const manager: Viewer = { memberId: 'bench-manager', agencyId: 'bench', jurisdiction: 'ES-CT', jurisdictionPath: ['ES-CT', 'ES', 'EU'], orgKind: 'LEA', tier: 'MANAGER', roles: [] };
const QUERIES: [string, string, Viewer][] = [
  ['common word, manager', 'social', manager],
  ['common word, anonymous', 'police', ANONYMOUS],
  ['two words + phrase', 'monitoring "public safety"', manager],
  ['rare word', 'kalomi', manager],
  ['typo', 'investigaton', manager],
];

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'eunomia-bench-search-'));
  await chmod(dir, 0o755); // PostgreSQL runs as its own user when started as root
  const pg = await startEmbeddedPostgres(dir);
  const rows: Record<string, string | number>[] = [];
  try {
    for (const size of sizes) {
      const name = `bench_search_${size}`;
      await ensureDatabase(pg.serverUrl, name);
      const dbs = await openDatabases(withDatabase(pg.serverUrl, name), { poolSize: 4 });
      const engine = createSearchEngine(dbs.bySubgraph.search!, { MEILI_URL: process.env.MEILI_URL, MEILI_KEY: process.env.MEILI_KEY });
      try {
        await engine.clear();
        let done = 0;
        const started = Date.now();
        for (const batch of searchDocuments(size)) {
          await engine.index(batch);
          done += batch.length;
          progress(`indexing ${size}`, done, size);
        }
        const indexSeconds = (Date.now() - started) / 1000;
        await dbs.bySubgraph.search!.query('VACUUM ANALYZE search.documents').catch(() => undefined);
        for (const [label, text, viewer] of QUERIES) {
          const samples: number[] = [];
          let total = 0;
          for (let i = 0; i < runs; i++) {
            const req = { query: parseQuery(text), filter: {}, viewer, sort: 'RELEVANCE' as const, offset: 0, limit: 20 };
            const t0 = performance.now();
            const [page] = await Promise.all([engine.search(req), engine.facets(req)]);
            samples.push(performance.now() - t0);
            total = page.total;
          }
          samples.sort((a, b) => a - b);
          rows.push({ engine: engine.name, documents: size, query: label, matches: total, p50_ms: percentile(samples, 50), p95_ms: percentile(samples, 95), index_s: indexSeconds });
        }
      } finally {
        await engine.close?.();
        await dbs.close();
      }
    }
  } finally {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
  console.log('\nSearch + facets, one request at a time, 20 hits per page:');
  printTable(rows);
  for (const r of rows) console.log(JSON.stringify({ scenario: `search:${r.query}`, ...r }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
