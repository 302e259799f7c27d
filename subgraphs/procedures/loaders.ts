import type { DataSource } from 'typeorm';
import type { Viewer } from '../../lib/access.ts';
import { byKey, groupedBy, wholeTable } from '../../lib/loaders.ts';
import { bindSql, sql } from '../../lib/sqlFragments.ts';
import type { SqlFragment } from '../../lib/sqlFragments.ts';
import type { DimensionRow } from './views.ts';
import { VIEW_COLUMNS, toView, visibleVersionSql } from './views.ts';
import type { ProcedureView } from './views.ts';

export function createLoaders(db: DataSource, viewer: Viewer) {
  const visibleWhere = async (condition: SqlFragment) => {
    const params: unknown[] = [];
    const from = visibleVersionSql(viewer, params);
    const rows = await db.query(`SELECT ${VIEW_COLUMNS} FROM ${from} AND ${bindSql(params, condition)} ORDER BY p.jurisdiction_code, p.topic, p.id`, params);
    return rows.map(toView) as ProcedureView[];
  };
  // Every dimension is read once per request; there are tens, not thousands.
  const dimensions = wholeTable<string, DimensionRow>(() => db.query(
    `SELECT key, label, description, topic, value_type AS "valueType", unit, allowed_values AS "allowedValues",
       value_labels AS "valueLabels"
     FROM procedures.dimensions ORDER BY topic, key`), (d) => d.key);
  return {
    allDimensions: dimensions.all,
    dimension: dimensions.byKey,
    /** The version of each procedure this viewer reads, or null when hidden or unknown. */
    procedure: byKey<string, ProcedureView>((ids) => visibleWhere(sql`p.id = ANY(${ids})`), (p) => p.id),
    proceduresOfJurisdiction: groupedBy<string, ProcedureView>(
      (codes) => visibleWhere(sql`p.jurisdiction_code = ANY(${codes})`),
      (p) => p.jurisdictionCode,
    ),
    proceduresOfAgency: groupedBy<string, ProcedureView>((ids) => visibleWhere(sql`p.agency_id = ANY(${ids})`), (p) => p.agencyId),
    /** Every version of each procedure (visibility is checked per version by the caller). */
    versions: groupedBy<string, ProcedureView>(
      (ids) => db.query(
        `SELECT ${VIEW_COLUMNS} FROM procedures.procedures p JOIN procedures.procedure_versions v ON v.procedure_id = p.id
         WHERE p.id = ANY($1) ORDER BY v.version DESC`, [ids]).then((rows) => rows.map(toView)),
      (p) => p.id,
    ),
  };
}

export type ProcedureLoaders = ReturnType<typeof createLoaders>;

/**
 * The procedures among `ids` the loaders' viewer may see, in the order given (hidden and unknown ones left out): what
 * other subgraphs' entities that refer to procedures by id may list.
 */
export async function visibleProcedures(loaders: ProcedureLoaders, ids: readonly string[] | undefined): Promise<ProcedureView[]> {
  const loaded = await loaders.procedure.loadMany(ids ?? []);
  return loaded.filter((p): p is ProcedureView => p !== null && !(p instanceof Error));
}
