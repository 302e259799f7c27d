import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail: the queue of mails to send (one per immediate notification, one per daily digest), each sent by a job and
 * marked when sent; where each member's last digest stopped; the local outbox that takes the mail when the platform has
 * no SMTP server (development).
 */
export class NotificationsMail1764400019402 implements MigrationInterface {
  name = 'NotificationsMail1764400019402';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications.mail_queue (
      id bigserial PRIMARY KEY,
      member_id text NOT NULL,
      to_address text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('IMMEDIATE', 'DIGEST')),
      -- IMMEDIATE: the notification it tells of (its words are composed when sent, with the member's access then).
      notification_id bigint UNIQUE REFERENCES notifications.notifications(id) ON DELETE CASCADE,
      -- DIGEST: composed when the digest is made.
      subject text,
      text text,
      queued_at timestamptz NOT NULL DEFAULT now(),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      sent_at timestamptz,
      -- Not sent because the member is no longer active or has no address any more.
      cancelled_at timestamptz,
      CHECK ((kind = 'IMMEDIATE') = (notification_id IS NOT NULL)),
      CHECK (kind = 'IMMEDIATE' OR (subject IS NOT NULL AND text IS NOT NULL))
    )`);
    await q.query('CREATE INDEX mail_queue_waiting_idx ON notifications.mail_queue (id) WHERE sent_at IS NULL AND cancelled_at IS NULL');
    await q.query(`CREATE TABLE notifications.digests (
      member_id text PRIMARY KEY,
      -- The newest notification the member's last digest covered.
      last_notification_id bigint NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notifications.local_mail (
      id bigserial PRIMARY KEY,
      member_id text NOT NULL,
      to_address text NOT NULL,
      subject text NOT NULL,
      text text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX local_mail_member_idx ON notifications.local_mail (member_id, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notifications.local_mail, notifications.digests, notifications.mail_queue');
  }
}
