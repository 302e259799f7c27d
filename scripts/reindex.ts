import { ConfigError, loadConfig } from '../lib/config.ts';
import { createSearchEngine } from '../subgraphs/search/engines.ts';
import { reindexAll } from '../subgraphs/search/events.ts';
import type { ReindexProgress } from '../subgraphs/search/events.ts';
import { NoPlatformData, prepareDatabases } from './platform.ts';
import { SEARCH_SOURCES } from './services.ts';

// Rebuilds the search index (PostgreSQL, or Meilisearch when MEILI_URL is set) from every source's documents.

const WIDTH = 30;

function progressLine(p: ReindexProgress): string {
  const ratio = p.total ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(ratio * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${p.done}/${p.total} documents (${p.source})`;
}

async function main() {
  const cfg = loadConfig();
  const dbs = await prepareDatabases(cfg, { poolSize: 2, reuseRunning: true, existingOnly: true });
  const engine = createSearchEngine(dbs.bySubgraph.search!, cfg);
  const started = Date.now();
  let lastPrinted = -1;
  try {
    const n = await reindexAll(dbs.bySubgraph.search!, engine, SEARCH_SOURCES, (p) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${progressLine(p)}`);
      else if (Math.floor((p.done / Math.max(1, p.total)) * 10) !== lastPrinted) {
        lastPrinted = Math.floor((p.done / Math.max(1, p.total)) * 10);
        process.stderr.write(`${progressLine(p)}\n`);
      }
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(`Indexed ${n} documents into ${engine.name} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await engine.close?.();
    await dbs.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof NoPlatformData ? err.message : `Reindexing failed: ${(err as Error).message}`);
  process.exit(1);
});
