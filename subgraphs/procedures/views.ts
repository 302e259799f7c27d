import { canSee, hasRole, visibilitySql } from '../../lib/access.ts';
import type { Viewer, Visibility } from '../../lib/access.ts';
import type { TypedAttributeRow } from '../../lib/typedValues.ts';

// The rows of the tables as the subgraph reads them (the migrations create the tables).

export type DimensionRow = TypedAttributeRow;

export interface ProcedureHeadRow {
  id: string;
  agencyId: string;
  jurisdictionCode: string;
  topic: string;
  latestVersion: number;
  publishedVersion: number | null;
  reviewStatus: string;
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
  status: string;
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

/** Maps a raw row selected with VIEW_COLUMNS. */
export function toView(r: any): ProcedureView {
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

/** Editors and managers of an agency may see and work on its drafts. */
export const worksOnDraftsOf = (v: Viewer, agencyId: string) =>
  v.agencyId === agencyId && (hasRole(v, 'EDITOR') || (v.orgKind === 'LEA' && v.tier === 'MANAGER'));

/** canSee, plus: drafts only for their agency's editors and managers. */
export function procedureVisible(v: Viewer, p: Pick<ProcedureView, 'visibility' | 'restrictedTo' | 'status' | 'agencyId'>): boolean {
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
