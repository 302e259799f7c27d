import type { OutboxConsumer } from '../../lib/outboxConsumer.ts';
import { emitEvents } from '../../lib/outbox.ts';

/** When a legal provision gets a new version, procedures in force that cite it need a review. */
export const provisionAmended: OutboxConsumer = {
  name: 'procedures.provision-amended',
  schema: 'procedures',
  source: 'legal',
  events: ['provision.amended'],
  handle: async (tx, rows) => {
    const provisions = [...new Set(rows.map((r) => r.entityId))];
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const [marked]: [{ id: string; jurisdiction_code: string; topic: string; published_version: number }[], number] = await tx.query(
      `UPDATE procedures.procedures p SET review_status = 'NEEDS_REVIEW', updated_at = now()
       FROM procedures.procedure_versions v
       WHERE v.procedure_id = p.id AND v.version = p.published_version AND v.legal_basis && $1::text[] AND p.review_status <> 'NEEDS_REVIEW'
       RETURNING p.id, p.jurisdiction_code, p.topic, p.published_version`, [provisions]);
    await emitEvents(tx, 'procedures', marked.map((p) => ({
      entityType: 'Procedure',
      entityId: p.id,
      event: 'procedure.needs_review',
      payload: { version: p.published_version, jurisdiction: p.jurisdiction_code, topic: p.topic, provisions },
    })));
  },
};
