import type { ColumnRow } from '../../lib/columnRows.ts';
import { writeTarget } from '../../lib/lockedWrite.ts';
import type { WriteTargetSpec } from '../../lib/lockedWrite.ts';
import { mayFollow, trainerCovers } from './assignmentAccess.ts';
import type { Trainee } from './assignmentAccess.ts';
import type { EntityManager } from 'typeorm';
import { canSee } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { emitEvents } from '../../lib/outbox.ts';
import { CURRICULUM_COLUMNS, toCurriculum } from './views.ts';
import type { CurriculumView } from './views.ts';

/** An assignment as its writes read it: its stored status, its curriculum's validity and the assignee's principal. */
export interface LockedAssignment extends Trainee {
  id: string;
  status: string;
  curriculumId: string;
  validityMonths: number;
}

/** An assignment the viewer may not follow is NOT_FOUND, as if it did not exist. */
const assignmentRows: Omit<WriteTargetSpec<LockedAssignment>, 'mayChange' | 'refusal'> = {
  noun: 'Assignment',
  select: `SELECT a.id, a.member_id AS "memberId", a.status, a.curriculum_id AS "curriculumId", c.validity_months AS "validityMonths",
      pr.agency_id AS "agencyId", coalesce(pr.jurisdiction_path, '{}') AS "jurisdictionPath"
    FROM training.assignments a JOIN training.curricula c ON c.id = a.curriculum_id
    LEFT JOIN access.principals pr ON pr.member_id = a.member_id WHERE a.id = $1`,
  locks: 'a',
  visible: mayFollow,
};

export const progressTarget = writeTarget<LockedAssignment>({
  ...assignmentRows,
  mayChange: (viewer, a) => a.memberId === viewer.memberId,
  refusal: 'Only the assignee records progress.',
});

export const cancellationTarget = writeTarget<LockedAssignment>({
  ...assignmentRows,
  mayChange: (viewer, a) => trainerCovers(viewer, a.jurisdictionPath),
  refusal: 'This member is outside your training scope.',
});

/** A curriculum as writes reach it: one the viewer cannot see is NOT_FOUND (no existence leak). */
const curriculumRows = {
  noun: 'Curriculum',
  select: `SELECT ${CURRICULUM_COLUMNS} FROM training.curricula c WHERE c.id = $1`,
  locks: 'c',
  toItem: (rows: ColumnRow<CurriculumView>[]) => (rows[0] ? toCurriculum(rows[0]) : undefined),
  visible: canSee,
};

/** A curriculum locked for a change by a trainer of its owning agency; one of another agency is FORBIDDEN. */
export const curriculumTarget = writeTarget<CurriculumView>({
  ...curriculumRows,
  mayChange: (viewer, c) => c.ownerAgencyId === viewer.agencyId,
  refusal: 'Only trainers of the owning agency may change this curriculum.',
});

/**
 * A curriculum held while it is assigned: its version and visibility, which the assignments record and check, stay
 * as read until they are made, and trainers assigning it at once do not wait for each other.
 */
export const assignedCurriculumTarget = writeTarget<CurriculumView>({ ...curriculumRows, lockStrength: 'share' });

export const lockCurriculum = (tx: EntityManager, viewer: Viewer, id: string) => curriculumTarget.lock(tx, viewer, id);

export interface ModuleDraft {
  title: string;
  outline: string;
  kind: string;
  durationMinutes: number;
  passMark?: number | null;
}

/** Inserts modules of one curriculum from `firstPosition` on, in one statement. */
export async function insertModules(tx: EntityManager, curriculumId: string, modules: ModuleDraft[], firstPosition: number): Promise<string[]> {
  if (modules.length === 0) return [];
  const rows = modules.map((m, i) => ({
    id: `${curriculumId}-m${firstPosition + i}`,
    curriculum_id: curriculumId,
    position: firstPosition + i,
    title: m.title,
    outline: m.outline,
    kind: m.kind,
    duration_minutes: m.durationMinutes,
    pass_mark: m.passMark ?? null,
  }));
  await tx.query(
    `INSERT INTO training.modules (id, curriculum_id, position, title, outline, kind, duration_minutes, pass_mark)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(id text, curriculum_id text, position int, title text, outline text, kind text,
       duration_minutes int, pass_mark int)`, [JSON.stringify(rows)]);
  return rows.map((r) => r.id);
}

export const emitCurriculumEvent = (tx: EntityManager, c: Pick<CurriculumView, 'id' | 'version'>, event: string, extra: Record<string, unknown> = {}) =>
  emitEvents(tx, 'training', [{ entityType: 'Curriculum', entityId: c.id, event, payload: { version: c.version, ...extra } }]);
