import { today } from '../../lib/scalars.ts';
import type { AssignmentRow } from './entities.ts';

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
export function toAssignment(r: any): AssignmentView {
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
