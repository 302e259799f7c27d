import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { visibilitySql } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { byKey, groupedBy, wholeTable } from '../../lib/loaders.ts';
import { today } from '../../lib/scalars.ts';
import type { PositionDimensionRow } from './views.ts';
import {
  CONTRIBUTION_COLUMNS, FRAMEWORK_COLUMNS, PROVISION_COLUMNS, PROVISION_FROM, contributionVisibleSql, provisionVisibleSql,
  versionChoiceOrder, versionInForceSql,
} from './views.ts';
import type { ContributionView, FrameworkView, ProvisionView } from './views.ts';
import { readAgencyPaths, readMemberPaths } from './reviewerConflicts.ts';

export function createLoaders(db: DataSource, viewer: Viewer) {
  const visibleFrameworks = async (clause: string, values: unknown[]) => {
    const params = [...values];
    const rows: FrameworkView[] = await db.query(
      `SELECT ${FRAMEWORK_COLUMNS} FROM legal.frameworks f WHERE ${clause} AND ${visibilitySql(viewer, 'f', params)}
       ORDER BY f.jurisdiction_code, f.id`, params);
    return rows.map((f) => ({ ...f, at: null }));
  };

  /** Visible provisions at the version a reader sees on `at` (null: as they stand), filtered by `clause`. */
  const visibleProvisions = async (at: string | null, clause: string, values: unknown[]): Promise<ProvisionView[]> => {
    const params = [...values];
    params.push(at ?? today());
    const date = `$${params.length}`;
    const inForce = at ? `AND ${versionInForceSql(date)}` : '';
    const rows: ProvisionView[] = await db.query(
      `SELECT * FROM (SELECT DISTINCT ON (p.id) ${PROVISION_COLUMNS} FROM ${PROVISION_FROM}
         WHERE ${clause} ${inForce} AND ${provisionVisibleSql(viewer, params)} ORDER BY ${versionChoiceOrder(at, date)}) chosen
       ORDER BY "frameworkId", position, id`, params);
    return rows;
  };

  const provisionReaders = new Map<string, { provision: DataLoader<string, ProvisionView | null>; ofFramework: DataLoader<string, ProvisionView[]> }>();
  /** Provision loaders for one reading date; each date batches on its own. */
  const provisionsAt = (at: string | null) => {
    const key = at ?? 'current';
    let readers = provisionReaders.get(key);
    if (!readers) {
      readers = {
        provision: byKey<string, ProvisionView>((ids) => visibleProvisions(at, 'p.id = ANY($1)', [ids]), (p) => p.id),
        ofFramework: groupedBy<string, ProvisionView>((ids) => visibleProvisions(at, 'p.framework_id = ANY($1)', [ids]), (p) => p.frameworkId),
      };
      provisionReaders.set(key, readers);
    }
    return readers;
  };

  const visibleContributions = async (clause: string, values: unknown[]) => {
    const params = [...values];
    const rows: ContributionView[] = await db.query(
      `SELECT ${CONTRIBUTION_COLUMNS} FROM legal.contributions c WHERE ${clause} AND ${contributionVisibleSql(viewer, params)}
       ORDER BY c.submitted_at, c.id`, params);
    return rows;
  };

  // Every dimension is read once per request; there are tens, not thousands.
  const dimensions = wholeTable<string, PositionDimensionRow>(() => db.query(
    `SELECT key, label, description, topic, value_type AS "valueType", unit, allowed_values AS "allowedValues",
       value_labels AS "valueLabels"
     FROM legal.position_dimensions ORDER BY topic, key`), (d) => d.key);
  return {
    allDimensions: dimensions.all,
    dimension: dimensions.byKey,
    framework: byKey<string, FrameworkView>((ids) => visibleFrameworks('f.id = ANY($1)', [ids]), (f) => f.id),
    frameworksOfJurisdiction: groupedBy<string, FrameworkView>(
      (codes) => visibleFrameworks('f.jurisdiction_code = ANY($1)', [codes]), (f) => f.jurisdictionCode),
    transposingActs: groupedBy<string, FrameworkView>((ids) => visibleFrameworks('f.transposes = ANY($1)', [ids]), (f) => f.transposes!),
    provisionsAt,
    /** Every version of each provision (visibility is the provision's, checked by the caller). */
    versions: groupedBy<string, ProvisionView>(
      (ids) => db.query(`SELECT ${PROVISION_COLUMNS} FROM ${PROVISION_FROM} WHERE p.id = ANY($1) ORDER BY p.id, v.version DESC`, [ids]),
      (p) => p.id,
    ),
    contribution: byKey<string, ContributionView>((ids) => visibleContributions('c.id = ANY($1)', [ids]), (c) => c.id),
    contributionsOfFramework: groupedBy<string, ContributionView>(
      (ids) => visibleContributions('c.target_framework_id = ANY($1)', [ids]), (c) => c.targetFrameworkId),
    /** A member's agency with its parents, from the kernel's principals (for the conflict-of-interest rule). */
    memberPath: byKey((ids: readonly string[]) => readMemberPaths((sql, params) => db.query(sql, params), ids), (p) => p.memberId),
    /** An agency with its parents, from the kernel's principals. */
    agencyPath: byKey((ids: readonly string[]) => readAgencyPaths((sql, params) => db.query(sql, params), ids), (p) => p.agencyId),
  };
}

export type LegalLoaders = ReturnType<typeof createLoaders>;

const present = <T>(x: T | null | Error): x is T => x !== null && !(x instanceof Error);

/**
 * The frameworks among `ids` the loaders' viewer may see, in the order given: what other subgraphs' entities that refer
 * to legal texts by id may list.
 */
export const visibleFrameworks = async (loaders: LegalLoaders, ids: readonly string[] | undefined): Promise<FrameworkView[]> =>
  (await loaders.framework.loadMany(ids ?? [])).filter(present);

/** Each cited provision among `ids` as it stands today (as `legalProvision(id)` reads it), where the viewer may see it. */
export const citedProvisions = async (loaders: LegalLoaders, ids: readonly string[] | undefined): Promise<ProvisionView[]> =>
  (await loaders.provisionsAt(null).provision.loadMany(ids ?? [])).filter(present);
