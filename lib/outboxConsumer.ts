import type { DataSource, EntityManager } from 'typeorm';
import { isUndefinedTable } from './database.ts';
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

type SourceRow = { id: string; txid: string; entity_type: string; entity_id: string; event: string; payload: Record<string, unknown> };

const toOutboxRow = (r: SourceRow): OutboxRow => ({ id: r.id, txid: r.txid, entityType: r.entity_type, entityId: r.entity_id, event: r.event, payload: r.payload });

/**
 * Runs `step` in a transaction on the next rows past the consumer's position (locked), then moves the position past
 * the rows `step` says it consumed (all of them unless it returns a count); returns the number of rows read. Rows are
 * read in (txid, id) order (the numbers, not their text) and only from transactions older than every transaction
 * still running, so a row committed late is never skipped.
 */
async function atPosition(db: DataSource, c: OutboxConsumer, batchSize: number, step: (tx: EntityManager, rows: OutboxRow[]) => Promise<number | void>): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`INSERT INTO ${c.schema}.consumer_positions (consumer) VALUES ($1) ON CONFLICT DO NOTHING`, [c.name]);
    const [pos] = await tx.query(`SELECT last_txid::text AS txid, last_id::text AS id FROM ${c.schema}.consumer_positions WHERE consumer = $1 FOR UPDATE`, [c.name]);
    let rows: SourceRow[];
    try {
      rows = await tx.query(
        `SELECT o.id::text, o.txid::text, o.entity_type, o.entity_id, o.event, o.payload FROM ${c.source}.outbox o
         WHERE (o.txid, o.id) > ($1::xid8, $2::bigint) AND o.txid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY o.txid, o.id LIMIT $3`, [pos.txid, pos.id, batchSize]);
    } catch (err) {
      if (isUndefinedTable(err)) return 0; // source not migrated yet
      throw err;
    }
    if (rows.length === 0) return 0;
    const consumed = (await step(tx, rows.map(toOutboxRow))) ?? rows.length;
    const last = rows[consumed - 1];
    if (last) {
      await tx.query(`UPDATE ${c.schema}.consumer_positions SET last_txid = $2::xid8, last_id = $3, updated_at = now() WHERE consumer = $1`, [c.name, last.txid, last.id]);
    }
    return rows.length;
  });
}

const wants = (c: OutboxConsumer, row: OutboxRow) => c.events === '*' || c.events.includes(row.event);

/** Processes one batch; returns the number of rows read. */
export async function drainOnce(db: DataSource, c: OutboxConsumer, batchSize = 200): Promise<number> {
  return atPosition(db, c, batchSize, async (tx, rows) => {
    const wanted = rows.filter((r) => wants(c, r));
    if (wanted.length) await c.handle(tx, wanted);
  });
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 4000);

export interface SetAside { row: OutboxRow; error: string }

/** The consumer cannot make progress: the event at its position fails and no event after it succeeds. */
export class OutboxStalled extends Error {
  constructor(readonly row: OutboxRow, readonly error: string) {
    super(`No event from ${row.id} on can be handled: ${error}`);
  }
}

async function setAside(tx: EntityManager, c: OutboxConsumer, letter: SetAside, attempts: number): Promise<void> {
  const { row, error } = letter;
  await tx.query(
    `INSERT INTO ${c.schema}.dead_letters (consumer, outbox_id, txid, entity_type, entity_id, event, payload, error, attempts)
     VALUES ($1, $2, $3::xid8, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (consumer, outbox_id) DO UPDATE SET error = excluded.error, attempts = ${c.schema}.dead_letters.attempts + excluded.attempts,
       failed_at = now(), replayed_at = NULL`,
    [c.name, row.id, row.txid, row.entityType, row.entityId, row.event, JSON.stringify(row.payload), error, attempts]);
}

