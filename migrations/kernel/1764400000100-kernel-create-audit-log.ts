import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: append-only and hash-chained. A BEFORE INSERT trigger serialises writers on an advisory lock,
 * numbers each row after the last one (`seq`), links it to that row's hash and hashes it with audit.row_digest,
 * the one function the verification (lib/audit/verify.ts) recomputes. UPDATE, DELETE and TRUNCATE are refused.
 */
export class KernelCreateAuditLog1764400000100 implements MigrationInterface {
  name = 'KernelCreateAuditLog1764400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA IF NOT EXISTS audit');
    await q.query(`CREATE TABLE audit.log (
      id bigserial PRIMARY KEY,
      seq bigint NOT NULL UNIQUE,
      at timestamptz NOT NULL DEFAULT now(),
      request_id text,
      member_id text,
      agency_id text,
      tier text,
      roles text[] NOT NULL DEFAULT '{}',
      operation_name text,
      operation_type text NOT NULL CHECK (operation_type IN ('query', 'mutation')),
      kind text NOT NULL CHECK (kind IN ('MUTATION', 'CONSULTATION', 'DENIAL', 'EXPORT')),
      entity_type text,
      entity_ids text[] NOT NULL DEFAULT '{}',
      field text,
      decision text NOT NULL CHECK (decision IN ('ALLOWED', 'DENIED')),
      error_code text,
      justification text,
      client_address text,
      subgraph text NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`);
    await q.query('CREATE INDEX log_member_idx ON audit.log (member_id, seq)');
    await q.query('CREATE INDEX log_at_idx ON audit.log (at)');
    await q.query('CREATE INDEX log_entity_ids_idx ON audit.log USING gin (entity_ids)');

    // The hash of the row before the first one.
    await q.query(`CREATE FUNCTION audit.genesis_hash() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT repeat('0', 64) $$`);
    // sha256 over the previous hash and a canonical text of every other field (times in UTC, microseconds).
    await q.query(`CREATE FUNCTION audit.row_digest(r audit.log) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(r.prev_hash || E'\\n' || jsonb_build_array(
        r.id, r.seq, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.request_id, r.member_id, r.agency_id,
        r.tier, r.roles, r.operation_name, r.operation_type, r.kind, r.entity_type, r.entity_ids, r.field, r.decision, r.error_code,
        r.justification, r.client_address, r.subgraph)::text, 'UTF8')), 'hex')
    $$`);
    // Rows inserted earlier by the same statement are visible here, so a multi-row INSERT chains row by row.
    await q.query(`CREATE FUNCTION audit.chain_row() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        last record;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('eunomia-audit-log-chain'));
        SELECT l.seq, l.hash INTO last FROM audit.log l ORDER BY l.seq DESC LIMIT 1;
        NEW.seq := coalesce(last.seq, 0) + 1;
        NEW.prev_hash := coalesce(last.hash, audit.genesis_hash());
        -- Taken under the lock, so times never go backwards along the chain.
        NEW.at := clock_timestamp();
        NEW.hash := audit.row_digest(NEW);
        RETURN NEW;
      END
    $$`);
    await q.query(`CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit.log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await q.query('CREATE TRIGGER log_chain BEFORE INSERT ON audit.log FOR EACH ROW EXECUTE FUNCTION audit.chain_row()');
    // Statement-level, so even a statement that would touch no row is refused.
    await q.query('CREATE TRIGGER log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.log FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA audit CASCADE');
  }
}
