import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Databases } from '../scripts/platform.ts';
import { SEARCH_SOURCES } from '../scripts/services.ts';
import { queueImmediateMail } from '../subgraphs/notifications/delivery.ts';
import { makeDigests } from '../subgraphs/notifications/digest.ts';
import { freshDatabases } from './support/platform.ts';
import { countStatements } from './support/sqlStatements.ts';

// Mail for many members takes the same statements as for a few: queueing the immediate e-mail of the notifications
// one event made, and making the day's digests. No platform runs here, so every statement counted is theirs.

let dbs: Databases;
beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
}, 60_000);
afterAll(async () => {
  await dbs?.close();
});

/** `n` active German practitioners with an address, each with one notification; `prefix` keeps sets apart. */
async function membersWithNotifications(prefix: string, n: number, email: 'IMMEDIATE' | 'DAILY_DIGEST') {
  const db = dbs.bySubgraph.notifications!;
  await db.query(`INSERT INTO directory.members (id, display_name, email, agency_id, tier)
    SELECT $1 || i, 'Officer ' || i, $1 || i || '@polizei.example', 'de-by-polizei', 'PRACTITIONER' FROM generate_series(1, $2::int) i`, [prefix, n]);
  await db.query(`INSERT INTO access.principals (member_id, agency_id, jurisdiction, jurisdiction_path, org_kind, tier)
    SELECT $1 || i, 'de-by-polizei', 'DE-BY', '{DE-BY,DE}', 'LEA', 'PRACTITIONER' FROM generate_series(1, $2::int) i`, [prefix, n]);
  await db.query(`INSERT INTO notifications.preferences (member_id, email, updated_at)
    SELECT $1 || i, $3, now() - interval '1 day' FROM generate_series(1, $2::int) i`, [prefix, n, email]);
  return db.query(`INSERT INTO notifications.notifications (member_id, kind, item_type, item_id, title, detail, dedupe_key)
    SELECT $1 || i, 'PROCEDURE_PUBLISHED', 'Procedure', 'proc-de-by-monitoring', 'Bavarian monitoring', '{"version": 4}', 'scale:' || $1
    FROM generate_series(1, $2::int) i RETURNING id::text, member_id AS "memberId"`, [prefix, n]) as Promise<{ id: string; memberId: string }[]>;
}

describe('mail at scale', () => {
  it('queues the immediate e-mail of 10 or 2,000 notifications in the same statements', async () => {
    const db = dbs.bySubgraph.notifications!;
    const counts: number[] = [];
    for (const [prefix, n] of [['few-', 10], ['many-', 2000]] as const) {
      const made = await membersWithNotifications(prefix, n, 'IMMEDIATE');
      const { result, statements } = await countStatements(() => db.transaction((tx) => queueImmediateMail(tx, made)));
      expect(result).toBe(n);
      counts.push(statements);
    }
    expect(counts[1]).toBe(counts[0]);
    const [jobs] = await db.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'notifications.sendMail'`);
    expect(jobs.n).toBe(2010);
  });

  it('makes the digests of 10 or 2,000 members in the same statements', async () => {
    const db = dbs.bySubgraph.notifications!;
    const counts: number[] = [];
    for (const [prefix, n] of [['digest-few-', 10], ['digest-many-', 2000]] as const) {
      await membersWithNotifications(prefix, n, 'DAILY_DIGEST');
      const { result, statements } = await countStatements(() => makeDigests(db, SEARCH_SOURCES, 'https://eunomia.example.eu'));
      expect(result).toEqual({ members: n, notifications: n });
      counts.push(statements);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
