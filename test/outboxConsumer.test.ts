import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvents, consumerPositionsTableSql, deadLettersTableSql, outboxTableSql } from '../lib/outbox.ts';
import { drainOnce, drainUntilCaughtUp, replayDeadLetters, runConsumer } from '../lib/outboxConsumer.ts';
import type { OutboxConsumer, OutboxRow } from '../lib/outboxConsumer.ts';
import type { Databases } from '../scripts/platform.ts';
import { freshDatabases } from './support/platform.ts';

let dbs: Databases;
const seen: OutboxRow[] = [];
let failNext = false;
const consumer: OutboxConsumer = {
  name: 'test.consumer',
  schema: 'sink',
  source: 'source',
  events: ['thing.changed'],
  handle: async (tx, rows) => {
    await tx.query('INSERT INTO sink.applied (entity_id) SELECT unnest($1::text[])', [rows.map((r) => r.entityId)]);
    if (failNext) {
      failNext = false;
      throw new Error('handler crashed mid-batch');
    }
    seen.push(...rows);
  },
};

beforeAll(async () => {
  dbs = await freshDatabases({ seeded: false });
  const db = dbs.kernel;
  await db.query('CREATE SCHEMA source; CREATE SCHEMA sink;');
  await db.query(outboxTableSql('source'));
  await db.query(consumerPositionsTableSql('sink'));
  await db.query('CREATE TABLE sink.applied (entity_id text NOT NULL)');
  await db.query(deadLettersTableSql('sink'));
});
afterAll(async () => dbs?.close());

const emit = (ids: string[], event = 'thing.changed') =>
  dbs.kernel.transaction((tx) => emitEvents(tx, 'source', ids.map((id) => ({ entityType: 'Thing', entityId: id, event }))));
const applied = async () => (await dbs.kernel.query('SELECT entity_id FROM sink.applied ORDER BY entity_id')).map((r: any) => r.entity_id);

