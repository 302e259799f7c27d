import { ConfigError, loadConfig } from '../lib/config.ts';
import { PostgresStartError } from '../lib/embeddedPostgres.ts';
import { createLogger } from '../lib/logger.ts';
import { SUBGRAPHS } from '../schema/subgraphs.ts';
import { ensureConsoleBuilt } from './consoleBuild.ts';
import { startPlatform } from './platform.ts';
import type { Platform } from './platform.ts';

const STOP_DEADLINE_MS = 30_000;
// npm forwards the terminal's Ctrl-C to this process, which the terminal also signals: one keypress, two signals.
const SAME_KEYPRESS_MS = 1_000;

async function main() {
  const cfg = loadConfig(process.env, SUBGRAPHS.map((s) => s.name));
  const log = createLogger(cfg.LOG_LEVEL, 'eunomia', { human: !cfg.production });
  const began = Date.now();
  console.log(`Eunomia is starting (${cfg.DATABASE_URL ? 'external PostgreSQL' : `embedded PostgreSQL, data in ${cfg.DATA_DIR}/`})...`);
  let starting: Promise<Platform> | null = null;
  let firstSignalAt = 0;
  const stop = async (signal: NodeJS.Signals) => {
    if (firstSignalAt) {
      if (Date.now() - firstSignalAt < SAME_KEYPRESS_MS) return;
      console.log(`\n${signal} again: exiting without waiting for the rest to stop.`);
      process.exit(130);
    }
    firstSignalAt = Date.now();
    console.log(`\n${signal}: stopping the gateway, the subgraphs and PostgreSQL... (Ctrl-C again to force)`);
    setTimeout(() => {
      console.error(`Not stopped within ${STOP_DEADLINE_MS / 1000} s; exiting.`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    // A signal during start-up waits for it to finish, then stops what it started (a failed start stopped itself).
    const platform = await starting?.catch(() => null);
    await platform?.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));

  await ensureConsoleBuilt((line) => console.log(line));
  starting = startPlatform(cfg, { log, ownProcessGroup: true });
  const platform = await starting;
  if (firstSignalAt) return;
  const base = platform.gatewayUrl.replace(/\/graphql$/, '');
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  console.log(`
Eunomia is up in ${seconds}s.
  Console:   ${base}/   (open it in a browser and sign in as a demo member)
  API:       ${platform.gatewayUrl}
  GraphiQL:  ${cfg.production ? 'off in production' : `${base}/graphiql`}
  Health:    ${base}/healthz  ${base}/readyz
  Subgraphs: ${platform.subgraphs.map((s) => `${s.name} ${s.url}`).join(', ')}
  Seeds:     ${platform.seeded.length ? `loaded ${platform.seeded.join(', ')}` : 'already loaded'}

Get a demo token (in another terminal):
  ${cfg.DATA_DIR === '.data' ? '' : `DATA_DIR=${cfg.DATA_DIR} `}npm run token -- demo-manager-es
then send it as a header:  Authorization: Bearer <token>
Demo members: demo-practitioner-es, demo-manager-es, demo-practitioner-de, demo-manager-de,
  demo-trainer, demo-partner, demo-reviewer, demo-admin, demo-auditor

Press Ctrl-C to stop.`);
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof PostgresStartError) console.error(err.message);
  else console.error('Eunomia could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
