import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../lib/access.ts';
import { emitEvents } from '../../lib/outbox.ts';
import { writeTarget } from '../../lib/lockedWrite.ts';
import { VIEW_COLUMNS, procedureVisible, toView, worksOnDraftsOf } from './views.ts';
import type { ProcedureView } from './views.ts';

interface LockedProcedure {
  latest: ProcedureView;
  published: ProcedureView | null;
}

/**
 * A procedure locked for a write: its latest version and the published one. It is found when the viewer sees either;
 * only editors and managers of the owning agency change it.
 */
export const procedureTarget = writeTarget<LockedProcedure>({
  noun: 'Procedure',
  select: `SELECT ${VIEW_COLUMNS} FROM procedures.procedures p JOIN procedures.procedure_versions v ON v.procedure_id = p.id
    WHERE p.id = $1 AND v.version IN (p.latest_version, p.published_version) ORDER BY v.version DESC`,
  locks: 'p',
  toItem: (rows) => {
    const views = rows.map(toView);
    const latest = views[0];
    return latest && { latest, published: views.find((v) => v.version === latest.publishedVersion) ?? null };
  },
  visible: (viewer, p) => procedureVisible(viewer, p.latest) || (p.published !== null && procedureVisible(viewer, p.published)),
  mayChange: (viewer, p) => worksOnDraftsOf(viewer, p.latest.agencyId),
  refusal: 'Only editors and managers of the owning agency may change this procedure.',
});

/**
 * Locks a procedure for a write that builds on its latest version (a new draft, publishing it, verifying it) or on its
 * published one (withdrawing it). A viewer who cannot read that version gets NOT_FOUND, as for an unknown id, so a
 * hidden draft is neither overwritten nor revealed.
 */
export function lockForWrite(tx: EntityManager, viewer: Viewer, id: string, buildsOn: 'latest' | 'published' = 'latest'): Promise<LockedProcedure> {
  return procedureTarget.lock(tx, viewer, id, (p) => procedureVisible(viewer, buildsOn === 'latest' ? p.latest : p.published ?? p.latest));
}

/** Writes a new immutable version row. */
export async function insertVersion(tx: EntityManager, v: ProcedureView): Promise<void> {
  await tx.query(
    `INSERT INTO procedures.procedure_versions (procedure_id, version, status, title, summary, body, tags, language, visibility,
       restricted_to, effective_from, in_force_until, published_at, steps, legal_basis, dimension_values, operational_notes,
       resourcing, change_note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [v.id, v.version, v.status, v.title, v.summary, v.body, v.tags, v.language, v.visibility, v.restrictedTo, v.effectiveFrom,
      v.inForceUntil, v.publishedAt, JSON.stringify(v.steps), v.legalBasis, JSON.stringify(v.dimensionValues), v.operationalNotes,
      v.resourcing ? JSON.stringify(v.resourcing) : null, v.changeNote, v.createdBy]);
}

export const emitProcedureEvent = (tx: EntityManager, v: Pick<ProcedureView, 'id' | 'version' | 'jurisdictionCode' | 'topic'>, event: string, extra: Record<string, unknown> = {}) =>
  emitEvents(tx, 'procedures', [{
    entityType: 'Procedure',
    entityId: v.id,
    event,
    payload: { version: v.version, jurisdiction: v.jurisdictionCode, topic: v.topic, ...extra },
  }]);
