import { visibilitySql } from '../../../lib/access.ts';
import { parseInput } from '../../../lib/errors.ts';
import { connectionOf, pageOf } from '../../../lib/pagination.ts';
import type { Page, PageArgs } from '../../../lib/pagination.ts';
import { sqlConditions } from '../../../lib/sqlConditions.ts';
import { QUADRANTS, recommendationFilterInput, swotMatrixInput, workshopFilterInput } from '../inputs.ts';
import { RECOMMENDATION_COLUMNS, SWOT_ITEM_COLUMNS, WORKSHOP_COLUMNS } from '../workshopViews.ts';
import type { RecommendationView, SwotItemView, WorkshopView } from '../workshopViews.ts';
import type { Ctx } from './context.ts';

/**
 * One page of `select` (which must include `count(*) OVER () AS total`) and the total the viewer may see. The total
 * needs a second statement only when a cursor points past the last row.
 */
async function pageOfRows<R>(ctx: Ctx, page: Page, select: string, from: string, conditions: string[], params: unknown[], order: string) {
  const where = conditions.join(' AND ');
  const rows: (R & { total: string })[] = await ctx.db.query(
    `SELECT ${select} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset]);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && page.offset > 0) [{ total }] = await ctx.db.query(`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`, params);
  const nodes = rows.map(({ total: _total, ...row }) => row as unknown as R);
  return connectionOf(nodes, total, page);
}

/** Items concern a jurisdiction when their workshop's city or one of their jurisdictions is it or lies within it. */
const concernsSql = (list: string) =>
  `EXISTS (SELECT 1 FROM unnest(array_append(s.jurisdictions, w.city_code)) AS j(code), unnest(${list}::text[]) AS f(code)
    WHERE (j.code || '-') LIKE f.code || '-%')`;

export const Query = {
  workshops: async (_: unknown, args: PageArgs & { filter?: unknown }, ctx: Ctx) => {
    const filter = parseInput(workshopFilterInput, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const where = sqlConditions(params, [visibilitySql(ctx.viewer, 'w', params)]);
    if (filter.theme) where.add(`w.theme ILIKE '%' || ? || '%'`, filter.theme.replace(/[\\%_]/g, '\\$&'));
    if (filter.topics?.length) where.add('w.topics && ?::text[]', filter.topics);
    if (filter.jurisdiction) where.add(`(w.city_code || '-') LIKE ? || '-%'`, filter.jurisdiction);
    if (filter.from) where.add('w.ends_on >= ?::date', filter.from);
    if (filter.to) where.add('w.starts_on <= ?::date', filter.to);
    const connection = await pageOfRows<WorkshopView>(ctx, page, `${WORKSHOP_COLUMNS}, count(*) OVER () AS total`,
      'workshops.workshops w', where.list, params, 'w.starts_on DESC, w.id');
    for (const w of connection.nodes) ctx.loaders.workshop.prime(w.id, w);
    return connection;
  },

  workshop: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.workshop.load(args.id),

  swotMatrix: async (_: unknown, args: { topic?: string | null; workshops?: string[] | null; jurisdictions?: string[] | null; itemsPerQuadrant?: number | null }, ctx: Ctx) => {
    const input = parseInput(swotMatrixInput, args);
    const params: unknown[] = [];
    const where = sqlConditions(params, [visibilitySql(ctx.viewer, 'w', params)]);
    if (input.topic) where.add('s.topic = ?', input.topic);
    if (input.workshops) where.add('w.id = ANY(?)', input.workshops);
    if (input.jurisdictions?.length) where.add(concernsSql('?'), input.jurisdictions);
    params.push(input.itemsPerQuadrant ?? 20);
    // One statement however many workshops: counts and weights over every visible item, then only the heaviest items
    // of each quadrant are read whole.
    const rows: (SwotItemView & { position: number; quadrantCount: number; quadrantWeight: number; workshopIds: string[] })[] = await ctx.db.query(
      `WITH m AS (
         SELECT s.id, s.workshop_id, s.quadrant, s.position, coalesce(v.n, 0) AS weight
         FROM workshops.workshops w JOIN workshops.swot_items s ON s.workshop_id = w.id
         LEFT JOIN (SELECT swot_item_id, count(*)::int AS n FROM workshops.swot_votes GROUP BY swot_item_id) v ON v.swot_item_id = s.id
         WHERE ${where.list.join(' AND ')}
       ), ranked AS (
         SELECT m.*, (count(*) OVER q)::int AS quadrant_count, (sum(m.weight) OVER q)::int AS quadrant_weight,
           row_number() OVER (PARTITION BY m.quadrant ORDER BY m.weight DESC, m.workshop_id, m.position) AS rank
         FROM m WINDOW q AS (PARTITION BY m.quadrant)
       )
       SELECT ${SWOT_ITEM_COLUMNS}, s.position, r.quadrant_count AS "quadrantCount", r.quadrant_weight AS "quadrantWeight",
         (SELECT coalesce(array_agg(DISTINCT m.workshop_id), '{}') FROM m) AS "workshopIds"
       FROM ranked r JOIN workshops.swot_items s ON s.id = r.id JOIN workshops.workshops w ON w.id = s.workshop_id
       WHERE r.rank <= $${params.length}
       ORDER BY r.weight DESC, r.workshop_id, r.position`, params);
    const quadrants = QUADRANTS.map((quadrant) => {
      const items = rows.filter((r) => r.quadrant === quadrant);
      return { quadrant, count: items[0]?.quadrantCount ?? 0, weight: items[0]?.quadrantWeight ?? 0, items };
    });
    for (const r of rows) ctx.loaders.swotItem.prime(r.id, r);
    const workshopIds = rows[0]?.workshopIds ?? [];
    return {
      topic: input.topic ?? null,
      quadrants,
      workshops: async () => (await ctx.loaders.workshop.loadMany(workshopIds)).filter((w) => w && !(w instanceof Error)),
      itemCount: quadrants.reduce((n, q) => n + q.count, 0),
      totalWeight: quadrants.reduce((n, q) => n + q.weight, 0),
    };
  },

  recommendations: async (_: unknown, args: PageArgs & { filter?: unknown }, ctx: Ctx) => {
    const filter = parseInput(recommendationFilterInput, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const where = sqlConditions(params, [visibilitySql(ctx.viewer, 'w', params)]);
    if (filter.status) where.add('r.status = ?', filter.status);
    if (filter.addressee) where.add('? = ANY(r.addressees)', filter.addressee);
    if (filter.topic) where.add('? = ANY(r.topics)', filter.topic);
    if (filter.workshop) where.add('r.workshop_id = ?', filter.workshop);
    const connection = await pageOfRows<RecommendationView>(ctx, page, `${RECOMMENDATION_COLUMNS}, count(*) OVER () AS total`,
      'workshops.workshops w JOIN workshops.recommendations r ON r.workshop_id = w.id', where.list, params,
      'w.starts_on DESC, w.id, r.position');
    for (const r of connection.nodes) ctx.loaders.recommendation.prime(r.id, r);
    return connection;
  },

  recommendation: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.recommendation.load(args.id),
};
