import type { DataSource, EntityManager } from 'typeorm';
import { principalCanSeeSql } from '../../lib/access.ts';
import { addJobsSql } from '../../lib/jobs.ts';
import type { JobContext } from '../../lib/jobs.ts';
import type { Mailer } from '../../lib/mailer.ts';
import type { Made } from './fanOut.ts';
import { messageOf } from './messages.ts';
import { itemShownSql } from './views.ts';
import type { NotificationRow } from './views.ts';

/**
 * A mail is tried until it is sent: the runner's backoff reaches about 6 h between attempts, so its most attempts
 * (32,767) outlast any outage by years. An SMTP outage delays mail; it never drops it.
 */
export const MAIL_MAX_ATTEMPTS = 32_767;

/** The task that sends one queued mail (`notifications.sendMail`, payload `{ mail: id }`). */
export const SEND_MAIL_TASK = 'notifications.sendMail';

/** Where mail goes: an SMTP server, or the local outbox (notifications.local_mail) when the platform has none. */
export type MailRoute = { kind: 'smtp'; mailer: () => Mailer } | { kind: 'local' };

export interface MailSettings {
  route: MailRoute;
  /** The console's address, for the link to /notifications. */
  publicUrl: string;
}

/** Counters for the subgraph's /metrics: mails sent, attempts that failed, mails waiting to be sent. */
export class MailCounters {
  sent = 0;
  failedAttempts = 0;
  waiting = 0;
  private refreshedAt = 0;
  private trailing: NodeJS.Timeout | null = null;

  /**
   * Re-reads how many mails wait, at most once a second (one statement, not one per mail sent); a refresh asked for
   * within that second happens at its end.
   */
  async refreshWaiting(db: Pick<DataSource, 'query'>, force = false): Promise<void> {
    const since = Date.now() - this.refreshedAt;
    if (!force && since < 1000) {
      this.trailing ??= setTimeout(() => {
        this.trailing = null;
        this.refreshWaiting(db, true).catch(() => undefined);
      }, 1000 - since).unref();
      return;
    }
    this.refreshedAt = Date.now();
    const [row] = await db.query('SELECT count(*)::int AS n FROM notifications.mail_queue WHERE sent_at IS NULL AND cancelled_at IS NULL');
    this.waiting = row.n;
  }
}

/**
 * Queues one e-mail per notification just made whose member wants e-mail at once (IMMEDIATE, the default when they
 * chose nothing), is active and has an address in the directory, with the job that sends each: one statement whatever
 * the number of notifications, in the transaction that made them.
 */
export async function queueImmediateMail(tx: Pick<EntityManager, 'query'>, made: Made[]): Promise<number> {
  if (made.length === 0) return 0;
  const [row] = await tx.query(
    `WITH q AS (
       INSERT INTO notifications.mail_queue (member_id, to_address, kind, notification_id)
       SELECT n.member_id, c.email, 'IMMEDIATE', n.id
       FROM notifications.notifications n
       JOIN directory.member_contacts c ON c.member_id = n.member_id AND c.active AND coalesce(c.email, '') <> ''
       LEFT JOIN notifications.preferences p ON p.member_id = n.member_id
       WHERE n.id = ANY($1::bigint[]) AND coalesce(p.email, 'IMMEDIATE') = 'IMMEDIATE'
       ON CONFLICT (notification_id) DO NOTHING
       RETURNING id)
     SELECT ${addJobsSql('q', '$2', "json_build_object('mail', q.id)", MAIL_MAX_ATTEMPTS)}::int AS queued`,
    [made.map((m) => m.id), SEND_MAIL_TASK]);
  return row?.queued ?? 0;
}

/** Queues composed mails (digests) with their send jobs, in one statement. */
export async function queueComposedMail(tx: Pick<EntityManager, 'query'>, mails: { memberId: string; to: string; subject: string; text: string }[]): Promise<number> {
  if (mails.length === 0) return 0;
  const [row] = await tx.query(
    `WITH q AS (
       INSERT INTO notifications.mail_queue (member_id, to_address, kind, subject, text)
       SELECT m."memberId", m."to", 'DIGEST', m.subject, m.text FROM jsonb_to_recordset($1::jsonb) AS m("memberId" text, "to" text, subject text, text text)
       RETURNING id)
     SELECT ${addJobsSql('q', '$2', "json_build_object('mail', q.id)", MAIL_MAX_ATTEMPTS)}::int AS queued`,
    [JSON.stringify(mails), SEND_MAIL_TASK]);
  return row?.queued ?? 0;
}

/** Whether the member of principal row `p` may be told the title of notification `n`'s item now (views.ts itemShownSql). */
export const seesItemNowSql = (sources: string[]) => itemShownSql(sources, (alias) => principalCanSeeSql('p', alias));

