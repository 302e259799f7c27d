import type { DataSource } from 'typeorm';
import { visibilitySql } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { byKey, groupedBy } from '../../lib/loaders.ts';
import { followedSql } from './assignmentAccess.ts';
import { assignmentSelect, toAssignment, CURRICULUM_COLUMNS, MODULE_COLUMNS, toCurriculum } from './views.ts';
import type { AssignmentView, CurriculumView } from './views.ts';
import { tierFiguresSql } from './trainingReport.ts';
import type { TierFigures } from './trainingReport.ts';
import type { ModuleProgressRow, ModuleRow } from './views.ts';

export function createLoaders(db: DataSource, viewer: Viewer) {
  const visibleCurricula = async (ids: readonly string[]) => {
    const params: unknown[] = [ids];
    const rows = await db.query(`SELECT ${CURRICULUM_COLUMNS} FROM training.curricula c WHERE c.id = ANY($1) AND ${visibilitySql(viewer, 'c', params)}`, params);
    return rows.map(toCurriculum) as CurriculumView[];
  };
  const followedWhere = async (clause: string, value: unknown) => {
    const params: unknown[] = [value];
    const { select } = assignmentSelect(params);
    const rows = await db.query(`${select} WHERE ${clause} AND ${followedSql(viewer, params)} ORDER BY a.due_on, a.id`, params);
    return rows.map(toAssignment) as AssignmentView[];
  };
  return {
    /** Curricula this viewer may see, or null. */
    curriculum: byKey<string, CurriculumView>(visibleCurricula, (c) => c.id),
    modulesOf: groupedBy<string, ModuleRow>(
      (ids) => db.query(`SELECT ${MODULE_COLUMNS} FROM training.modules m WHERE m.curriculum_id = ANY($1) ORDER BY m.position`, [ids]),
      (m) => m.curriculumId,
    ),
    /** Assignments this viewer may follow, or null (cancelled ones included). */
    assignment: byKey<string, AssignmentView>((ids) => followedWhere('a.id = ANY($1)', ids), (a) => a.id),
    /** Open and completed assignments of each member, as far as this viewer may follow them. */
    assignmentsOfMember: groupedBy<string, AssignmentView>(
      (ids) => followedWhere(`a.member_id = ANY($1) AND a.status <> 'CANCELLED'`, ids),
      (a) => a.memberId,
    ),
    progressOf: groupedBy<string, ModuleProgressRow>(
      (ids) => db.query(
        `SELECT assignment_id AS "assignmentId", module_id AS "moduleId", completed, score FROM training.module_progress
         WHERE assignment_id = ANY($1)`, [ids]),
      (p) => p.assignmentId,
    ),
    /** Training figures per tier of each agency's members, over their open and completed assignments of visible curricula. */
    figuresOfAgency: groupedBy<string, TierFigures & { group: string }>((agencyIds) => {
      const params: unknown[] = [agencyIds];
      return db.query(tierFiguresSql(viewer, params, 'JOIN training.curricula c ON c.id = a.curriculum_id',
        ['pr.agency_id = ANY($1)', `a.status <> 'CANCELLED'`, visibilitySql(viewer, 'c', params)], 'pr.agency_id'), params);
    }, (f) => f.group),
  };
}

export type TrainingLoaders = ReturnType<typeof createLoaders>;
