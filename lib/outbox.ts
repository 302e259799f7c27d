import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

export interface OutboxEvent {
  entityType: string;
  entityId: string;
  event: string;
  payload?: Record<string, unknown>;
}

/**
 * SQL for a schema's outbox table; every subgraph's first migration runs it, so it must not change.
 * `txid` lets consumers read in commit-safe order (see outboxConsumer.ts).
 */
export function outboxTableSql(schema: string): string {
  return `CREATE TABLE ${schema}.outbox (
    id bigserial PRIMARY KEY,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    event text NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX outbox_txid_id_idx ON ${schema}.outbox (txid, id)`;
}

/** SQL for the table where a schema's consumers keep their position in other schemas' outboxes. */
export function consumerPositionsTableSql(schema: string): string {
  return `CREATE TABLE ${schema}.consumer_positions (
    consumer text PRIMARY KEY,
    last_txid xid8 NOT NULL DEFAULT '0',
    last_id bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`;
}

/** Appends events to `<schema>.outbox` inside the caller's transaction, in one statement. */
export async function emitEvents(manager: EntityManager, schema: string, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO ${schema}.outbox (entity_type, entity_id, event, payload)
     SELECT e.entity_type, e.entity_id, e.event, e.payload FROM jsonb_to_recordset($1::jsonb)
       AS e(entity_type text, entity_id text, event text, payload jsonb)`,
    [JSON.stringify(events.map((e) => ({ entity_type: e.entityType, entity_id: e.entityId, event: e.event, payload: e.payload ?? {} })))],
  );
}

/**
 * SQL for the table where a schema's consumers set aside events their handler kept failing on (with the error), so
 * that the events after them flow; `npm run outbox:replay` hands them to the handler again.
 */
export function deadLettersTableSql(schema: string): string {
  return `CREATE TABLE ${schema}.dead_letters (
    id bigserial PRIMARY KEY,
    consumer text NOT NULL,
    outbox_id bigint NOT NULL,
    txid xid8 NOT NULL,
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    event text NOT NULL,
    payload jsonb NOT NULL,
    error text NOT NULL,
    attempts int NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now(),
    replayed_at timestamptz,
    UNIQUE (consumer, outbox_id)
  )`;
}

/** The migration that gives a consuming schema its dead letters table; each such schema's migration extends it. */
export function deadLettersMigration(schema: string) {
  return class DeadLettersMigration implements MigrationInterface {
    async up(q: QueryRunner): Promise<void> {
      await q.query(deadLettersTableSql(schema));
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${schema}.dead_letters`);
    }
  };
}
