import { ConfigError, loadConfig } from '../lib/config.ts';
import { replayDeadLetters } from '../lib/outboxConsumer.ts';
import { NoPlatformData, prepareDatabases } from './platform.ts';
import { definitions, runnable } from './services.ts';

// Hands the events an outbox consumer set aside (its dead letters) to it again:
//   npm run outbox:replay                      lists the consumers and how many letters each holds
//   npm run outbox:replay -- <consumer> [id…]  replays that consumer's letters (all, or those ids)

async function main() {
  const [name, ...ids] = process.argv.slice(2);
  const cfg = loadConfig();
  const dbs = await prepareDatabases(cfg, { poolSize: 2, reuseRunning: true, existingOnly: true });
  try {
    const consumers = definitions.map((d) => runnable(d, cfg)).flatMap((d) => (d.consumers ?? []).map((c) => ({ c, db: dbs.bySubgraph[d.name]! })));
    if (!name) {
      for (const { c, db } of consumers) {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${c.schema}.dead_letters WHERE consumer = $1 AND replayed_at IS NULL`, [c.name]);
        console.log(`${c.name}: ${n} dead letter${n === 1 ? '' : 's'}`);
      }
      return;
    }
    const found = consumers.find(({ c }) => c.name === name);
    if (!found) throw new ConfigError(`No consumer named "${name}". Consumers: ${consumers.map(({ c }) => c.name).join(', ')}.`);
    if (ids.some((id) => !/^\d+$/.test(id))) throw new ConfigError('Dead letter ids are numbers.');
    const { replayed, failed } = await replayDeadLetters(found.db, found.c, ids.length ? ids : undefined);
    console.log(`${found.c.name}: ${replayed.length} replayed, ${failed.length} still failing.`);
    for (const f of failed) console.log(`  letter ${f.id}: ${f.error}`);
    if (failed.length) process.exitCode = 1;
  } finally {
    await dbs.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof NoPlatformData ? err.message : `Replay failed: ${(err as Error).message}`);
  process.exit(1);
});
