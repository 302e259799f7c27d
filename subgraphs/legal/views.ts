import { canSee, hasRole, visibilitySql } from '../../lib/access.ts';
import type { Viewer, Visibility } from '../../lib/access.ts';
import { sqlConditions } from '../../lib/sqlConditions.ts';
import { sql } from '../../lib/sqlFragments.ts';
import type { TypedAttributeRow } from '../../lib/typedValues.ts';

// The rows of the tables as the subgraph reads them (the migrations create the tables).

export type PositionDimensionRow = TypedAttributeRow;

export interface FrameworkRow {
  id: string;
  jurisdictionCode: string;
  title: string;
  shortTitle: string;
  kind: string;
  celex: string | null;
  eli: string | null;
  identifier: string | null;
  adoptedOn: string | null;
  inForceFrom: string | null;
  repealedOn: string | null;
  languages: string[];
  summary: string;
  topics: string[];
  transposes: string | null;
  visibility: string;
  restrictedTo: string[];
  illustrative: boolean;
}

export interface ProvisionRow {
  id: string;
  frameworkId: string;
  reference: string;
  position: number;
  latestVersion: number;
  visibility: string;
  restrictedTo: string[];
  illustrative: boolean;
}

export interface ProvisionVersionRow {
  provisionId: string;
  version: number;
  heading: string;
  text: string;
  topics: string[];
  dimensionValues: Record<string, unknown>;
  validFrom: string;
  validUntil: string | null;
  changeNote: string | null;
  /** Why an administrator made this version take effect from a date before it was written. */
  backdatingReason: string | null;
  proposedBy: string | null;
  acceptedBy: string | null;
  contributionId: string | null;
  createdAt: Date;
}

export interface ContributionRow {
  id: string;
  authorId: string;
  authorAgencyId: string;
  /** The author's agency and the agencies it is part of, when the contribution was written (empty before this was kept). */
  authorAgencyPath: string[];
  kind: string;
  targetFrameworkId: string;
  targetProvisionId: string | null;
  proposedReference: string | null;
  proposedHeading: string | null;
  proposedText: string;
  rationale: string;
  status: string;
  visibility: string;
  restrictedTo: string[];
  reviewerId: string | null;
  decisionReason: string | null;
  submittedAt: Date;
  reviewStartedAt: Date | null;
  decidedAt: Date | null;
  withdrawnAt: Date | null;
  resultingProvisionId: string | null;
  resultingVersion: number | null;
}

/** A framework as read; `at` is the date its provisions are read at (null: as they stand). */
export interface FrameworkView extends FrameworkRow {
  visibility: Visibility;
  at: string | null;
}

/** A provision seen at one version, with its framework's guard (a provision is visible only with its framework). */
export interface ProvisionView extends Omit<ProvisionRow, 'visibility'>, Omit<ProvisionVersionRow, 'provisionId'> {
  visibility: Visibility;
  jurisdictionCode: string;
  frameworkVisibility: Visibility;
  frameworkRestrictedTo: string[];
}

export interface ContributionView extends Omit<ContributionRow, 'visibility'> {
  visibility: Visibility;
}

/** A jurisdiction of the directory, as this subgraph refers to it. */
export interface JurisdictionReference {
  code: string;
}

/** A provision's position on one dimension. */
export interface LegalPositionView {
  dimension: PositionDimensionRow;
  value: unknown;
  display: string;
}

/** A comparison of legal positions; its CSV is written only when a query asks for it. */
export interface LegalPositionComparisonView {
  topic: string;
  at: string;
  jurisdictions: { code: string }[];
  rows: {
    dimension: PositionDimensionRow;
    divergent: boolean;
    cells: { jurisdiction: { code: string }; value: LegalPositionView | null; provision: ProvisionView | null }[];
  }[];
  missing: { code: string }[];
  divergentCount: number;
  csv: () => string;
}

// Other subgraphs' entities that refer to legal texts by id, as their fields here see them: a representation through
// _entities also carries the ids (@external, handed over by the gateway for @requires), a request outside the
// gateway's plan may not.

export interface ProcedureEntity {
  id: string;
  legalBasisIds?: string[];
}

export interface CurriculumEntity {
  id: string;
  relatedLegalFrameworkIds?: string[];
}

export interface RecommendationEntity {
  id: string;
  legalFrameworkLinkIds?: string[];
}

export const FRAMEWORK_COLUMNS = `f.id, f.jurisdiction_code AS "jurisdictionCode", f.title, f.short_title AS "shortTitle", f.kind, f.celex, f.eli,
  f.identifier, f.adopted_on AS "adoptedOn", f.in_force_from AS "inForceFrom", f.repealed_on AS "repealedOn", f.languages, f.summary,
  f.topics, f.transposes, f.visibility, f.restricted_to AS "restrictedTo", f.illustrative`;

export const PROVISION_COLUMNS = `p.id, p.framework_id AS "frameworkId", p.reference, p.position, p.latest_version AS "latestVersion",
  p.visibility, p.restricted_to AS "restrictedTo", p.illustrative, f.jurisdiction_code AS "jurisdictionCode",
  f.visibility AS "frameworkVisibility", f.restricted_to AS "frameworkRestrictedTo", v.version, v.heading, v.text, v.topics,
  v.dimension_values AS "dimensionValues", v.valid_from AS "validFrom", v.valid_until AS "validUntil", v.change_note AS "changeNote", v.backdating_reason AS "backdatingReason",
  v.proposed_by AS "proposedBy", v.accepted_by AS "acceptedBy", v.contribution_id AS "contributionId", v.created_at AS "createdAt"`;

