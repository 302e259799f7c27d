import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from './logger.ts';

export interface OutboxRow {
  id: string;
  txid: string;
  entityType: string;
  entityId: string;
  event: string;
  payload: Record<string, unknown>;
}

/** A reaction to another schema's events, run by the subgraph that owns `schema`. */
export interface OutboxConsumer {
  /** Unique name; the position is stored under it in `<schema>.consumer_positions`. */
  name: string;
  /** The consuming subgraph's schema. */
  schema: string;
  /** The schema whose outbox is read. */
  source: string;
  /** The events handled, or '*' for all of them. */
  events: string[] | '*';
  /** Applies a batch inside the transaction that also advances the position: at least once, so idempotent. */
  handle(tx: EntityManager, rows: OutboxRow[]): Promise<void>;
}

/**
 * Processes one batch; returns the number of rows read. Rows are read in (txid, id) order and only from
 * transactions older than every transaction still running, so a row committed late is never skipped.
 */
export async function drainOnce(db: DataSource, c: OutboxConsumer, batchSize = 200): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`INSERT INTO ${c.schema}.consumer_positions (consumer) VALUES ($1) ON CONFLICT DO NOTHING`, [c.name]);
    const [pos] = await tx.query(`SELECT last_txid::text AS txid, last_id::text AS id FROM ${c.schema}.consumer_positions WHERE consumer = $1 FOR UPDATE`, [c.name]);
    let rows: { id: string; txid: string; entity_type: string; entity_id: string; event: string; payload: Record<string, unknown> }[];
    try {
      rows = await tx.query(
        `SELECT id::text, txid::text, entity_type, entity_id, event, payload FROM ${c.source}.outbox
         WHERE (txid, id) > ($1::xid8, $2::bigint) AND txid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY txid, id LIMIT $3`, [pos.txid, pos.id, batchSize]);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '42P01') return 0; // source not migrated yet
      throw err;
    }
    if (rows.length === 0) return 0;
    const wanted = rows.filter((r) => c.events === '*' || c.events.includes(r.event))
      .map((r) => ({ id: r.id, txid: r.txid, entityType: r.entity_type, entityId: r.entity_id, event: r.event, payload: r.payload }));
    if (wanted.length) await c.handle(tx, wanted);
    const last = rows.at(-1)!;
    await tx.query(`UPDATE ${c.schema}.consumer_positions SET last_txid = $2::xid8, last_id = $3, updated_at = now() WHERE consumer = $1`, [c.name, last.txid, last.id]);
    return rows.length;
  });
}

/**
 * Whether the source outbox holds rows past the consumer's position: one statement, so an idle poll costs far less
 * than a drain's transaction. True before the consumer has a position.
 */
export async function hasPending(db: DataSource, c: OutboxConsumer): Promise<boolean> {
  try {
    const [row] = await db.query(
      `SELECT coalesce((SELECT EXISTS (SELECT 1 FROM ${c.source}.outbox o WHERE (o.txid, o.id) > (p.last_txid, p.last_id))
         FROM ${c.schema}.consumer_positions p WHERE p.consumer = $1), true) AS pending`, [c.name]);
    return row.pending;
  } catch (err) {
    if ((err as { driverError?: { code?: string } }).driverError?.code === '42P01') return false; // source not migrated yet
    throw err;
  }
}

/** Polls a consumer until stopped; errors are logged and retried on the next tick. */
export function runConsumer(db: DataSource, c: OutboxConsumer, log: Logger, intervalMs = 250): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    try {
      if (await hasPending(db, c)) while (!stopped && (await drainOnce(db, c)) > 0);
    } catch (err) {
      log.warn({ err, consumer: c.name }, 'outbox consumer failed; retrying');
    }
    if (!stopped) timer = setTimeout(() => void (running = tick()), intervalMs);
  };
  let timer = setTimeout(() => void (running = tick()), 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Drains until the consumer has passed every row present in the source outbox when called. Rows of
 * transactions still running anywhere in the cluster are held back, so this waits for them (bounded).
 */
export async function drainUntilCaughtUp(db: DataSource, c: OutboxConsumer, timeoutMs = 10_000): Promise<void> {
  const [target] = await db.query(`SELECT coalesce(max(id), 0)::text AS id FROM ${c.source}.outbox`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await drainOnce(db, c);
    const [caught] = await db.query(
      `SELECT NOT EXISTS (SELECT 1 FROM ${c.source}.outbox o WHERE o.id <= $2::bigint AND (o.txid, o.id) >
         (SELECT last_txid, last_id FROM ${c.schema}.consumer_positions WHERE consumer = $1)) AS done`, [c.name, target.id]);
    if (caught.done) return;
    if (Date.now() > deadline) throw new Error(`Consumer ${c.name} did not catch up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
