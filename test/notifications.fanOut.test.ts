import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Databases } from '../scripts/platform.ts';
import { drainUntilCaughtUp } from '../lib/outboxConsumer.ts';
import { emitEvents } from '../lib/outbox.ts';
import { consumerOf, fanOut } from './support/fanOut.ts';
import { freshDatabases } from './support/platform.ts';

// A procedure coming into force in a jurisdiction and topic followed by 10,000 members: their notifications are made in
// as many statements as for ten, within seconds (the timing itself is measured by `npm run bench`).

let databases: Databases;
beforeAll(async () => {
  databases = await freshDatabases({ seeded: true });
});
afterAll(async () => {
  await databases?.close();
});

describe('notifying many followers', () => {
  it('makes one notification per follower with the same number of statements for 10 and for 10,000 followers', async () => {
    const few = await fanOut(databases, 10, 'few-');
    const many = await fanOut(databases, 10_000, 'many-');
    expect(few.made).toBe(10);
    expect(many.made).toBe(10_000);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(12);
    expect(many.ms).toBeLessThan(20_000);
  }, 60_000);

  it('judges a withdrawal by the guard its event gives, and tells nobody of a new version read after the procedure was withdrawn', async () => {
    const notifications = databases.bySubgraph.notifications!;
    const procedures = databases.bySubgraph.procedures!;
    const consumer = consumerOf('procedures');
    await drainUntilCaughtUp(notifications, consumer);
    const id = 'proc-de-by-investigation';
    await notifications.query(`INSERT INTO notifications.follows (member_id, target_type, target_id)
      VALUES ('demo-practitioner-de', 'PROCEDURE', $1), ('demo-practitioner-es', 'PROCEDURE', $1)`, [id]);
    // A version restricted to Germany is published, then the procedure withdrawn, before the notifications subgraph
    // reads either event: the published view no longer has it when they are read.
    await procedures.transaction(async (tx) => {
      await emitEvents(tx, 'procedures', [
        { entityType: 'Procedure', entityId: id, event: 'procedure.published', payload: { version: 2, jurisdiction: 'DE-BY', topic: 'INVESTIGATION', supersedes: 1 } },
        { entityType: 'Procedure', entityId: id, event: 'procedure.withdrawn', payload: { version: 2, jurisdiction: 'DE-BY', topic: 'INVESTIGATION',
          title: 'Federal investigation, German units only', visibility: 'LEA', restrictedTo: ['DE'] } },
      ]);
      await tx.query(`UPDATE procedures.procedure_versions SET status = 'WITHDRAWN' WHERE procedure_id = $1`, [id]);
    });
    await drainUntilCaughtUp(notifications, consumer);
    const told = await notifications.query(`SELECT member_id AS who, kind, title FROM notifications.notifications
      WHERE item_id = $1 AND member_id IN ('demo-practitioner-de', 'demo-practitioner-es') ORDER BY id`, [id]);
    expect(told).toEqual([{ who: 'demo-practitioner-de', kind: 'PROCEDURE_WITHDRAWN', title: 'Federal investigation, German units only' }]);
  });
});
