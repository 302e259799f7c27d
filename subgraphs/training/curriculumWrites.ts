import type { EntityManager } from 'typeorm';
import { canSee } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { writeTarget } from '../../lib/lockedWrite.ts';
import { emitEvents } from '../../lib/outbox.ts';
import { CURRICULUM_COLUMNS, toCurriculum } from './curriculumView.ts';
import type { CurriculumView } from './curriculumView.ts';

/** A curriculum as writes reach it: one the viewer cannot see is NOT_FOUND (no existence leak). */
const curriculumRows = {
  noun: 'Curriculum',
  select: `SELECT ${CURRICULUM_COLUMNS} FROM training.curricula c WHERE c.id = $1`,
  locks: 'c',
  toItem: (rows: any[]) => (rows[0] ? toCurriculum(rows[0]) : undefined),
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
