import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.ts';
import type { Databases } from '../scripts/platform.ts';
import { SEARCH_SOURCES } from '../scripts/services.ts';
import { MailCounters, queueImmediateMail, sendQueuedMail } from '../subgraphs/notifications/delivery.ts';
import { makeDigests } from '../subgraphs/notifications/digest.ts';
import { freshDatabases } from './support/platform.ts';

// Sending one queued e-mail, on a real database: a mail is tried until it is sent, and one the member no longer wants
// (they chose a digest or no e-mail since it was queued) is dropped, not sent.

let databases: Databases;
beforeAll(async () => {
  databases = await freshDatabases({ seeded: true });
});
afterAll(async () => {
  await databases?.close();
});

const job = { log: createLogger('silent'), attempt: 1, maxAttempts: 32_767, retryDelaySeconds: 3 };

async function notify(memberId: string, key: string, dueOn = '2099-01-01', db: { query(q: string, p: unknown[]): Promise<any> } = databases.bySubgraph.notifications!): Promise<string> {
  const [row] = await db.query(`INSERT INTO notifications.notifications (member_id, kind, personal, detail, dedupe_key)
    VALUES ($1, 'ASSIGNMENT_MADE', true, jsonb_build_object('dueOn', $3::text), $2) RETURNING id::text`, [memberId, key, dueOn]);
  return row.id;
}

describe('sending a queued e-mail', () => {
  it('queues each mail with attempts enough to outlast any outage', async () => {
    const db = databases.bySubgraph.notifications!;
    const id = await notify('demo-practitioner-de', 'delivery:attempts');
    const attempts = await db.transaction(async (tx) => {
      expect(await queueImmediateMail(tx, [{ id, memberId: 'demo-practitioner-de' }])).toBe(1);
      return tx.query(`SELECT j.max_attempts FROM graphile_worker.jobs j WHERE j.task_identifier = 'notifications.sendMail'`);
    });
    expect(attempts).toEqual([{ max_attempts: 32_767 }]);
  });

  it('drops a mail queued at once when the member has chosen a daily digest since, and sends it when they have not', async () => {
    const db = databases.bySubgraph.notifications!;
    const settings = { route: { kind: 'local' as const }, publicUrl: 'http://console.example' };
    const mailFor = async (memberId: string, key: string) => {
      const id = await notify(memberId, key);
      await db.transaction((tx) => queueImmediateMail(tx, [{ id, memberId }]));
      const [m] = await db.query('SELECT id::text FROM notifications.mail_queue WHERE notification_id = $1', [id]);
      return m.id as string;
    };
    const dropped = await mailFor('demo-practitioner-de', 'delivery:dropped');
    const sent = await mailFor('demo-manager-de', 'delivery:sent');
    await db.query(`INSERT INTO notifications.preferences (member_id, email) VALUES ('demo-practitioner-de', 'DAILY_DIGEST')`);
    for (const id of [dropped, sent]) await sendQueuedMail(db, SEARCH_SOURCES, settings, new MailCounters(), id, { ...job, db });
    const queue = await db.query(`SELECT id::text, sent_at IS NOT NULL AS sent, cancelled_at IS NOT NULL AS cancelled FROM notifications.mail_queue
      WHERE id = ANY($1::bigint[]) ORDER BY id`, [[dropped, sent]]);
    expect(queue).toEqual([{ id: dropped, sent: false, cancelled: true }, { id: sent, sent: true, cancelled: false }]);
    const local = await db.query('SELECT member_id FROM notifications.local_mail WHERE member_id IN ($1, $2)', ['demo-practitioner-de', 'demo-manager-de']);
    expect(local).toEqual([{ member_id: 'demo-manager-de' }]);
  });

  it('puts a notification committed late (below an id already in a digest) in the next digest', async () => {
    const db = databases.bySubgraph.notifications!;
    const who = 'demo-manager-es';
    await db.query(`INSERT INTO notifications.preferences (member_id, email, updated_at) VALUES ($1, 'DAILY_DIGEST', now() - interval '1 hour')`, [who]);
    const late = db.createQueryRunner();
    await late.startTransaction();
    try {
      await notify(who, 'digest:late', '2099-03-03', late); // takes its id first, commits last
      await notify(who, 'digest:early', '2099-04-04');
      await makeDigests(db, SEARCH_SOURCES, 'http://console.example');
      await late.commitTransaction();
    } finally {
      await late.release();
    }
    await makeDigests(db, SEARCH_SOURCES, 'http://console.example');
    const digests: { text: string }[] = await db.query(`SELECT text FROM notifications.mail_queue WHERE member_id = $1 AND kind = 'DIGEST' ORDER BY id`, [who]);
    expect(digests.map((d) => d.text.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.replace(/ \(.*UTC\)$/, '')))).toEqual([
      ['- You were assigned a curriculum, due 2099-04-04.'],
      ['- You were assigned a curriculum, due 2099-03-03.'],
    ]);
  });
});
