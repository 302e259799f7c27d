import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '../../lib/outbox.ts';

const TOPIC = `('COMMUNICATION', 'MONITORING', 'INVESTIGATION')`;
const TOPIC_ARRAY = `ARRAY['COMMUNICATION', 'MONITORING', 'INVESTIGATION']`;
const STATUS = `('PROPOSED', 'ENDORSED', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED')`;

export class WorkshopsCreateTables1764400005000 implements MigrationInterface {
  name = 'WorkshopsCreateTables1764400005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE workshops.workshops (
      id text PRIMARY KEY,
      title text NOT NULL,
      series text,
      theme text NOT NULL,
      city_code text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      organiser_id text NOT NULL,
      topics text[] NOT NULL CHECK (topics <@ ${TOPIC_ARRAY}::text[]),
      participant_count int NOT NULL CHECK (participant_count >= 0),
      participant_org_kinds text[] NOT NULL DEFAULT '{}',
      summary text NOT NULL,
      report_status text NOT NULL CHECK (report_status IN ('PLANNED', 'DRAFT', 'PUBLISHED')),
      visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT')),
      restricted_to text[] NOT NULL DEFAULT '{}',
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= starts_on)
    )`);
    await q.query('CREATE INDEX workshops_starts_on_idx ON workshops.workshops (starts_on)');
    await q.query(`CREATE TABLE workshops.swot_items (
      id text PRIMARY KEY,
      workshop_id text NOT NULL REFERENCES workshops.workshops(id),
      topic text NOT NULL CHECK (topic IN ${TOPIC}),
      quadrant text NOT NULL CHECK (quadrant IN ('STRENGTH', 'WEAKNESS', 'OPPORTUNITY', 'THREAT')),
      statement text NOT NULL,
      evidence text,
      jurisdictions text[] NOT NULL DEFAULT '{}',
      position int NOT NULL,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (workshop_id, position)
    )`);
    await q.query('CREATE INDEX swot_items_topic_quadrant_idx ON workshops.swot_items (topic, quadrant)');
    await q.query(`CREATE TABLE workshops.swot_votes (
      swot_item_id text NOT NULL REFERENCES workshops.swot_items(id),
      member_id text NOT NULL,
      voted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (swot_item_id, member_id)
    )`);
    await q.query(`CREATE TABLE workshops.key_messages (
      id text PRIMARY KEY,
      workshop_id text NOT NULL REFERENCES workshops.workshops(id),
      text text NOT NULL,
      attribution text,
      position int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (workshop_id, position)
    )`);
    await q.query(`CREATE TABLE workshops.recommendations (
      id text PRIMARY KEY,
      workshop_id text NOT NULL REFERENCES workshops.workshops(id),
      statement text NOT NULL,
      rationale text NOT NULL,
      addressees text[] NOT NULL,
      topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ${TOPIC_ARRAY}::text[]),
      priority text NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
      status text NOT NULL CHECK (status IN ${STATUS}),
      position int NOT NULL,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (workshop_id, position)
    )`);
    await q.query(`CREATE TABLE workshops.recommendation_status_changes (
      id bigserial PRIMARY KEY,
      recommendation_id text NOT NULL REFERENCES workshops.recommendations(id),
      from_status text CHECK (from_status IN ${STATUS}),
      to_status text NOT NULL CHECK (to_status IN ${STATUS}),
      reason text NOT NULL,
      changed_by text,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX recommendation_status_changes_rec_idx ON workshops.recommendation_status_changes (recommendation_id, id)');
    await q.query(`CREATE TABLE workshops.recommendation_links (
      recommendation_id text NOT NULL REFERENCES workshops.recommendations(id),
      target_type text NOT NULL CHECK (target_type IN ('PROCEDURE', 'LEGAL_FRAMEWORK', 'CURRICULUM')),
      target_id text NOT NULL,
      linked_by text,
      linked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (recommendation_id, target_type, target_id)
    )`);
    await q.query(outboxTableSql('workshops'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE workshops.outbox, workshops.recommendation_links, workshops.recommendation_status_changes,
      workshops.recommendations, workshops.key_messages, workshops.swot_votes, workshops.swot_items, workshops.workshops`);
  }
}
