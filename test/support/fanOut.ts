import { drainUntilCaughtUp, drainOnce } from '../../lib/outboxConsumer.ts';
import type { OutboxConsumer } from '../../lib/outboxConsumer.ts';
import { emitEvents } from '../../lib/outbox.ts';
import type { Databases } from '../../scripts/platform.ts';
import { definitionOf } from '../../scripts/services.ts';
import { countStatements } from './sqlStatements.ts';

// A procedure published in a jurisdiction and topic that many members follow: how the notifications subgraph makes
// their notifications (statements sent, time taken). Used by test/notifications.fanOut.test.ts and `npm run bench`.

export const FAN_OUT_TARGET = { procedure: 'proc-de-by-monitoring', jurisdiction: 'DE-BY', topic: 'MONITORING' };

export interface FanOutResult {
  followers: number;
  made: number;
  statements: number;
  ms: number;
}

export const consumerOf = (source: string): OutboxConsumer =>
  definitionOf('notifications').consumers!.find((c) => c.source === source)!;

/** Waits (at most 30 s) until the newest procedures outbox row can be read by a consumer. */
async function untilReadable(db: Databases['kernel']): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [{ ready }] = await db.query('SELECT max(txid) < pg_snapshot_xmin(pg_current_snapshot()) AS ready FROM procedures.outbox');
    if (ready) return;
    if (Date.now() > deadline) throw new Error('The procedures outbox row stayed behind a running transaction for 30 s.');
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/**
 * On seeded databases: `followers` more German law-enforcement members (run prefix `prefix`) follow the jurisdiction and
 * topic of a published procedure; its publication is announced again, and the notifications consumer's batch is timed
 * and counted. Returns how many notifications the batch made for the run's members.
 */
export async function fanOut(databases: Databases, followers: number, prefix: string): Promise<FanOutResult> {
  const notifications = databases.bySubgraph.notifications!;
  const consumer = consumerOf('procedures');
  await drainUntilCaughtUp(notifications, consumer);
  await databases.kernel.query(
    `INSERT INTO access.principals (member_id, agency_id, jurisdiction, jurisdiction_path, org_kind, tier, roles, active, agency_path)
     SELECT $1 || n, 'de-by-polizei', 'DE-BY', ARRAY['DE-BY', 'DE', 'EU'], 'LEA', 'PRACTITIONER', '{}', true, ARRAY['de-by-polizei']
     FROM generate_series(1, $2::int) n`, [prefix, followers]);
  await notifications.query(
    `INSERT INTO notifications.follows (member_id, target_type, target_id) SELECT $1 || n, 'JURISDICTION_TOPIC', $3 FROM generate_series(1, $2::int) n`,
    [prefix, followers, `${FAN_OUT_TARGET.jurisdiction}:${FAN_OUT_TARGET.topic}`]);
  await databases.bySubgraph.procedures!.transaction((tx) => emitEvents(tx, 'procedures', [{
    entityType: 'Procedure', entityId: FAN_OUT_TARGET.procedure, event: 'procedure.published',
    payload: { version: 1, jurisdiction: FAN_OUT_TARGET.jurisdiction, topic: FAN_OUT_TARGET.topic, supersedes: null },
  }]));
  // A consumer reads a row only once every transaction older than it has ended, in the whole cluster (another test's
  // database included): wait for that, so that the one batch counted is the one that makes the notifications.
  await untilReadable(notifications);
  const began = performance.now();
  const { statements } = await countStatements(() => drainOnce(notifications, consumer));
  const ms = performance.now() - began;
  const [{ n }] = await notifications.query(
    `SELECT count(*)::int AS n FROM notifications.notifications WHERE member_id LIKE $1 || '%' AND kind = 'PROCEDURE_IN_FORCE'`, [prefix]);
  return { followers, made: n, statements, ms };
}
