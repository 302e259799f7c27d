import { visibilitySql } from '../../../lib/access.ts';
import { parseInput } from '../../../lib/errors.ts';
import { connectionOf, pageOf } from '../../../lib/pagination.ts';
import type { Page, PageArgs } from '../../../lib/pagination.ts';
import { sqlConditions } from '../../../lib/sqlConditions.ts';
import { sql } from '../../../lib/sqlFragments.ts';
import { recommendationFilterInput, swotMatrixInput, workshopFilterInput } from '../inputs.ts';
import { swotMatrixOf } from '../swotMatrix.ts';
import { RECOMMENDATION_COLUMNS, WORKSHOP_COLUMNS } from '../workshopViews.ts';
import type { RecommendationView, WorkshopView } from '../workshopViews.ts';
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

export const Query = {
  workshops: async (_: unknown, args: PageArgs & { filter?: unknown }, ctx: Ctx) => {
    const filter = parseInput(workshopFilterInput, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const where = sqlConditions(params, [visibilitySql(ctx.viewer, 'w', params)]);
    if (filter.theme) where.add(sql`w.theme ILIKE '%' || ${filter.theme.replace(/[\\%_]/g, '\\$&')} || '%'`);
    if (filter.topics?.length) where.add(sql`w.topics && ${filter.topics}::text[]`);
    if (filter.jurisdiction) where.add(sql`(w.city_code || '-') LIKE ${filter.jurisdiction} || '-%'`);
    if (filter.from) where.add(sql`w.ends_on >= ${filter.from}::date`);
    if (filter.to) where.add(sql`w.starts_on <= ${filter.to}::date`);
    const connection = await pageOfRows<WorkshopView>(ctx, page, `${WORKSHOP_COLUMNS}, count(*) OVER () AS total`,
      'workshops.workshops w', where.list, params, 'w.starts_on DESC, w.id');
    for (const w of connection.nodes) ctx.loaders.workshop.prime(w.id, w);
    return connection;
  },

  workshop: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.workshop.load(args.id),

  swotMatrix: (_: unknown, args: { topic?: string | null; workshops?: string[] | null; jurisdictions?: string[] | null; itemsPerQuadrant?: number | null }, ctx: Ctx) =>
    swotMatrixOf(ctx.db, ctx.viewer, ctx.loaders, parseInput(swotMatrixInput, args)),

  recommendations: async (_: unknown, args: PageArgs & { filter?: unknown }, ctx: Ctx) => {
    const filter = parseInput(recommendationFilterInput, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const where = sqlConditions(params, [visibilitySql(ctx.viewer, 'w', params)]);
    if (filter.status) where.add(sql`r.status = ${filter.status}`);
    if (filter.addressee) where.add(sql`${filter.addressee} = ANY(r.addressees)`);
    if (filter.topic) where.add(sql`${filter.topic} = ANY(r.topics)`);
    if (filter.workshop) where.add(sql`r.workshop_id = ${filter.workshop}`);
    const connection = await pageOfRows<RecommendationView>(ctx, page, `${RECOMMENDATION_COLUMNS}, count(*) OVER () AS total`,
      'workshops.workshops w JOIN workshops.recommendations r ON r.workshop_id = w.id', where.list, params,
      'w.starts_on DESC, w.id, r.position');
    for (const r of connection.nodes) ctx.loaders.recommendation.prime(r.id, r);
    return connection;
  },

  recommendation: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.recommendation.load(args.id),
};
