import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '../../lib/outbox.ts';

const VISIBILITY = `text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT'))`;

export class LegalCreateTables1764400003000 implements MigrationInterface {
  name = 'LegalCreateTables1764400003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE legal.position_dimensions (
      key text PRIMARY KEY,
      label text NOT NULL,
      description text NOT NULL,
      topic text NOT NULL CHECK (topic IN ('COMMUNICATION', 'MONITORING', 'INVESTIGATION')),
      value_type text NOT NULL CHECK (value_type IN ('BOOLEAN', 'INTEGER', 'DECIMAL', 'TEXT', 'ENUM', 'LIST')),
      unit text,
      allowed_values text[]
    )`);
    await q.query(`CREATE TABLE legal.frameworks (
      id text PRIMARY KEY,
      jurisdiction_code text NOT NULL,
      title text NOT NULL,
      short_title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('REGULATION', 'DIRECTIVE', 'STATUTE', 'DECREE', 'GUIDELINE', 'CASE_LAW')),
      celex text,
      eli text,
      identifier text,
      adopted_on date,
      in_force_from date,
      repealed_on date,
      languages text[] NOT NULL DEFAULT '{}',
      summary text NOT NULL,
      topics text[] NOT NULL DEFAULT '{}',
      transposes text REFERENCES legal.frameworks(id),
      visibility ${VISIBILITY},
      restricted_to text[] NOT NULL DEFAULT '{}',
      illustrative boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (repealed_on IS NULL OR in_force_from IS NULL OR repealed_on > in_force_from)
    )`);
    await q.query('CREATE INDEX frameworks_jurisdiction_idx ON legal.frameworks (jurisdiction_code)');
    await q.query('CREATE INDEX frameworks_transposes_idx ON legal.frameworks (transposes)');
    await q.query(`CREATE TABLE legal.provisions (
      id text PRIMARY KEY,
      framework_id text NOT NULL REFERENCES legal.frameworks(id),
      reference text NOT NULL,
      position int NOT NULL,
      latest_version int NOT NULL,
      visibility ${VISIBILITY},
      restricted_to text[] NOT NULL DEFAULT '{}',
      illustrative boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (framework_id, reference)
    )`);
    await q.query(`CREATE TABLE legal.contributions (
      id text PRIMARY KEY,
      author_id text NOT NULL,
      author_agency_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('COMMENT', 'AMENDMENT', 'NEW_PROVISION', 'INTERPRETATION_NOTE')),
      target_framework_id text NOT NULL REFERENCES legal.frameworks(id),
      target_provision_id text REFERENCES legal.provisions(id),
      proposed_reference text,
      proposed_heading text,
      proposed_text text NOT NULL,
      rationale text NOT NULL,
      status text NOT NULL CHECK (status IN ('SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
      visibility ${VISIBILITY},
      restricted_to text[] NOT NULL DEFAULT '{}',
      reviewer_id text,
      decision_reason text,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      review_started_at timestamptz,
      decided_at timestamptz,
      withdrawn_at timestamptz,
      resulting_provision_id text REFERENCES legal.provisions(id),
      resulting_version int,
      CHECK (kind <> 'AMENDMENT' OR target_provision_id IS NOT NULL),
      CHECK (status <> 'REJECTED' OR decision_reason IS NOT NULL)
    )`);
    await q.query('CREATE INDEX contributions_status_idx ON legal.contributions (status)');
    await q.query('CREATE INDEX contributions_author_agency_idx ON legal.contributions (author_agency_id)');
    await q.query('CREATE INDEX contributions_target_idx ON legal.contributions (target_framework_id, target_provision_id)');
    await q.query(`CREATE TABLE legal.provision_versions (
      provision_id text NOT NULL REFERENCES legal.provisions(id),
      version int NOT NULL CHECK (version > 0),
      heading text NOT NULL,
      text text NOT NULL,
      topics text[] NOT NULL DEFAULT '{}',
      dimension_values jsonb NOT NULL DEFAULT '{}',
      valid_from date NOT NULL,
      valid_until date,
      change_note text,
      proposed_by text,
      accepted_by text,
      contribution_id text REFERENCES legal.contributions(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (provision_id, version),
      CHECK (valid_until IS NULL OR valid_until >= valid_from)
    )`);
    await q.query('CREATE INDEX provision_versions_validity_idx ON legal.provision_versions (valid_from, valid_until)');
    await q.query(outboxTableSql('legal'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE legal.outbox, legal.provision_versions, legal.contributions, legal.provisions, legal.frameworks, legal.position_dimensions');
  }
}
