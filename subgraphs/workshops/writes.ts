import type { EntityManager } from 'typeorm';
import { canSee } from '../../lib/access.ts';
import type { Guarded, Viewer } from '../../lib/access.ts';
import { writeTarget } from '../../lib/lockedWrite.ts';
import { emitEvents } from '../../lib/outbox.ts';
import type { OutboxEvent } from '../../lib/outbox.ts';
import { organiserScope } from './organiserScope.ts';
import { RECOMMENDATION_COLUMNS, WORKSHOP_COLUMNS } from './views.ts';
import type { RecommendationView, WorkshopView } from './views.ts';

/** A workshop locked for adding to its outputs, by its organiser's staff (or an administrator). */
export const workshopTarget = writeTarget<WorkshopView>({
  noun: 'Workshop',
  select: `SELECT ${WORKSHOP_COLUMNS} FROM workshops.workshops w WHERE w.id = $1`,
  locks: 'w',
  visible: canSee,
  ...organiserScope,
});

/** A recommendation's workshop's visibility decides whether the viewer may reach it, its organiser who may change it. */
const recommendationTarget = writeTarget<RecommendationView>({
  noun: 'Recommendation',
  select: `SELECT ${RECOMMENDATION_COLUMNS} FROM workshops.recommendations r JOIN workshops.workshops w ON w.id = r.workshop_id WHERE r.id = $1`,
  locks: 'r',
  visible: canSee,
  ...organiserScope,
});

/**
 * A SWOT item is reached through its workshop's visibility, and any member who reaches it may vote. A vote only adds
 * a row referring to the item, so the item is held against deletion alone and votes do not wait for each other (the
 * kept weights take a vote only when they are free, see the workshops swot-counts migration).
 */
const swotItemTarget = writeTarget<{ id: string; workshopId: string } & Guarded>({
  noun: 'SWOT item',
  select: `SELECT s.id, s.workshop_id AS "workshopId", w.visibility, w.restricted_to AS "restrictedTo"
    FROM workshops.swot_items s JOIN workshops.workshops w ON w.id = s.workshop_id WHERE s.id = $1`,
  locks: 's',
  lockStrength: 'keyShare',
  visible: canSee,
});

/**
 * Locks a workshop for a write; one the viewer may not see is NOT_FOUND, as if it did not exist, and one the viewer
 * sees but does not organise is FORBIDDEN.
 */
export const lockWorkshop = (tx: EntityManager, viewer: Viewer, id: string) => workshopTarget.lock(tx, viewer, id);

export const lockSwotItem = (tx: EntityManager, viewer: Viewer, id: string) => swotItemTarget.lock(tx, viewer, id);

export const lockRecommendation = (tx: EntityManager, viewer: Viewer, id: string) => recommendationTarget.lock(tx, viewer, id);

/** The next free position in a workshop's list (the workshop row is locked by the caller). */
export async function nextPosition(tx: EntityManager, table: 'swot_items' | 'key_messages' | 'recommendations', workshopId: string): Promise<number> {
  const [{ next }] = await tx.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM workshops.${table} WHERE workshop_id = $1`, [workshopId]);
  return next;
}

export const emitWorkshopEvents = (tx: EntityManager, events: OutboxEvent[]) => emitEvents(tx, 'workshops', events);
