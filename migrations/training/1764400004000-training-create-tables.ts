import type { MigrationInterface, QueryRunner } from 'typeorm';
import { consumerPositionsTableSql, outboxTableSql } from '../../lib/outbox.ts';

export class TrainingCreateTables1764400004000 implements MigrationInterface {
  name = 'TrainingCreateTables1764400004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE training.curricula (
      id text PRIMARY KEY,
      owner_agency_id text NOT NULL,
      title text NOT NULL,
      summary text NOT NULL,
      audience text NOT NULL CHECK (audience IN ('MANAGER', 'PRACTITIONER', 'ALL')),
      topics text[] NOT NULL DEFAULT '{}',
      tags text[] NOT NULL DEFAULT '{}',
      learning_outcomes text[] NOT NULL DEFAULT '{}',
      language text NOT NULL,
      estimated_hours numeric(6, 1) NOT NULL CHECK (estimated_hours > 0),
      visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT')),
      restricted_to text[] NOT NULL DEFAULT '{}',
      related_procedures text[] NOT NULL DEFAULT '{}',
      related_legal_frameworks text[] NOT NULL DEFAULT '{}',
      version int NOT NULL DEFAULT 1 CHECK (version > 0),
      validity_months int NOT NULL CHECK (validity_months > 0),
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX curricula_related_procedures_idx ON training.curricula USING gin (related_procedures)');
    await q.query(`CREATE TABLE training.modules (
      id text PRIMARY KEY,
      curriculum_id text NOT NULL REFERENCES training.curricula(id),
      position int NOT NULL CHECK (position > 0),
      title text NOT NULL,
      outline text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('ELEARNING', 'CLASSROOM', 'EXERCISE', 'WEBINAR')),
      duration_minutes int NOT NULL CHECK (duration_minutes > 0),
      pass_mark int CHECK (pass_mark BETWEEN 0 AND 100),
      UNIQUE (curriculum_id, position)
    )`);
    await q.query(`CREATE TABLE training.assignments (
      id text PRIMARY KEY,
      curriculum_id text NOT NULL REFERENCES training.curricula(id),
      curriculum_version int NOT NULL,
      member_id text NOT NULL,
      assigned_by text,
      via_agency_id text,
      due_on date NOT NULL,
      status text NOT NULL CHECK (status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
      completed_on date,
      refresh_due_on date,
      needs_refresh boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL))
    )`);
    // A member holds at most one open assignment per curriculum; a completed one may be followed by a refresher.
    await q.query(`CREATE UNIQUE INDEX assignments_open_once_idx ON training.assignments (curriculum_id, member_id)
      WHERE status IN ('ASSIGNED', 'IN_PROGRESS')`);
    await q.query('CREATE INDEX assignments_member_idx ON training.assignments (member_id)');
    await q.query(`CREATE TABLE training.module_progress (
      assignment_id text NOT NULL REFERENCES training.assignments(id),
      module_id text NOT NULL REFERENCES training.modules(id),
      completed boolean NOT NULL,
      score int CHECK (score BETWEEN 0 AND 100),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (assignment_id, module_id)
    )`);
    await q.query(outboxTableSql('training'));
    await q.query(consumerPositionsTableSql('training'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE training.consumer_positions, training.outbox, training.module_progress, training.assignments, training.modules, training.curricula');
  }
}
