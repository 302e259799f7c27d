import type { MigrationInterface, QueryRunner } from 'typeorm';
import { consumerPositionsTableSql, deadLettersTableSql } from '../../lib/outbox.ts';

/**
 * Follows, saved searches and their matches, notifications, delivery preferences. A notification about an item that
 * left its owner's published view (a withdrawn procedure) keeps the guard the item had there, to be judged by.
 */
export class NotificationsCreateTables1764400019001 implements MigrationInterface {
  name = 'NotificationsCreateTables1764400019001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications.follows (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      member_id text NOT NULL,
      target_type text NOT NULL CHECK (target_type IN ('PROCEDURE', 'LEGAL_FRAMEWORK', 'CURRICULUM', 'WORKSHOP', 'JURISDICTION_TOPIC')),
      target_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (member_id, target_type, target_id)
    )`);
    await q.query('CREATE INDEX follows_target_idx ON notifications.follows (target_type, target_id, member_id)');
    await q.query(`CREATE TABLE notifications.saved_searches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      member_id text NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      query text NOT NULL CHECK (length(query) BETWEEN 1 AND 200),
      doc_types text[] NOT NULL DEFAULT '{}',
      jurisdictions text[] NOT NULL DEFAULT '{}',
      topics text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX saved_searches_member_idx ON notifications.saved_searches (member_id, created_at)');
    await q.query(`CREATE TABLE notifications.saved_search_matches (
      saved_search_id uuid NOT NULL REFERENCES notifications.saved_searches(id) ON DELETE CASCADE,
      doc_type text NOT NULL,
      doc_id text NOT NULL,
      matched_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (saved_search_id, doc_type, doc_id)
    )`);
    await q.query(`CREATE TABLE notifications.notifications (
      id bigserial PRIMARY KEY,
      member_id text NOT NULL,
      kind text NOT NULL,
      item_type text,
      item_id text,
      personal boolean NOT NULL DEFAULT false,
      title text,
      gone_visibility text,
      gone_restricted_to text[],
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      saved_search_id uuid REFERENCES notifications.saved_searches(id) ON DELETE SET NULL,
      dedupe_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      digested_at timestamptz,
      UNIQUE (member_id, dedupe_key)
    )`);
    await q.query('CREATE INDEX notifications_member_idx ON notifications.notifications (member_id, id DESC)');
    await q.query('CREATE INDEX notifications_unread_idx ON notifications.notifications (member_id, id DESC) WHERE read_at IS NULL');
    await q.query(`CREATE TABLE notifications.preferences (
      member_id text PRIMARY KEY,
      email text NOT NULL DEFAULT 'IMMEDIATE' CHECK (email IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(consumerPositionsTableSql('notifications'));
    await q.query(deadLettersTableSql('notifications'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications.dead_letters, notifications.consumer_positions, notifications.preferences,
      notifications.notifications, notifications.saved_search_matches, notifications.saved_searches, notifications.follows`);
  }
}
