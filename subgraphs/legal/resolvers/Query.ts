import { visibilitySql } from '../../../lib/access.ts';
import { buildMatrix, matrixCsv } from '../../../lib/comparison.ts';
import { badInput, notFound, parseInput } from '../../../lib/errors.ts';
import { pageWithTotal } from '../../../lib/pageWithTotal.ts';
import { connectionOf, pageOf } from '../../../lib/pagination.ts';
import { today } from '../../../lib/scalars.ts';
import { sqlConditions } from '../../../lib/sqlConditions.ts';
import { sql } from '../../../lib/sqlFragments.ts';
import { selectDimensions } from '../../../lib/dimensionSelection.ts';
import { CONTRIBUTION_COLUMNS, FRAMEWORK_COLUMNS, PROVISION_COLUMNS, PROVISION_FROM, contributionVisibleSql, frameworkInForceSql, provisionVisibleSql, versionInForceSql } from '../views.ts';
import type { ContributionView, FrameworkView, ProvisionView } from '../views.ts';
import { EU_MEMBER_STATES, memberStateOf } from '../memberStates.ts';
import { positionOf } from '../positions.ts';
import { contributionFilter, frameworkFilter } from '../inputs.ts';
import type { QueryResolvers, ResolversParentTypes } from './types.generated.ts';
import { comparisonInput } from '../../../lib/inputSchemas.ts';

const andAll = (conditions: string[]) => conditions.map((w) => `AND ${w}`).join(' ');

