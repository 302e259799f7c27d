import { ConfigError, loadConfig } from '../lib/config.ts';
import { createLogger } from '../lib/logger.ts';
import { prepareDatabases } from './platform.ts';

// Runs every schema's pending migrations (also done by npm start).
async function main() {
  const cfg = loadConfig();
  const dbs = await prepareDatabases(cfg, { poolSize: 2, reuseRunning: true, log: createLogger(cfg.LOG_LEVEL) });
  await dbs.close();
  console.log('Migrations are up to date.');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`);
  process.exit(1);
});
