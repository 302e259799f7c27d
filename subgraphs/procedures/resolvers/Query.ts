import { visibilitySql } from '../../../lib/access.ts';
import { buildMatrix, matrixCsv } from '../../../lib/comparison.ts';
import { selectDimensions } from '../../../lib/dimensionSelection.ts';
import { notFound, parseInput } from '../../../lib/errors.ts';
import { connectionOf, pageOf } from '../../../lib/pagination.ts';
import { today } from '../../../lib/scalars.ts';
import { diffProcedureViews } from '../diff.ts';
import { dimensionValueOf } from '../dimensionValues.ts';
import { pageSql, totalSql } from '../listing.ts';
import { VIEW_COLUMNS, inForceOnSql, toView } from '../views.ts';
import type { ProcedureView, ProcedureViewRow } from '../views.ts';
import { procedureFilterInput } from '../inputs.ts';
import type { QueryResolvers } from './types.generated.ts';
import { comparisonInput } from '../../../lib/inputSchemas.ts';

export const Query: QueryResolvers = {
  procedures: async (_, args, ctx) => {
    const filter = parseInput(procedureFilterInput, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const ids = pageSql(ctx.viewer, filter, params, page.limit, page.offset);
    const total = totalSql(ctx.viewer, filter, params);
    // One statement: the total, and the page's rows (none past the end) read whole only for the ids picked.
    const rows = await ctx.db.query(
      `WITH page AS (${ids})
       SELECT ${VIEW_COLUMNS}, t.total FROM (SELECT ${total}::int AS total) t
       LEFT JOIN (page JOIN procedures.procedures p ON p.id = page.id
         JOIN procedures.procedure_versions v ON v.procedure_id = page.id AND v.version = page.version) ON true
       ORDER BY p.jurisdiction_code, p.topic, p.id`, params);
    const nodes = rows.filter((r: { id: string | null }) => r.id !== null).map(toView);
    for (const n of nodes) ctx.loaders.procedure.prime(n.id, n);
    return connectionOf(nodes, rows[0].total, page);
  },

  procedure: async (_, args, ctx) => {
    if (!args.at) return ctx.loaders.procedure.load(args.id);
    const params: unknown[] = [args.id, args.at];
    const rows = await ctx.db.query(
      `SELECT ${VIEW_COLUMNS} FROM procedures.procedures p JOIN procedures.procedure_versions v ON v.procedure_id = p.id
       WHERE p.id = $1 AND ${inForceOnSql('$2')} AND ${visibilitySql(ctx.viewer, 'v', params)}
       ORDER BY v.effective_from DESC, v.version DESC LIMIT 1`, params);
    return rows[0] ? toView(rows[0]) : null;
  },

  diffProcedures: async (_, args, ctx) => {
    const [left, right] = await Promise.all([ctx.loaders.procedure.load(args.left), ctx.loaders.procedure.load(args.right)]);
    if (!left) throw notFound(`Procedure "${args.left}"`);
    if (!right) throw notFound(`Procedure "${args.right}"`);
    return diffProcedureViews(ctx.viewer, left, right);
  },

  comparisonDimensions: async (_, args, ctx) =>
    (await ctx.loaders.allDimensions()).filter((d) => !args.topic || d.topic === args.topic),

  compareProcedures: async (_, args, ctx) => {
    const input = parseInput(comparisonInput, { jurisdictions: args.jurisdictions, dimensions: args.dimensions });
    const at = args.at ?? today();
    const dimensions = selectDimensions(await ctx.loaders.allDimensions(), args.topic, input.dimensions);
    const params: unknown[] = [args.topic, input.jurisdictions, at];
    // One row per jurisdiction: the visible version in force on `at` that took effect last.
    // The winners are picked on narrow columns; only they are read whole.
    const rows = await ctx.db.query(
      `WITH winner AS (
         SELECT DISTINCT ON (p.jurisdiction_code) p.id, v.version
         FROM procedures.procedures p JOIN procedures.procedure_versions v ON v.procedure_id = p.id
         WHERE p.topic = $1 AND p.jurisdiction_code = ANY($2) AND ${inForceOnSql('$3')} AND ${visibilitySql(ctx.viewer, 'v', params)}
         ORDER BY p.jurisdiction_code, v.effective_from DESC, p.id)
       SELECT ${VIEW_COLUMNS} FROM winner
       JOIN procedures.procedures p ON p.id = winner.id JOIN procedures.procedure_versions v ON v.procedure_id = winner.id AND v.version = winner.version`, params);
    const inForce = new Map<string, ProcedureView>(rows.map((r: ProcedureViewRow) => {
      const view = toView(r);
      return [view.jurisdictionCode, view];
    }));
    const matrix = buildMatrix(dimensions, input.jurisdictions, (j) => inForce.get(j) ?? null, (p) => p.dimensionValues);
    const shaped = matrix.map((row) => ({
      dimension: row.dimension,
      divergent: row.divergent,
      cells: row.cells.map((c) => ({
        jurisdiction: { code: c.jurisdiction },
        value: c.value === null ? null : dimensionValueOf(row.dimension, c.value),
        procedure: c.item,
      })),
    }));
    return {
      topic: args.topic,
      at,
      jurisdictions: input.jurisdictions.map((code) => ({ code })),
      rows: shaped,
      missing: input.jurisdictions.filter((j) => !inForce.has(j)).map((code) => ({ code })),
      divergentCount: matrix.filter((r) => r.divergent).length,
      csv: () => matrixCsv(matrix, input.jurisdictions),
    };
  },
};