const SUBJECT_LIMIT = 150;
const subjectOf = (sentence: string) => `Eunomia: ${sentence.length > SUBJECT_LIMIT ? `${sentence.slice(0, SUBJECT_LIMIT - 1)}…` : sentence}`;

/** The words of the e-mail telling of one notification (the title only while the member may see the item). */
export function immediateMail(n: Pick<NotificationRow, 'kind' | 'detail' | 'personal'>, shownTitle: string | null, publicUrl: string): { subject: string; text: string } {
  const sentence = messageOf(n, shownTitle);
  return {
    subject: subjectOf(sentence),
    text: `${sentence}\n\nYour notifications: ${publicUrl}/notifications\n\n`
      + 'You receive this e-mail for each notification. Choose a daily digest or no e-mail on the notifications page.\n',
  };
}

interface QueuedMail {
  id: string;
  memberId: string;
  to: string;
  kind: 'IMMEDIATE' | 'DIGEST';
  subject: string | null;
  text: string | null;
  sentAt: string | null;
  cancelledAt: string | null;
  active: boolean | null;
  nKind: string | null;
  /** The member's e-mail choice now. */
  choice: string;
  detail: Record<string, unknown> | null;
  personal: boolean | null;
  shownTitle: string | null;
}

/**
 * Sends one queued mail: composes an immediate one now (its item named only if the member may still see it), hands it to
 * the SMTP server or the local outbox, and marks it sent. A failed send is counted, logged with the delay until the
 * next attempt, and thrown, so the job runner tries again later; the notification itself was made already.
 */
export async function sendQueuedMail(db: DataSource, sources: string[], settings: MailSettings, counters: MailCounters, id: string, job: JobContext): Promise<void> {
  const [mail]: QueuedMail[] = await db.query(
    `SELECT m.id::text, m.member_id AS "memberId", m.to_address AS "to", m.kind, m.subject, m.text, m.sent_at::text AS "sentAt",
       m.cancelled_at::text AS "cancelledAt", p.active, n.kind AS "nKind", n.detail, n.personal,
       coalesce((SELECT email FROM notifications.preferences pr WHERE pr.member_id = m.member_id), 'IMMEDIATE') AS choice,
       CASE WHEN n.id IS NOT NULL AND ${seesItemNowSql(sources)} THEN n.title END AS "shownTitle"
     FROM notifications.mail_queue m
     LEFT JOIN notifications.notifications n ON n.id = m.notification_id
     LEFT JOIN access.principals p ON p.member_id = m.member_id
     WHERE m.id = $1`, [id]);
  if (!mail || mail.sentAt || mail.cancelledAt) return;
  const unwanted = mail.kind === 'IMMEDIATE' && mail.choice !== 'IMMEDIATE';
  if (!mail.active || (mail.kind === 'IMMEDIATE' && !mail.nKind) || unwanted) {
    await db.query('UPDATE notifications.mail_queue SET cancelled_at = now() WHERE id = $1', [id]);
    job.log.info({ mail: id }, unwanted ? 'e-mail not sent: the member no longer wants one per notification' : 'e-mail not sent: the member is no longer active');
    await counters.refreshWaiting(db, true);
    return;
  }
  const { subject, text } = mail.kind === 'IMMEDIATE'
    ? immediateMail({ kind: mail.nKind!, detail: mail.detail ?? {}, personal: mail.personal ?? false }, mail.shownTitle, settings.publicUrl)
    : { subject: mail.subject!, text: mail.text! };
  try {
    if (settings.route.kind === 'local') {
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO notifications.local_mail (member_id, to_address, subject, text) VALUES ($1, $2, $3, $4)', [mail.memberId, mail.to, subject, text]);
        await tx.query('UPDATE notifications.mail_queue SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1', [id]);
      });
    } else {
      await settings.route.mailer().send({ to: mail.to, subject, text });
      await db.query('UPDATE notifications.mail_queue SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1', [id]);
    }
  } catch (err) {
    counters.failedAttempts += 1;
    const reason = (err as Error).message;
    await db.query('UPDATE notifications.mail_queue SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [id, reason.slice(0, 1000)])
      .catch(() => undefined);
    const last = job.attempt >= job.maxAttempts;
    job.log.warn({ mail: id, attempt: job.attempt, ...(last ? {} : { retryInSeconds: job.retryDelaySeconds }), error: reason },
      last ? 'e-mail not sent; no attempt left' : `e-mail not sent; retrying in ${job.retryDelaySeconds}s`);
    await counters.refreshWaiting(db).catch(() => undefined);
    throw err;
  }
  counters.sent += 1;
  await counters.refreshWaiting(db);
}
