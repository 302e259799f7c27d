import { ConfigError, loadConfig } from '../lib/config.ts';
import { loadSeeds } from '../seeds/load.ts';
import { indexSeeds, prepareDatabases } from './platform.ts';

// Loads the seed sets not yet applied to this database (also done by npm start).
async function main() {
  const cfg = loadConfig();
  const dbs = await prepareDatabases(cfg, { poolSize: 2, reuseRunning: true });
  try {
    const loaded = await loadSeeds(dbs.bySubgraph, dbs.kernel);
    await indexSeeds(cfg, dbs.bySubgraph.search, loaded);
    console.log(loaded.length ? `Loaded seeds: ${loaded.join(', ')}.` : 'Seeds were already loaded.');
  } finally {
    await dbs.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `Seeding failed: ${(err as Error).message}`);
  process.exit(1);
});
