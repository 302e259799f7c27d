import type { MigrationInterface, QueryRunner } from 'typeorm';
import { consumerPositionsTableSql, outboxTableSql } from '../../lib/outbox.ts';

export class ProceduresCreateTables1764400002000 implements MigrationInterface {
  name = 'ProceduresCreateTables1764400002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE procedures.dimensions (
      key text PRIMARY KEY,
      label text NOT NULL,
      description text NOT NULL,
      topic text NOT NULL CHECK (topic IN ('COMMUNICATION', 'MONITORING', 'INVESTIGATION')),
      value_type text NOT NULL CHECK (value_type IN ('BOOLEAN', 'INTEGER', 'DECIMAL', 'TEXT', 'ENUM', 'LIST')),
      unit text,
      allowed_values text[]
    )`);
    await q.query(`CREATE TABLE procedures.procedures (
      id text PRIMARY KEY,
      agency_id text NOT NULL,
      jurisdiction_code text NOT NULL,
      topic text NOT NULL CHECK (topic IN ('COMMUNICATION', 'MONITORING', 'INVESTIGATION')),
      latest_version int NOT NULL,
      published_version int,
      review_status text NOT NULL DEFAULT 'CURRENT' CHECK (review_status IN ('CURRENT', 'NEEDS_REVIEW')),
      last_verified_at date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX procedures_jurisdiction_topic_idx ON procedures.procedures (jurisdiction_code, topic)');
    await q.query('CREATE INDEX procedures_agency_idx ON procedures.procedures (agency_id)');
    await q.query(`CREATE TABLE procedures.procedure_versions (
      procedure_id text NOT NULL REFERENCES procedures.procedures(id),
      version int NOT NULL CHECK (version > 0),
      status text NOT NULL CHECK (status IN ('DRAFT', 'IN_FORCE', 'SUPERSEDED', 'WITHDRAWN')),
      title text NOT NULL,
      summary text NOT NULL,
      body text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      language text NOT NULL,
      visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT')),
      restricted_to text[] NOT NULL DEFAULT '{}',
      effective_from date,
      in_force_until date,
      published_at timestamptz,
      steps jsonb NOT NULL DEFAULT '[]',
      legal_basis text[] NOT NULL DEFAULT '{}',
      dimension_values jsonb NOT NULL DEFAULT '{}',
      operational_notes text,
      resourcing jsonb,
      change_note text,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (procedure_id, version),
      CHECK (status = 'DRAFT' OR (effective_from IS NOT NULL AND published_at IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX procedure_versions_in_force_idx ON procedures.procedure_versions (effective_from, in_force_until)
      WHERE status <> 'DRAFT'`);
    await q.query('CREATE INDEX procedure_versions_legal_basis_idx ON procedures.procedure_versions USING gin (legal_basis)');
    await q.query(outboxTableSql('procedures'));
    await q.query(consumerPositionsTableSql('procedures'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE procedures.consumer_positions, procedures.outbox, procedures.procedure_versions, procedures.procedures, procedures.dimensions');
  }
}