/**
 * Takes the next wanted events (at most `window` handler calls, among the next `batchSize` rows) one by one, each
 * undone on its own if it fails. When an event fails and a later one then succeeds, that success is only a probe: it is
 * undone and the failed event is tried again first, so order holds. Failing again, while the downstream answers, makes
 * it poison: it is set aside in `<schema>.dead_letters` with its error, and the position moves past it. Succeeding,
 * the failure was passing (an outage that ended meanwhile) and it is delivered. When no event after a failure succeeds
 * within the window (the downstream is down, or a poison event has nothing after it yet), nothing is set aside, the
 * position stays before it and OutboxStalled is thrown, to be retried later. Returns the events set aside.
 */
export async function drainIsolating(db: DataSource, c: OutboxConsumer, attempts: number, window: number, batchSize = 200): Promise<SetAside[]> {
  const letters: SetAside[] = [];
  let stalled: SetAside | undefined;
  await atPosition(db, c, batchSize, async (tx, rows) => {
    let calls = 0;
    const attempt = async (row: OutboxRow): Promise<string | null> => {
      calls++;
      await tx.query('SAVEPOINT outbox_event');
      try {
        await c.handle(tx, [row]);
        await tx.query('RELEASE SAVEPOINT outbox_event');
        return null;
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT outbox_event');
        return messageOf(err);
      }
    };
    let consumed = 0;
    let failing: { at: number; letter: SetAside } | null = null;
    for (let n = 0; n < rows.length && calls < window; n++) {
      const row = rows[n]!;
      if (!wants(c, row)) {
        if (!failing) consumed = n + 1;
        continue;
      }
      if (!failing) {
        const error = await attempt(row);
        if (error === null) consumed = n + 1;
        else failing = { at: n, letter: { row, error } };
        continue;
      }
      // An event after a failing one: does the downstream answer at all?
      await tx.query('SAVEPOINT outbox_probe');
      const probe = await attempt(row);
      await tx.query('ROLLBACK TO SAVEPOINT outbox_probe');
      if (probe !== null) continue;
      const again = await attempt(failing.letter.row);
      if (again !== null) {
        const letter = { row: failing.letter.row, error: again };
        await setAside(tx, c, letter, attempts);
        letters.push(letter);
      }
      consumed = failing.at + 1;
      n = failing.at;
      failing = null;
    }
    stalled = failing?.letter;
    return consumed;
  });
  if (stalled) throw new OutboxStalled(stalled.row, stalled.error);
  return letters;
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
    if (isUndefinedTable(err)) return false; // source not migrated yet
    throw err;
  }
}

/**
 * For several consumers in one statement: those with rows past their position (every one without a position yet), and
 * a mark of where their positions stand, which changes whenever any of them moves.
 */
export async function pendingAndPositions(db: DataSource, consumers: OutboxConsumer[]): Promise<{ pending: OutboxConsumer[]; mark: string }> {
  if (consumers.length === 0) return { pending: [], mark: '' };
  const parts = consumers.map((c, i) => `SELECT ${i} AS i,
      coalesce((SELECT EXISTS (SELECT 1 FROM ${c.source}.outbox o WHERE (o.txid, o.id) > (p.last_txid, p.last_id))
        FROM ${c.schema}.consumer_positions p WHERE p.consumer = $${i + 1}), true) AS pending,
      (SELECT p.last_txid || '/' || p.last_id FROM ${c.schema}.consumer_positions p WHERE p.consumer = $${i + 1}) AS at`);
  try {
    const rows: { i: number; pending: boolean; at: string | null }[] = await db.query(`${parts.join(' UNION ALL ')} ORDER BY i`, consumers.map((c) => c.name));
    return { pending: rows.filter((r) => r.pending).map((r) => consumers[r.i]!), mark: rows.map((r) => r.at ?? '').join(',') };
  } catch (err) {
    if (!isUndefinedTable(err)) throw err;
    const pending = await Promise.all(consumers.map((c) => hasPending(db, c))); // a source not migrated yet
    return { pending: consumers.filter((_, i) => pending[i]), mark: '' };
  }
}