export const Query: QueryResolvers = {
  legalFrameworks: async (_, args, ctx) => {
    const filter = parseInput(frameworkFilter, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const c = sqlConditions(params);
    if (filter.jurisdictions?.length) c.add(sql`f.jurisdiction_code = ANY(${filter.jurisdictions})`);
    if (filter.topics?.length) c.add(sql`f.topics && ${filter.topics}::text[]`);
    if (filter.kind) c.add(sql`f.kind = ${filter.kind}`);
    if (filter.inForceAt) {
      params.push(filter.inForceAt);
      c.list.push(frameworkInForceSql(`$${params.length}`));
    }
    const from = `legal.frameworks f WHERE ${visibilitySql(ctx.viewer, 'f', params)} ${andAll(c.list)}`;
    const { nodes, total } = await pageWithTotal<Omit<FrameworkView, 'at'>>(ctx.db, { columns: FRAMEWORK_COLUMNS, from, params }, 'f.jurisdiction_code, f.id', page);
    const views = nodes.map((f) => ({ ...f, at: null }));
    for (const f of views) ctx.loaders.framework.prime(f.id, f);
    return connectionOf(views, total, page);
  },

  legalFramework: async (_, args, ctx) => {
    const framework = await ctx.loaders.framework.load(args.id);
    if (!framework || !args.at) return framework;
    const at = args.at;
    const inForce = (!framework.inForceFrom || framework.inForceFrom <= at) && (!framework.repealedOn || framework.repealedOn > at);
    return inForce ? { ...framework, at } : null;
  },

  legalProvision: (_, args, ctx) =>
    ctx.loaders.provisionsAt(args.at ?? null).provision.load(args.id),

  legalDimensions: async (_, args, ctx) =>
    (await ctx.loaders.allDimensions()).filter((d) => !args.topic || d.topic === args.topic),

  transposition: async (_, args, ctx) => {
    const directive = await ctx.loaders.framework.load(args.directive);
    if (!directive) throw notFound(`Legal framework "${args.directive}"`);
    if (directive.kind !== 'DIRECTIVE') throw badInput(`"${args.directive}" is a ${directive.kind}, not a directive: only directives are transposed.`);
    const params: unknown[] = [directive.id];
    const c = sqlConditions(params);
    if (args.at) {
      params.push(args.at);
      c.list.push(frameworkInForceSql(`$${params.length}`));
    }
    const acts: FrameworkView[] = (await ctx.db.query(
      `SELECT ${FRAMEWORK_COLUMNS} FROM legal.frameworks f WHERE f.transposes = $1 AND ${visibilitySql(ctx.viewer, 'f', params)} ${andAll(c.list)}
       ORDER BY f.jurisdiction_code, f.id`, params)).map((f: FrameworkView) => ({ ...f, at: null }));
    const actsOf = new Map<string, FrameworkView[]>();
    for (const act of acts) {
      const state = memberStateOf(act.jurisdictionCode) ?? act.jurisdictionCode;
      actsOf.set(state, [...(actsOf.get(state) ?? []), act]);
    }
    const rowOf = (code: string): ResolversParentTypes['TranspositionRow'] => {
      const found = actsOf.get(code) ?? [];
      return { jurisdiction: { code }, status: found.length ? 'TRANSPOSED' : 'MISSING', acts: found };
    };
    const rows = EU_MEMBER_STATES.map(rowOf);
    const outside = [...actsOf.keys()].filter((code) => !memberStateOf(code)).sort().map(rowOf);
    const transposedCount = rows.filter((r) => r.status === 'TRANSPOSED').length;
    return { directive, rows, outsideUnion: outside, transposedCount, missingCount: rows.length - transposedCount };
  },

  compareLegalPositions: async (_, args, ctx) => {
    const input = parseInput(comparisonInput, { jurisdictions: args.jurisdictions, dimensions: args.dimensions });
    const at = args.at ?? today();
    const dimensions = selectDimensions(await ctx.loaders.allDimensions(), args.topic, input.dimensions);
    const params: unknown[] = [input.jurisdictions, dimensions.map((d) => d.key), at];
    // Every visible provision version in force on `at` that takes a position on one of the dimensions, in one statement.
    const rows: ProvisionView[] = await ctx.db.query(
      `SELECT ${PROVISION_COLUMNS} FROM ${PROVISION_FROM}
       WHERE f.jurisdiction_code = ANY($1) AND v.dimension_values ?| $2::text[] AND ${frameworkInForceSql('$3')} AND ${versionInForceSql('$3')}
         AND ${provisionVisibleSql(ctx.viewer, params)}
       ORDER BY f.jurisdiction_code, f.id, p.position, p.id`, params);
    const positions = new Map<string, { values: Record<string, unknown>; provisions: Record<string, ProvisionView> }>();
    for (const p of rows) {
      const held = positions.get(p.jurisdictionCode) ?? { values: {}, provisions: {} };
      for (const [key, value] of Object.entries(p.dimensionValues)) {
        // The first provision in framework and article order speaks for the jurisdiction.
        if (!(key in held.values)) {
          held.values[key] = value;
          held.provisions[key] = p;
        }
      }
      positions.set(p.jurisdictionCode, held);
    }
    const matrix = buildMatrix(dimensions, input.jurisdictions, (j) => positions.get(j) ?? null, (held) => held.values);
    return {
      topic: args.topic,
      at,
      jurisdictions: input.jurisdictions.map((code) => ({ code })),
      rows: matrix.map((row) => ({
        dimension: row.dimension,
        divergent: row.divergent,
        cells: row.cells.map((cell) => ({
          jurisdiction: { code: cell.jurisdiction },
          value: cell.value === null ? null : positionOf(row.dimension, cell.value),
          provision: cell.value === null ? null : cell.item?.provisions[row.dimension.key] ?? null,
        })),
      })),
      missing: input.jurisdictions.filter((j) => !positions.has(j)).map((code) => ({ code })),
      divergentCount: matrix.filter((r) => r.divergent).length,
      csv: () => matrixCsv(matrix, input.jurisdictions),
    };
  },

  contributions: async (_, args, ctx) => {
    const filter = parseInput(contributionFilter, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const c = sqlConditions(params);
    if (filter.status) c.add(sql`c.status = ${filter.status}`);
    if (filter.target) c.add(sql`${filter.target} IN (c.target_framework_id, c.target_provision_id)`);
    if (filter.mine) c.add(sql`c.author_id = ${ctx.viewer.memberId ?? ''}`);
    const from = `legal.contributions c WHERE ${contributionVisibleSql(ctx.viewer, params)} ${andAll(c.list)}`;
    const { nodes, total } = await pageWithTotal<ContributionView>(ctx.db, { columns: CONTRIBUTION_COLUMNS, from, params }, 'c.submitted_at DESC, c.id', page);
    for (const n of nodes) ctx.loaders.contribution.prime(n.id, n);
    return connectionOf(nodes, total, page);
  },

  contribution: (_, args, ctx) => ctx.loaders.contribution.load(args.id),
};
