import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvents, consumerPositionsTableSql, outboxTableSql } from '../lib/outbox.ts';
import { drainOnce, drainUntilCaughtUp } from '../lib/outboxConsumer.ts';
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