export interface ConsumerPacing {
  /** Idle poll interval, and the first retry delay after a failure (ms). */
  intervalMs: number;
  /** The retry delay doubles after each failure up to this (ms). */
  maxBackoffMs: number;
  /** Failed attempts at a batch before its events are taken one by one, to tell a poison event from an outage. */
  maxAttempts: number;
  /** How many events are taken one by one at most, looking for one that succeeds after a failing one. */
  isolationWindow: number;
  /** Rows per batch. */
  batchSize: number;
}

export const DEFAULT_PACING: ConsumerPacing = { intervalMs: 250, maxBackoffMs: 30_000, maxAttempts: 8, isolationWindow: 20, batchSize: 200 };

/**
 * Polls a consumer until stopped. A failing batch is retried with exponential backoff; after `maxAttempts`
 * failures its events are taken one by one (see drainIsolating): a poison event, one that fails while the events
 * after it succeed, is set aside as a dead letter (logged as an error) so the events after it flow again, while an
 * outage, where no event succeeds, sets nothing aside and is retried, head of line, with backoff until it ends.
 */
export function runConsumer(db: DataSource, c: OutboxConsumer, log: Logger, pacing: Partial<ConsumerPacing> = {}): { stop(): Promise<void> } {
  const { intervalMs, maxBackoffMs, maxAttempts, isolationWindow, batchSize } = { ...DEFAULT_PACING, ...pacing };
  let stopped = false;
  let failures = 0;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    let delay = intervalMs;
    try {
      if (failures >= maxAttempts) {
        for (const { row, error } of await drainIsolating(db, c, failures, isolationWindow, batchSize)) {
          log.error({ consumer: c.name, source: c.source, outboxId: row.id, event: row.event, entityType: row.entityType,
            entityId: row.entityId, attempts: failures, error }, 'outbox event set aside as a dead letter');
        }
      }
      if (await hasPending(db, c)) while (!stopped && (await drainOnce(db, c, batchSize)) > 0);
      failures = 0;
    } catch (err) {
      failures += 1;
      delay = Math.min(maxBackoffMs, intervalMs * 2 ** failures);
      log.warn({ err, consumer: c.name, attempt: failures, retryInMs: delay }, 'outbox consumer failed; retrying');
    }
    if (!stopped) timer = setTimeout(() => void (running = tick()), delay);
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
 * Hands a consumer's dead letters (not yet replayed; all, or those with these ids) to its handler again, each in its
 * own transaction: a success marks the letter replayed, a failure keeps it with the new error.
 */
export async function replayDeadLetters(db: DataSource, c: OutboxConsumer, ids?: string[]): Promise<{ replayed: string[]; failed: { id: string; error: string }[] }> {
  const letters: (SourceRow & { letter: string })[] = await db.query(
    `SELECT d.id::text AS letter, d.outbox_id::text AS id, d.txid::text, d.entity_type, d.entity_id, d.event, d.payload FROM ${c.schema}.dead_letters d
     WHERE d.consumer = $1 AND d.replayed_at IS NULL AND ($2::bigint[] IS NULL OR d.id = ANY($2::bigint[])) ORDER BY d.txid, d.outbox_id`,
    [c.name, ids ?? null]);
  const replayed: string[] = [];
  const failed: { id: string; error: string }[] = [];
  for (const letter of letters) {
    try {
      await db.transaction(async (tx) => {
        await c.handle(tx, [toOutboxRow(letter)]);
        await tx.query(`UPDATE ${c.schema}.dead_letters SET replayed_at = now() WHERE id = $1`, [letter.letter]);
      });
      replayed.push(letter.letter);
    } catch (err) {
      await db.query(`UPDATE ${c.schema}.dead_letters SET error = $2, attempts = attempts + 1, failed_at = now() WHERE id = $1`, [letter.letter, messageOf(err)]);
      failed.push({ id: letter.letter, error: messageOf(err) });
    }
  }
  return { replayed, failed };
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

