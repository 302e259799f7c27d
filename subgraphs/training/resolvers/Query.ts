import { z } from 'zod';
import { visibilitySql } from '../../../lib/access.ts';
import type { ColumnRow } from '../../../lib/columnRows.ts';
import { notFound, parseInput } from '../../../lib/errors.ts';
import { pageWithTotal } from '../../../lib/pageWithTotal.ts';
import { connectionOf, pageOf } from '../../../lib/pagination.ts';
import { today } from '../../../lib/scalars.ts';
import { sqlConditions } from '../../../lib/sqlConditions.ts';
import { rawSql, sql } from '../../../lib/sqlFragments.ts';
import { followedSql } from '../assignmentAccess.ts';
import { assignmentSelect, toAssignment, CURRICULUM_COLUMNS, toCurriculum } from '../views.ts';
import type { AssignmentView, CurriculumView } from '../views.ts';
import { tierFiguresSql, trainingReportOf } from '../trainingReport.ts';
import type { Ctx } from './context.ts';
import type { QueryResolvers } from './types.generated.ts';
import { assignmentFilter, curriculumFilter, reportArgs } from '../inputs.ts';

type AssignmentFilter = NonNullable<z.infer<typeof assignmentFilter>> & { member?: string };

/** The assignments the viewer may follow that match a filter; cancelled ones only when asked for. */
async function followedAssignments(ctx: Ctx, filter: AssignmentFilter, page?: { limit: number; offset: number }) {
  const params: unknown[] = [];
  const { select, status } = assignmentSelect(params);
  const { list: where, add } = sqlConditions(params, [followedSql(ctx.viewer, params)]);
  if (filter.member) add(sql`a.member_id = ${filter.member}`);
  if (filter.agency) add(sql`pr.agency_id = ${filter.agency}`);
  if (filter.curriculum) add(sql`a.curriculum_id = ${filter.curriculum}`);
  if (filter.status) add(sql`${rawSql(status)} = ${filter.status}`);
  else where.push(`a.status <> 'CANCELLED'`);
  if (filter.overdue === true) where.push(`${status} = 'OVERDUE'`);
  if (filter.overdue === false) where.push(`${status} <> 'OVERDUE'`);
  const matching = { columns: '*', from: `(${select} WHERE ${where.join(' AND ')}) x`, params };
  const { nodes: rows, total } = page
    ? await pageWithTotal<ColumnRow<AssignmentView>>(ctx.db, matching, 'due_on, id', page)
    : await ctx.db.query(`SELECT * FROM ${matching.from} ORDER BY due_on, id`, params)
      .then((all: ColumnRow<AssignmentView>[]) => ({ nodes: all, total: all.length }));
  const nodes = rows.map(toAssignment);
  for (const n of nodes) ctx.loaders.assignment.prime(n.id, n);
  return { nodes, total };
}

export const Query: QueryResolvers = {
  curricula: async (_, args, ctx) => {
    const filter = parseInput(curriculumFilter, args.filter) ?? {};
    const page = pageOf(args);
    const params: unknown[] = [];
    const { list: where, add } = sqlConditions(params, [visibilitySql(ctx.viewer, 'c', params)]);
    if (filter.audience) add(sql`c.audience = ${filter.audience}`);
    if (filter.topics?.length) add(sql`c.topics && ${filter.topics}::text[]`);
    if (filter.language) add(sql`c.language = ${filter.language}`);
    const { nodes: rows, total } = await pageWithTotal<ColumnRow<CurriculumView>>(ctx.db,
      { columns: CURRICULUM_COLUMNS, from: `training.curricula c WHERE ${where.join(' AND ')}`, params }, 'c.title, c.id', page);
    const nodes = rows.map(toCurriculum);
    for (const n of nodes) ctx.loaders.curriculum.prime(n.id, n);
    return connectionOf(nodes, total, page);
  },

  curriculum: (_, args, ctx) => ctx.loaders.curriculum.load(args.id),

  myAssignments: async (_, args, ctx) =>
    (await followedAssignments(ctx, { member: ctx.viewer.memberId!, status: args.status })).nodes,

  assignments: async (_, args, ctx) => {
    const filter = parseInput(assignmentFilter, args.filter) ?? {};
    const page = pageOf(args);
    const { nodes, total } = await followedAssignments(ctx, filter, page);
    return connectionOf(nodes, total, page);
  },

  trainingReport: async (_, args, ctx) => {
    const input = parseInput(reportArgs, args);
    if (input.curriculum && !(await ctx.loaders.curriculum.load(input.curriculum))) throw notFound(`Curriculum "${input.curriculum}"`);
    const params: unknown[] = [];
    const { list: where, add } = sqlConditions(params, [`a.status <> 'CANCELLED'`, visibilitySql(ctx.viewer, 'c', params)]);
    if (input.jurisdiction) add(sql`${input.jurisdiction} = ANY(pr.jurisdiction_path)`);
    if (input.curriculum) add(sql`a.curriculum_id = ${input.curriculum}`);
    // A unit's report starts from the unit's members (indexed), not from every assignment.
    let members = '';
    let from = 'JOIN training.curricula c ON c.id = a.curriculum_id';
    if (input.agency) {
      params.push(input.agency);
      members = `WITH agency_members AS MATERIALIZED (SELECT member_id FROM access.principals WHERE agency_id = $${params.length}) `;
      from += ' JOIN agency_members am ON am.member_id = a.member_id';
    }
    const figures = await ctx.db.query(`${members}${tierFiguresSql(ctx.viewer, params, from, where)}`, params);
    return trainingReportOf(figures, today());
  },
};
