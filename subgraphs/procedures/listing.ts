import { visibilitySql } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { sqlConditions } from '../../lib/sqlConditions.ts';
import { rawSql, sql } from '../../lib/sqlFragments.ts';
import { visibleVersionSql, worksOnDraftsOf } from './views.ts';

export interface ProcedureFilter {
  jurisdictions?: string[] | null;
  topic?: string | null;
  tags?: string[] | null;
  status?: string | null;
  agency?: string | null;
}

/** The filter as SQL conditions over the procedure's columns (alias `p`) and its version's (alias `v`). */
function filterSql(filter: ProcedureFilter, params: unknown[], p: string, v: string): string[] {
  const conditions = sqlConditions(params);
  if (filter.jurisdictions?.length) conditions.add(sql`${rawSql(p)}.jurisdiction_code = ANY(${filter.jurisdictions})`);
  if (filter.topic) conditions.add(sql`${rawSql(p)}.topic = ${filter.topic}`);
  if (filter.tags?.length) conditions.add(sql`${rawSql(v)}.tags && ${filter.tags}::text[]`);
  if (filter.status) conditions.add(sql`${rawSql(v)}.status = ${filter.status}`);
  if (filter.agency) conditions.add(sql`${rawSql(p)}.agency_id = ${filter.agency}`);
  return conditions.list;
}

const and = (conditions: string[]) => conditions.map((c) => ` AND ${c}`).join('');

/** SQL selecting `id` and `version` of one page of the procedures the viewer may see that match, in listing order. */
export function pageSql(viewer: Viewer, filter: ProcedureFilter, params: unknown[], limit: number, offset: number): string {
  const from = visibleVersionSql(viewer, params);
  const where = and(filterSql(filter, params, 'p', 'v'));
  params.push(limit, offset);
  return `SELECT p.id, v.version FROM ${from}${where}
    ORDER BY p.jurisdiction_code, p.topic, p.id LIMIT $${params.length - 1} OFFSET $${params.length}`;
}

/**
 * A scalar SQL expression: how many procedures the viewer may see match the filter. Published procedures are summed
 * from the kept counts (procedures.published_counts) whose guard the viewer passes, so the total does not walk every
 * visible procedure; counted one by one are the procedures of the viewer's own agency when the viewer works on its
 * drafts (they may read a newer version than the published one), and everything when the filter names tags (not kept).
 */
export function totalSql(viewer: Viewer, filter: ProcedureFilter, params: unknown[]): string {
  const oneByOne = (extra: string[]) => {
    const from = visibleVersionSql(viewer, params);
    return `(SELECT count(*) FROM ${from}${and(filterSql(filter, params, 'p', 'v'))}${and(extra)})`;
  };
  if (filter.tags?.length) return oneByOne([]);
  const kept = [visibilitySql(viewer, 'c', params), ...filterSql(filter, params, 'c', 'c')];
  let ownDrafts = '';
  if (viewer.agencyId && worksOnDraftsOf(viewer, viewer.agencyId)) {
    params.push(viewer.agencyId);
    kept.push(`c.agency_id <> $${params.length}`);
    ownDrafts = ` + ${oneByOne([`p.agency_id = $${params.length}`])}`;
  }
  return `(SELECT coalesce(sum(c.n), 0) FROM procedures.published_counts c WHERE ${kept.join(' AND ')})${ownDrafts}`;
}
