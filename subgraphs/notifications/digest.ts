import type { DataSource } from 'typeorm';
import { queueComposedMail, seesItemNowSql } from './delivery.ts';
import { messageOf } from './messages.ts';
import type { NotificationRow } from './views.ts';

/** At most this many notifications are listed in one digest; the rest are counted. */
export const DIGEST_LIMIT = 100;

interface DigestLine {
  memberId: string;
  to: string;
  id: string;
  kind: string;
  detail: Record<string, unknown>;
  personal: boolean;
  shownTitle: string | null;
  createdAt: string;
}

/** One member's digest in words: each notification as the console says it (titles only of items they may still see). */
export function digestMail(lines: Pick<DigestLine, 'kind' | 'detail' | 'personal' | 'shownTitle' | 'createdAt'>[], publicUrl: string): { subject: string; text: string } {
  const listed = lines.slice(0, DIGEST_LIMIT).map((l) => `- ${messageOf(l as Pick<NotificationRow, 'kind' | 'detail' | 'personal'>, l.shownTitle)} (${l.createdAt} UTC)`);
  const more = lines.length > DIGEST_LIMIT ? [`- and ${lines.length - DIGEST_LIMIT} more in the console.`] : [];
  const n = lines.length;
  return {
    subject: `Eunomia: your daily digest, ${n} notification${n === 1 ? '' : 's'}`,
    text: `Your notifications since your last digest:\n\n${[...listed, ...more].join('\n')}\n\nYour notifications: ${publicUrl}/notifications\n\n`
      + 'You receive this digest once a day when something happened. Choose e-mail for each notification, or none, on the notifications page.\n',
  };
}

/**
 * Makes the daily digests: for every active member who chose DAILY_DIGEST and has an address, one e-mail listing the
 * notifications not yet in a digest (made since they chose it) that were not mailed on their own; none for a member with
 * nothing new. Access is checked again now: a notification about an item the member may no longer see is neither listed
 * nor counted. Five statements whatever the number of members, in one transaction (one digest run at a time).
 */
export async function makeDigests(db: DataSource, sources: string[], publicUrl: string): Promise<{ members: number; notifications: number }> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('notifications.digest'))");
    const lines: DigestLine[] = await tx.query(
      `SELECT n.member_id AS "memberId", c.email AS "to", n.id::text, n.kind, n.detail, n.personal,
         CASE WHEN ${seesItemNowSql(sources)} THEN n.title END AS "shownTitle",
         to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS "createdAt"
       FROM notifications.preferences pref
       JOIN directory.member_contacts c ON c.member_id = pref.member_id AND c.active AND coalesce(c.email, '') <> ''
       JOIN access.principals p ON p.member_id = pref.member_id AND p.active
       JOIN notifications.notifications n ON n.member_id = pref.member_id AND n.digested_at IS NULL AND n.created_at >= pref.updated_at
       WHERE pref.email = 'DAILY_DIGEST' AND (n.personal OR ${seesItemNowSql(sources)})
         AND NOT EXISTS (SELECT 1 FROM notifications.mail_queue m WHERE m.notification_id = n.id)
       ORDER BY n.member_id, n.id`);
    if (lines.length === 0) return { members: 0, notifications: 0 };
    const byMember = new Map<string, DigestLine[]>();
    for (const l of lines) byMember.set(l.memberId, [...(byMember.get(l.memberId) ?? []), l]);
    const mails = [...byMember.values()].map((ls) => ({ memberId: ls[0]!.memberId, to: ls[0]!.to, ...digestMail(ls, publicUrl) }));
    await queueComposedMail(tx, mails);
    // Each notification listed is marked, so that one committed late (a lower id than others listed) is not skipped.
    await tx.query('UPDATE notifications.notifications SET digested_at = now() WHERE id = ANY($1::bigint[])', [lines.map((l) => l.id)]);
    await tx.query(
      `INSERT INTO notifications.digests (member_id, last_notification_id)
       SELECT d."memberId", d.last FROM jsonb_to_recordset($1::jsonb) AS d("memberId" text, last bigint)
       ON CONFLICT (member_id) DO UPDATE SET last_notification_id = greatest(notifications.digests.last_notification_id, excluded.last_notification_id),
         sent_at = now()`,
      [JSON.stringify([...byMember.values()].map((ls) => ({ memberId: ls[0]!.memberId, last: ls.at(-1)!.id })))]);
    return { members: byMember.size, notifications: lines.length };
  });
}
