import type { ColumnRow } from '../../lib/columnRows.ts';
import { today } from '../../lib/scalars.ts';
import type { Visibility } from '../../lib/access.ts';

// The rows of the tables as the subgraph reads them (the migrations create the tables).

export interface CurriculumRow {
  id: string;
  ownerAgencyId: string;
  title: string;
  summary: string;
  audience: string;
  topics: string[];
  tags: string[];
  learningOutcomes: string[];
  language: string;
  estimatedHours: string;
  visibility: string;
  restrictedTo: string[];
  relatedProcedures: string[];
  relatedLegalFrameworks: string[];
  version: number;
  validityMonths: number;
  createdBy: string | null;
}

export interface ModuleRow {
  id: string;
  curriculumId: string;
  position: number;
  title: string;
  outline: string;
  kind: string;
  durationMinutes: number;
  passMark: number | null;
}

export interface AssignmentRow {
  id: string;
  curriculumId: string;
  curriculumVersion: number;
  memberId: string;
  assignedBy: string | null;
  viaAgencyId: string | null;
  dueOn: string;
  status: string;
  completedOn: string | null;
  refreshDueOn: string | null;
  needsRefresh: boolean;
}

export interface ModuleProgressRow {
  assignmentId: string;
  moduleId: string;
  completed: boolean;
  score: number | null;
}

/** An assignment, its `status` with OVERDUE derived from the due date, and the assignee's principal for the access rule. */
export interface AssignmentView extends AssignmentRow {
  agencyId: string | null;
  jurisdictionPath: string[];
  tier: string | null;
}

/**
 * The SELECT of assignments joined to their assignees' principals, with the status derived from today's
 * date (appended to `params`), and that derived status as SQL for WHERE clauses. Aliases: `a` the
 * assignment, `pr` the principal.
 */
export function assignmentSelect(params: unknown[]): { select: string; status: string } {
  params.push(today());
  const on = `$${params.length}::date`;
  const select = `SELECT a.id, a.curriculum_id, a.curriculum_version, a.member_id, a.assigned_by, a.via_agency_id, a.due_on,
      ${derivedStatusSql(on)} AS status, a.completed_on, a.refresh_due_on, a.needs_refresh,
      pr.agency_id, coalesce(pr.jurisdiction_path, '{}') AS jurisdiction_path, pr.tier
    FROM training.assignments a LEFT JOIN access.principals pr ON pr.member_id = a.member_id`;
  return { select, status: derivedStatusSql(on) };
}

/** OVERDUE is never stored: an open assignment is overdue once its due date has passed. */
export const derivedStatusSql = (on: string) =>
  `CASE WHEN a.status IN ('ASSIGNED', 'IN_PROGRESS') AND a.due_on < ${on} THEN 'OVERDUE' ELSE a.status END`;

/** Maps a raw row selected with assignmentSelect. */
export function toAssignment(r: ColumnRow<AssignmentView>): AssignmentView {
  return {
    id: r.id,
    curriculumId: r.curriculum_id,
    curriculumVersion: r.curriculum_version,
    memberId: r.member_id,
    assignedBy: r.assigned_by,
    viaAgencyId: r.via_agency_id,
    dueOn: r.due_on,
    status: r.status,
    completedOn: r.completed_on,
    refreshDueOn: r.refresh_due_on,
    needsRefresh: r.needs_refresh,
    agencyId: r.agency_id,
    jurisdictionPath: r.jurisdiction_path,
    tier: r.tier,
  };
}

/** A curriculum as the resolvers read it. */
export interface CurriculumView {
  id: string;
  ownerAgencyId: string;
  title: string;
  summary: string;
  audience: 'MANAGER' | 'PRACTITIONER' | 'ALL';
  topics: string[];
  tags: string[];
  learningOutcomes: string[];
  language: string;
  estimatedHours: number;
  visibility: Visibility;
  restrictedTo: string[];
  relatedProcedures: string[];
  relatedLegalFrameworks: string[];
  version: number;
  validityMonths: number;
}

export const CURRICULUM_COLUMNS = `c.id, c.owner_agency_id, c.title, c.summary, c.audience, c.topics, c.tags, c.learning_outcomes,
  c.language, c.estimated_hours, c.visibility, c.restricted_to, c.related_procedures, c.related_legal_frameworks, c.version,
  c.validity_months`;

/** Maps a raw row selected with CURRICULUM_COLUMNS. */
export function toCurriculum(r: ColumnRow<CurriculumView>): CurriculumView {
  return {
    id: r.id,
    ownerAgencyId: r.owner_agency_id,
    title: r.title,
    summary: r.summary,
    audience: r.audience,
    topics: r.topics,
    tags: r.tags,
    learningOutcomes: r.learning_outcomes,
    language: r.language,
    estimatedHours: Number(r.estimated_hours),
    visibility: r.visibility,
    restrictedTo: r.restricted_to,
    relatedProcedures: r.related_procedures,
    relatedLegalFrameworks: r.related_legal_frameworks,
    version: r.version,
    validityMonths: r.validity_months,
  };
}

export const MODULE_COLUMNS = `m.id, m.curriculum_id AS "curriculumId", m.position, m.title, m.outline, m.kind,
  m.duration_minutes AS "durationMinutes", m.pass_mark AS "passMark"`;

/** Completed with a score at or above the pass mark; an unscored module passes when completed. */
export const passes = (module: Pick<ModuleRow, 'passMark'>, progress: { completed: boolean; score: number | null } | undefined) =>
  !!progress?.completed && (module.passMark === null || (progress.score ?? -1) >= module.passMark);

/** A member or an agency of another subgraph as this one resolves their training fields: the key only. */
export interface EntityReference {
  id: string;
}

/** A workshop recommendation as the gateway hands it over, with the curriculum links its visible ones require. */
export interface RecommendationReference {
  id: string;
  curriculumLinkIds?: string[];
}