export const CONTRIBUTION_COLUMNS = `c.id, c.author_id AS "authorId", c.author_agency_id AS "authorAgencyId",
  c.author_agency_path AS "authorAgencyPath", c.kind,
  c.target_framework_id AS "targetFrameworkId", c.target_provision_id AS "targetProvisionId", c.proposed_reference AS "proposedReference",
  c.proposed_heading AS "proposedHeading", c.proposed_text AS "proposedText", c.rationale, c.status, c.visibility,
  c.restricted_to AS "restrictedTo", c.reviewer_id AS "reviewerId", c.decision_reason AS "decisionReason", c.submitted_at AS "submittedAt",
  c.review_started_at AS "reviewStartedAt", c.decided_at AS "decidedAt", c.withdrawn_at AS "withdrawnAt",
  c.resulting_provision_id AS "resultingProvisionId", c.resulting_version AS "resultingVersion"`;

export const PROVISION_FROM = 'legal.provisions p JOIN legal.frameworks f ON f.id = p.framework_id JOIN legal.provision_versions v ON v.provision_id = p.id';

/** The SQL condition for frameworks in force on a date (`at` is a parameter placeholder); unknown dates count as in force. */
export const frameworkInForceSql = (at: string) =>
  `(f.in_force_from IS NULL OR f.in_force_from <= ${at}::date) AND (f.repealed_on IS NULL OR f.repealed_on > ${at}::date)`;

/** The SQL condition for provision versions in force on a date. */
export const versionInForceSql = (at: string) => `v.valid_from <= ${at}::date AND (v.valid_until IS NULL OR v.valid_until > ${at}::date)`;

/**
 * ORDER BY for DISTINCT ON (p.id) picking the version a reader sees: on `at`, the newest in force then; without it,
 * the newest in force today (a parameter placeholder), or the newest of all when none is in force yet.
 */
export const versionChoiceOrder = (at: string | null, todayParam: string) =>
  at ? 'p.id, v.version DESC' : `p.id, (v.valid_from <= ${todayParam}::date) DESC, v.version DESC`;

/** Visibility of a provision: its own guard and its framework's, in SQL over `p` and `f`. */
export const provisionVisibleSql = (v: Viewer, params: unknown[]) => `${visibilitySql(v, 'f', params)} AND ${visibilitySql(v, 'p', params)}`;

export const provisionVisible = (v: Viewer, p: ProvisionView) =>
  canSee(v, p) && canSee(v, { visibility: p.frameworkVisibility, restrictedTo: p.frameworkRestrictedTo });

/** Reviewers see every contribution, so that they can review it. */
export const reviewsContributions = (v: Viewer) => hasRole(v, 'REVIEWER');

/** The guards, as they are now, of what a contribution is about: its framework and the provision it targets, if any. */
export interface ContributionTargetGuards {
  frameworkVisibility: Visibility;
  frameworkRestrictedTo: string[];
  provisionVisibility: Visibility | null;
  provisionRestrictedTo: string[] | null;
}

export const CONTRIBUTION_TARGET_GUARDS = `cf.visibility AS "frameworkVisibility", cf.restricted_to AS "frameworkRestrictedTo",
  cp.visibility AS "provisionVisibility", cp.restricted_to AS "provisionRestrictedTo"`;

export const CONTRIBUTION_TARGET_FROM = `legal.contributions c JOIN legal.frameworks cf ON cf.id = c.target_framework_id
  LEFT JOIN legal.provisions cp ON cp.id = c.target_provision_id`;

/**
 * Its author always sees a contribution. Anyone else sees it only where its guard lets them (canSee) and they see what
 * it is about as that stands now (a framework restricted after the contribution was written takes it along); within
 * that, before acceptance it belongs to the author's organisation and the reviewers, after acceptance to everyone.
 */
export function contributionVisible(v: Viewer, c: ContributionView & ContributionTargetGuards): boolean {
  if (v.memberId !== null && v.memberId === c.authorId) return true;
  if (!canSee(v, c) || !canSee(v, { visibility: c.frameworkVisibility, restrictedTo: c.frameworkRestrictedTo })) return false;
  if (c.provisionVisibility && !canSee(v, { visibility: c.provisionVisibility, restrictedTo: c.provisionRestrictedTo })) return false;
  return c.status === 'ACCEPTED' || reviewsContributions(v) || (v.agencyId !== null && v.agencyId === c.authorAgencyId);
}

export function contributionVisibleSql(v: Viewer, params: unknown[]): string {
  const guarded = `${visibilitySql(v, 'c', params)}
    AND EXISTS (SELECT 1 FROM legal.frameworks cf WHERE cf.id = c.target_framework_id AND ${visibilitySql(v, 'cf', params)})
    AND (c.target_provision_id IS NULL
      OR EXISTS (SELECT 1 FROM legal.provisions cp WHERE cp.id = c.target_provision_id AND ${visibilitySql(v, 'cp', params)}))`;
  const before = sqlConditions(params, [`c.status = 'ACCEPTED'`]);
  if (reviewsContributions(v)) before.list.push('true');
  if (v.agencyId) before.add(sql`c.author_agency_id = ${v.agencyId}`);
  const others = `(${guarded} AND (${before.list.join(' OR ')}))`;
  if (!v.memberId) return others;
  params.push(v.memberId);
  return `(c.author_id = $${params.length} OR ${others})`;
}
