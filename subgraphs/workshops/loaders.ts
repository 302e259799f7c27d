import type { DataSource } from 'typeorm';
import { visibilitySql } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { byKey, groupedBy } from '../../lib/loaders.ts';
import { RECOMMENDATION_COLUMNS, SWOT_ITEM_COLUMNS, WORKSHOP_COLUMNS } from './views.ts';
import type { KeyMessageView, LinkView, RecommendationView, StatusChangeView, SwotItemView, WorkshopView } from './views.ts';

export function createLoaders(db: DataSource, viewer: Viewer) {
  /**
   * Rows of `select` from the workshops `w` the viewer may see (items, key messages and recommendations share their
   * workshop's visibility); `where` numbers its own parameters from $1.
   */
  const visible = async <R>(select: string, join: string, where: string, values: unknown[], order: string): Promise<R[]> => {
    const params: unknown[] = [];
    const visibleWorkshop = visibilitySql(viewer, 'w', params);
    const clause = where.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + params.length}`);
    return db.query(`SELECT ${select} FROM workshops.workshops w ${join} WHERE ${visibleWorkshop} AND ${clause} ORDER BY ${order}`,
      [...params, ...values]);
  };
  const items = (where: string, values: unknown[]) =>
    visible<SwotItemView>(SWOT_ITEM_COLUMNS, 'JOIN workshops.swot_items s ON s.workshop_id = w.id', where, values, 's.workshop_id, s.position');
  const recommendations = (where: string, values: unknown[]) =>
    visible<RecommendationView>(RECOMMENDATION_COLUMNS, 'JOIN workshops.recommendations r ON r.workshop_id = w.id', where, values, 'r.workshop_id, r.position');
  return {
    /** A workshop, or null when hidden or unknown. */
    workshop: byKey<string, WorkshopView>((ids) => visible(WORKSHOP_COLUMNS, '', 'w.id = ANY($1)', [ids], 'w.id'), (w) => w.id),
    swotItem: byKey<string, SwotItemView>((ids) => items('s.id = ANY($1)', [ids]), (s) => s.id),
    swotItemsOfWorkshop: groupedBy<string, SwotItemView>((ids) => items('s.workshop_id = ANY($1)', [ids]), (s) => s.workshopId),
    recommendation: byKey<string, RecommendationView>((ids) => recommendations('r.id = ANY($1)', [ids]), (r) => r.id),
    recommendationsOfWorkshop: groupedBy<string, RecommendationView>(
      (ids) => recommendations('r.workshop_id = ANY($1)', [ids]), (r) => r.workshopId),
    keyMessagesOfWorkshop: groupedBy<string, KeyMessageView>(
      (ids) => visible('k.id, k.workshop_id AS "workshopId", k.text, k.attribution', 'JOIN workshops.key_messages k ON k.workshop_id = w.id',
        'k.workshop_id = ANY($1)', [ids], 'k.workshop_id, k.position'),
      (k) => k.workshopId),
    /** Callers reach these only through a recommendation the viewer may see. */
    historyOfRecommendation: groupedBy<string, StatusChangeView>(
      (ids) => db.query(
        `SELECT recommendation_id AS "recommendationId", from_status AS "from", to_status AS "to", reason, changed_by AS "changedBy",
           changed_at AS "changedAt" FROM workshops.recommendation_status_changes WHERE recommendation_id = ANY($1) ORDER BY id`, [ids]),
      (c) => c.recommendationId),
    linksOfRecommendation: groupedBy<string, LinkView>(
      (ids) => db.query(
        `SELECT recommendation_id AS "recommendationId", target_type AS "type", target_id AS "targetId", linked_at AS "linkedAt"
         FROM workshops.recommendation_links WHERE recommendation_id = ANY($1) ORDER BY linked_at, target_type, target_id`, [ids]),
      (l) => l.recommendationId),
    /** The items among `ids` the viewer has voted for. */
    votedByViewer: byKey<string, { id: string }>(
      (ids) => viewer.memberId
        ? db.query('SELECT swot_item_id AS id FROM workshops.swot_votes WHERE member_id = $1 AND swot_item_id = ANY($2)', [viewer.memberId, ids])
        : Promise.resolve([]),
      (v) => v.id),
  };
}

export type WorkshopLoaders = ReturnType<typeof createLoaders>;
