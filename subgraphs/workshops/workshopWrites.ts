import type { EntityManager } from 'typeorm';
import { canSee } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { notFound } from '../../lib/errors.ts';
import { emitEvents } from '../../lib/outbox.ts';
import type { OutboxEvent } from '../../lib/outbox.ts';
import { storable } from './inputs.ts';
import { RECOMMENDATION_COLUMNS, WORKSHOP_COLUMNS } from './workshopViews.ts';
import type { RecommendationView, WorkshopView } from './workshopViews.ts';

/** Locks a workshop for a write; one the viewer may not see is NOT_FOUND, as if it did not exist. */
export async function lockWorkshop(tx: EntityManager, viewer: Viewer, id: string): Promise<WorkshopView> {
  if (!storable(id)) throw notFound(`Workshop ${JSON.stringify(id.slice(0, 100))}`);
  const [w]: WorkshopView[] = await tx.query(`SELECT ${WORKSHOP_COLUMNS} FROM workshops.workshops w WHERE w.id = $1 FOR UPDATE`, [id]);
  if (!w || !canSee(viewer, w)) throw notFound(`Workshop "${id}"`);
  return w;
}

/** Locks a recommendation for a write; its workshop's visibility decides whether the viewer may reach it. */
export async function lockRecommendation(tx: EntityManager, viewer: Viewer, id: string): Promise<RecommendationView> {
  if (!storable(id)) throw notFound(`Recommendation ${JSON.stringify(id.slice(0, 100))}`);
  const [r]: RecommendationView[] = await tx.query(
    `SELECT ${RECOMMENDATION_COLUMNS} FROM workshops.recommendations r JOIN workshops.workshops w ON w.id = r.workshop_id
     WHERE r.id = $1 FOR UPDATE OF r`, [id]);
  if (!r || !canSee(viewer, r)) throw notFound(`Recommendation "${id}"`);
  return r;
}

/** The next free position in a workshop's list (the workshop row is locked by the caller). */
export async function nextPosition(tx: EntityManager, table: 'swot_items' | 'key_messages' | 'recommendations', workshopId: string): Promise<number> {
  const [{ next }] = await tx.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM workshops.${table} WHERE workshop_id = $1`, [workshopId]);
  return next;
}

export const emitWorkshopEvents = (tx: EntityManager, events: OutboxEvent[]) => emitEvents(tx, 'workshops', events);
