import type { OutboxConsumer } from '../../lib/outboxConsumer.ts';
import { emitEvents } from '../../lib/outbox.ts';

/** A related procedure published anew or marked for review: completions of curricula teaching it need a refresher. */
export const procedureChanged: OutboxConsumer = {
  name: 'training.procedure-changed',
  schema: 'training',
  source: 'procedures',
  events: ['procedure.published', 'procedure.needs_review'],
  handle: async (tx, rows) => {
    const procedureIds = [...new Set(rows.filter((r) => r.entityType === 'Procedure').map((r) => r.entityId))];
    if (procedureIds.length === 0) return;
    // TypeORM answers an UPDATE with [rows, affected count].
    const [marked]: [{ id: string; curriculum_id: string; member_id: string }[], number] = await tx.query(
      `UPDATE training.assignments a SET needs_refresh = true, updated_at = now()
       FROM training.curricula c
       WHERE c.id = a.curriculum_id AND c.related_procedures && $1::text[] AND a.status = 'COMPLETED' AND NOT a.needs_refresh
       RETURNING a.id, a.curriculum_id, a.member_id`, [procedureIds]);
    await emitEvents(tx, 'training', marked.map((a) => ({
      entityType: 'Assignment',
      entityId: a.id,
      event: 'assignment.needs_refresh',
      payload: { curriculum: a.curriculum_id, member: a.member_id, procedures: procedureIds },
    })));
  },
};
