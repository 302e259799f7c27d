import { canSee, hasRole, visibilitySql } from '../../lib/access.ts';
import type { Viewer, Visibility } from '../../lib/access.ts';
import type { ColumnRow } from '../../lib/columnRows.ts';
import type { TypedAttributeRow } from '../../lib/typedValues.ts';
import type { ProcedureStatus, ReviewStatus, Topic } from './resolvers/types.generated.ts';

// The rows of the tables as the subgraph reads them (the migrations create the tables).

export type DimensionRow = TypedAttributeRow;

export interface ProcedureHeadRow {
  id: string;
  agencyId: string;
  jurisdictionCode: string;
  topic: Topic;
  latestVersion: number;
  publishedVersion: number | null;
  reviewStatus: ReviewStatus;
  lastVerifiedAt: string | null;
}

export interface Step {
  action: string;
  responsibleRole: string;
  safeguards: string[];
}

export interface Resourcing {
  staff: number | null;
  budgetEur: number | null;
  tooling: string[];
}

export interface ProcedureVersionRow {
  procedureId: string;
  version: number;
  status: ProcedureStatus;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  language: string;
  visibility: string;
  restrictedTo: string[];
  effectiveFrom: string | null;
  inForceUntil: string | null;
  publishedAt: Date | null;
  steps: Step[];
  legalBasis: string[];
  dimensionValues: Record<string, unknown>;
  operationalNotes: string | null;
  resourcing: Resourcing | null;
  changeNote: string | null;
  /** Why an administrator put this version in force from a date before its publication. */
  backdatingReason: string | null;
  createdBy: string | null;
}

/** A procedure seen at one version: the version's content plus the procedure's shared state. */
export type ProcedureView = ProcedureHeadRow & Omit<ProcedureVersionRow, 'procedureId' | 'visibility'> & { visibility: Visibility };

export const VIEW_COLUMNS = `p.id, p.agency_id, p.jurisdiction_code, p.topic, p.latest_version, p.published_version, p.review_status,
  p.last_verified_at, v.version, v.status, v.title, v.summary, v.body, v.tags, v.language, v.visibility, v.restricted_to,
  v.effective_from, v.in_force_until, v.published_at, v.steps, v.legal_basis, v.dimension_values, v.operational_notes,
  v.resourcing, v.change_note, v.backdating_reason, v.created_by`;

/** A raw row selected with VIEW_COLUMNS: the view's fields under their column names. */
export type ProcedureViewRow = ColumnRow<ProcedureView>;

/** Maps a raw row selected with VIEW_COLUMNS. */
export function toView(r: ProcedureViewRow): ProcedureView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    jurisdictionCode: r.jurisdiction_code,
    topic: r.topic,
    latestVersion: r.latest_version,
    publishedVersion: r.published_version,
    reviewStatus: r.review_status,
    lastVerifiedAt: r.last_verified_at,
    version: r.version,
    status: r.status,
    title: r.title,
    summary: r.summary,
    body: r.body,
    tags: r.tags,
    language: r.language,
    visibility: r.visibility,
    restrictedTo: r.restricted_to,
    effectiveFrom: r.effective_from,
    inForceUntil: r.in_force_until,
    publishedAt: r.published_at,
    steps: r.steps,
    legalBasis: r.legal_basis,
    dimensionValues: r.dimension_values,
    operationalNotes: r.operational_notes,
    resourcing: r.resourcing,
    changeNote: r.change_note,
    backdatingReason: r.backdating_reason,
    createdBy: r.created_by,
  };
}

/** A jurisdiction of the directory subgraph: its procedures are listed here. */
export interface JurisdictionReference {
  code: string;
}

/** An agency of the directory subgraph: its procedures are listed here. */
export interface AgencyReference {
  id: string;
}

/** A curriculum of the training subgraph, as the gateway hands it over: the ids of the procedures it teaches. */
export interface CurriculumReference {
  id: string;
  relatedProcedureIds?: string[];
}

/** A recommendation of the workshops subgraph, as the gateway hands it over: the ids of the procedures it links. */
export interface RecommendationReference {
  id: string;
  procedureLinkIds?: string[];
}

/** One dimension's values across the compared jurisdictions. */
export interface ComparisonRowView {
  dimension: DimensionRow;
  divergent: boolean;
  cells: {
    jurisdiction: { code: string };
    value: { dimension: DimensionRow; value: unknown; display: string } | null;
    procedure: ProcedureView | null;
  }[];
}

/** A comparison matrix; its CSV is written only when a query asks for it. */
export interface ProcedureComparisonView {
  topic: Topic;
  at: string;
  jurisdictions: { code: string }[];
  rows: ComparisonRowView[];
  missing: { code: string }[];
  divergentCount: number;
  csv: () => string;
}

/** Editors and managers of an agency may see and work on its drafts. */
export const worksOnDraftsOf = (v: Viewer, agencyId: string) =>
  v.agencyId === agencyId && (hasRole(v, 'EDITOR') || (v.orgKind === 'LEA' && v.tier === 'MANAGER'));

/** canSee, plus: drafts only for their agency's editors and managers. */
export function procedureVisible(v: Viewer, p: Pick<ProcedureView, 'visibility' | 'restrictedTo' | 'agencyId'> & { status: string }): boolean {
  return canSee(v, p) && (p.status !== 'DRAFT' || worksOnDraftsOf(v, p.agencyId));
}

/**
 * SQL joining each procedure `p` to the version `v` this viewer reads and filtering by visibility: the published version
 * for everyone; for its own agency's editors and managers, the newest they may see of it and the drafts after it (a
 * draft above their tier leaves them the version below it, not nothing).
 */
export function visibleVersionSql(v: Viewer, params: unknown[]): string {
  if (!v.agencyId || !worksOnDraftsOf(v, v.agencyId)) {
    return `procedures.procedures p JOIN procedures.procedure_versions v ON v.procedure_id = p.id AND v.version = p.published_version
    WHERE ${visibilitySql(v, 'v', params)}`;
  }
  params.push(v.agencyId);
  const own = `$${params.length}`;
  // The version is picked per procedure (the fence keeps it so): walking procedures in listing order then stops after
  // a page instead of joining every version first.
  return `procedures.procedures p CROSS JOIN LATERAL (
      SELECT CASE WHEN p.agency_id = ${own} THEN (
        SELECT max(o.version) FROM procedures.procedure_versions o
        WHERE o.procedure_id = p.id AND o.version >= coalesce(p.published_version, 0) AND ${visibilitySql(v, 'o', params)})
      ELSE p.published_version END AS version OFFSET 0) pick
    JOIN procedures.procedure_versions v ON v.procedure_id = p.id AND v.version = pick.version
    WHERE ${visibilitySql(v, 'v', params)}`;
}

/** SQL for versions in force on a date (`at` is a parameter placeholder). */
export const inForceOnSql = (at: string) =>
  `v.status <> 'DRAFT' AND v.effective_from <= ${at}::date AND (v.in_force_until IS NULL OR v.in_force_until > ${at}::date)`;
