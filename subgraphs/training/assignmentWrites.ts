import { writeTarget } from '../../lib/lockedWrite.ts';
import type { WriteTargetSpec } from '../../lib/lockedWrite.ts';
import { mayFollow, trainerCovers } from './assignmentAccess.ts';
import type { Trainee } from './assignmentAccess.ts';

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