describe('outbox consumer', () => {
  it('reads each wanted event once, in order, and skips others', async () => {
    await emit(['a', 'b']);
    await emit(['x'], 'thing.ignored');
    await emit(['c']);
    await drainUntilCaughtUp(dbs.kernel, consumer);
    expect(seen.map((r) => r.entityId)).toEqual(['a', 'b', 'c']);
    expect(await drainOnce(dbs.kernel, consumer)).toBe(0);
  });

  it('loses nothing when the handler crashes mid-batch: the batch is retried', async () => {
    await emit(['d', 'e']);
    failNext = true;
    await expect(drainUntilCaughtUp(dbs.kernel, consumer)).rejects.toThrow('crashed');
    expect(await applied()).toEqual(['a', 'b', 'c']);
    await drainUntilCaughtUp(dbs.kernel, consumer);
    expect(await applied()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('does not skip an event whose transaction commits after a later one', async () => {
    const runner = dbs.kernel.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await emitEvents(runner.manager, 'source', [{ entityType: 'Thing', entityId: 'slow', event: 'thing.changed' }]);
    await emit(['fast']);
    await drainOnce(dbs.kernel, consumer);
    expect(await applied()).not.toContain('fast'); // held back until the older transaction ends
    await runner.commitTransaction();
    await runner.release();
    await drainUntilCaughtUp(dbs.kernel, consumer);
    expect(await applied()).toEqual(['a', 'b', 'c', 'd', 'e', 'fast', 'slow']);
  });
});

describe('order', () => {
  it('reads the events of one transaction in the order they were written, past ten of them, batch after batch', async () => {
    const order: string[] = [];
    const ordered: OutboxConsumer = { ...consumer, name: 'test.ordered', events: ['thing.numbered'], handle: async (_tx, rows) => void order.push(...rows.map((r) => r.entityId)) };
    await drainUntilCaughtUp(dbs.kernel, ordered);
    const ids = Array.from({ length: 12 }, (_, i) => `n${i + 1}`);
    await emit(ids, 'thing.numbered');
    // Rows wait while any older transaction of the cluster runs (other suites share it): drain until they come.
    await expect.poll(async () => {
      await drainOnce(dbs.kernel, ordered, 5);
      return order.length;
    }, { timeout: 10_000, interval: 10 }).toBeGreaterThanOrEqual(ids.length);
    expect(order).toEqual(ids);
  });
});

describe('a failing event', () => {
  let poisoned = true;
  const picky: OutboxConsumer = {
    name: 'test.picky',
    schema: 'sink',
    source: 'source',
    events: ['thing.checked'],
    handle: async (tx, rows) => {
      await tx.query('INSERT INTO sink.applied (entity_id) SELECT unnest($1::text[])', [rows.map((r) => r.entityId)]);
      if (poisoned && rows.some((r) => r.entityId === 'poison')) throw new Error('Thing poison has no owner.');
    },
  };
  const appliedChecks = async () => (await applied()).filter((id: string) => id.startsWith('check-') || id === 'poison');

  it('is retried with growing delays, then set aside with its error so that the events after it flow, and can be replayed', async () => {
    const lines: { level: number; msg: string; retryInMs?: number; entityId?: string; error?: string }[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    await emit(['check-1', 'poison', 'check-2'], 'thing.checked');
    await emit(['check-3'], 'thing.checked');
    const running = runConsumer(dbs.kernel, picky, log, { intervalMs: 10, maxBackoffMs: 40, maxAttempts: 3 });
    try {
      await expect.poll(appliedChecks, { timeout: 5000, interval: 20 }).toEqual(['check-1', 'check-2', 'check-3']);
    } finally {
      await running.stop();
    }
    // The whole batch failed three times (each retry later than the one before, up to the cap), then the events
    // were taken one by one and the failing one set aside.
    expect(lines.filter((l) => l.level === 40).map((l) => l.retryInMs)).toEqual([20, 40, 40]);
    expect(lines.filter((l) => l.level === 50)).toEqual([expect.objectContaining({
      msg: 'outbox event set aside as a dead letter', entityId: 'poison', error: 'Thing poison has no owner.',
    })]);
    const letters = await dbs.kernel.query('SELECT consumer, entity_type, entity_id, event, error, attempts, replayed_at FROM sink.dead_letters');
    expect(letters).toEqual([{ consumer: 'test.picky', entity_type: 'Thing', entity_id: 'poison', event: 'thing.checked',
      error: 'Thing poison has no owner.', attempts: 3, replayed_at: null }]);

    // Replaying while it still fails keeps it, with the new error; once the cause is fixed it goes through.
    expect((await replayDeadLetters(dbs.kernel, picky)).failed).toEqual([{ id: expect.any(String), error: 'Thing poison has no owner.' }]);
    poisoned = false;
    const replay = await replayDeadLetters(dbs.kernel, picky);
    expect([replay.replayed.length, replay.failed]).toEqual([1, []]);
    expect(await appliedChecks()).toEqual(['check-1', 'check-2', 'check-3', 'poison']);
    const [letter] = await dbs.kernel.query('SELECT attempts, replayed_at FROM sink.dead_letters');
    expect(letter.attempts).toBe(4);
    expect(letter.replayed_at).not.toBeNull();
    expect(await replayDeadLetters(dbs.kernel, picky)).toEqual({ replayed: [], failed: [] });
  });
});

describe('an outage', () => {
  const lines: { level: number; msg: string; entityId?: string }[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  let down = true;
  // What a handler delivers is written in its transaction, so what it undoes is undone.
  const downstream: OutboxConsumer = { ...consumer, name: 'test.downstream', events: ['thing.shipped'], handle: async (tx, rows) => {
    if (down || rows.some((r) => r.entityId === 'bad')) throw new Error(`downstream refused ${rows.map((r) => r.entityId).join(', ')}`);
    await tx.query('INSERT INTO sink.shipped (entity_id) SELECT unnest($1::text[])', [rows.map((r) => r.entityId)]);
  } };
  const delivered = async () => (await dbs.kernel.query('SELECT entity_id FROM sink.shipped ORDER BY seq')).map((r: any) => r.entity_id);
  beforeAll(async () => {
    await dbs.kernel.query('CREATE TABLE sink.shipped (seq serial PRIMARY KEY, entity_id text NOT NULL)');
  });
  const lettersOf = async (name: string) =>
    (await dbs.kernel.query('SELECT entity_id FROM sink.dead_letters WHERE consumer = $1 ORDER BY id', [name])).map((r: any) => r.entity_id);

  it('sets nothing aside while every event fails, however long, and delivers all in order once it ends', async () => {
    await emit(['ship-1', 'ship-2'], 'thing.shipped');
    await emit(['ship-3'], 'thing.shipped');
    const running = runConsumer(dbs.kernel, downstream, log, { intervalMs: 2, maxBackoffMs: 5, maxAttempts: 8 });
    try {
      await expect.poll(() => lines.filter((l) => l.msg === 'outbox consumer failed; retrying').length, { timeout: 10_000, interval: 20 })
        .toBeGreaterThanOrEqual(20);
      expect(await lettersOf('test.downstream')).toEqual([]);
      expect(lines.filter((l) => l.level === 50)).toEqual([]);
      expect(await delivered()).toEqual([]);
      down = false;
      await expect.poll(delivered, { timeout: 5000, interval: 20 }).toEqual(['ship-1', 'ship-2', 'ship-3']);
    } finally {
      await running.stop();
    }
    expect(await lettersOf('test.downstream')).toEqual([]);
  });

  it('sets nothing aside when the outage ends while the events are taken one by one, and keeps their order', async () => {
    down = true;
    // Down for whole batches; the first event taken alone fails once more and the downstream is back right after.
    const recovering: OutboxConsumer = { ...downstream, name: 'test.recovering', handle: async (tx, rows) => {
      if (down) {
        if (rows.length === 1) down = false;
        throw new Error('downstream refused');
      }
      await tx.query('INSERT INTO sink.shipped (entity_id) SELECT unnest($1::text[])', [rows.map((r) => r.entityId)]);
    } };
    await drainUntilCaughtUp(dbs.kernel, { ...recovering, handle: async () => {} });
    await emit(['r-1', 'r-2', 'r-3'], 'thing.shipped');
    const running = runConsumer(dbs.kernel, recovering, log, { intervalMs: 2, maxBackoffMs: 5, maxAttempts: 3 });
    try {
      await expect.poll(async () => (await delivered()).filter((id: string) => id.startsWith('r-')), { timeout: 5000, interval: 20 })
        .toEqual(['r-1', 'r-2', 'r-3']);
    } finally {
      await running.stop();
    }
    expect(down).toBe(false);
    expect(await lettersOf('test.recovering')).toEqual([]);
  });

  it('sets aside an event that fails alone once an event after it succeeds, and delivers the rest in order', async () => {
    const poisonous: OutboxConsumer = { ...downstream, name: 'test.poisonous' };
    down = false;
    await drainUntilCaughtUp(dbs.kernel, poisonous);
    await dbs.kernel.query('TRUNCATE sink.shipped');
    lines.length = 0;
    await emit(['bad'], 'thing.shipped');
    const running = runConsumer(dbs.kernel, poisonous, log, { intervalMs: 2, maxBackoffMs: 5, maxAttempts: 8 });
    try {
      // Alone at the end of the stream it may be an outage: it is retried, not set aside.
      await expect.poll(() => lines.length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(12);
      expect(await lettersOf('test.poisonous')).toEqual([]);
      await emit(['after-1', 'after-2'], 'thing.shipped');
      await expect.poll(delivered, { timeout: 5000, interval: 20 }).toEqual(['after-1', 'after-2']);
    } finally {
      await running.stop();
    }
    expect(await lettersOf('test.poisonous')).toEqual(['bad']);
    expect(lines.filter((l) => l.level === 50)).toEqual([expect.objectContaining({ msg: 'outbox event set aside as a dead letter', entityId: 'bad' })]);
  });
});
