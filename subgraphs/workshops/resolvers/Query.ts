import { visibilitySql } from '../../../lib/access.ts';
import { parseInput } from '../../../lib/errors.ts';
import { pageWithTotal } from '../../../lib/pageWithTotal.ts';
import { connectionOf, pageOf } from '../../../lib/pagination.ts';
import { sqlConditions } from '../../../lib/sqlConditions.ts';
import { sql } from '../../../lib/sqlFragments.ts';
import { recommendationFilterInput, swotMatrixInput, workshopFilterInput } from '../inputs.ts';
import { swotMatrixOf } from '../swotMatrix.ts';
import { RECOMMENDATION_COLUMNS, WORKSHOP_COLUMNS } from '../views.ts';
import type { RecommendationView, WorkshopView } from '../views.ts';
import type { QueryResolvers } from './types.generated.ts';

export const Query: QueryResolvers = {
  workshops: async (_, args, ctx) => {
    const filter = parseInput(workshopFilterInput, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const where = sqlConditions(params, [visibilitySql(ctx.viewer, 'w', params)]);
    if (filter.theme) where.add(sql`w.theme ILIKE '%' || ${filter.theme.replace(/[\\%_]/g, '\\$&')} || '%'`);
    if (filter.topics?.length) where.add(sql`w.topics && ${filter.topics}::text[]`);
    if (filter.jurisdiction) where.add(sql`(w.city_code || '-') LIKE ${filter.jurisdiction} || '-%'`);
    if (filter.from) where.add(sql`w.ends_on >= ${filter.from}::date`);
    if (filter.to) where.add(sql`w.starts_on <= ${filter.to}::date`);
    const { nodes, total } = await pageWithTotal<WorkshopView>(ctx.db,
      { columns: WORKSHOP_COLUMNS, from: `workshops.workshops w WHERE ${where.list.join(' AND ')}`, params }, 'w.starts_on DESC, w.id', page);
    for (const w of nodes) ctx.loaders.workshop.prime(w.id, w);
    return connectionOf(nodes, total, page);
  },

  workshop: (_, args, ctx) => ctx.loaders.workshop.load(args.id),

  swotMatrix: (_, args, ctx) =>
    swotMatrixOf(ctx.db, ctx.viewer, ctx.loaders, parseInput(swotMatrixInput, args)),

  recommendations: async (_, args, ctx) => {
    const filter = parseInput(recommendationFilterInput, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const where = sqlConditions(params, [visibilitySql(ctx.viewer, 'w', params)]);
    if (filter.status) where.add(sql`r.status = ${filter.status}`);
    if (filter.addressee) where.add(sql`${filter.addressee} = ANY(r.addressees)`);
    if (filter.topic) where.add(sql`${filter.topic} = ANY(r.topics)`);
    if (filter.workshop) where.add(sql`r.workshop_id = ${filter.workshop}`);
    const { nodes, total } = await pageWithTotal<RecommendationView>(ctx.db, {
      columns: RECOMMENDATION_COLUMNS,
      from: `workshops.workshops w JOIN workshops.recommendations r ON r.workshop_id = w.id WHERE ${where.list.join(' AND ')}`,
      params,
    }, 'w.starts_on DESC, w.id, r.position', page);
    for (const r of nodes) ctx.loaders.recommendation.prime(r.id, r);
    return connectionOf(nodes, total, page);
  },

  recommendation: (_, args, ctx) => ctx.loaders.recommendation.load(args.id),
};
