import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../lib/access.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { emitEvents } from '../../lib/outbox.ts';
import { storable } from './inputs.ts';
import { VIEW_COLUMNS, procedureVisible, toView, worksOnDraftsOf } from './procedureView.ts';
import type { ProcedureView } from './procedureView.ts';

/**
 * Locks a procedure for a write and returns its latest version. A procedure the viewer cannot see at
 * all is NOT_FOUND (no existence leak); one of another agency is FORBIDDEN.
 */
export async function lockForWrite(tx: EntityManager, viewer: Viewer, id: string): Promise<{ latest: ProcedureView; published: ProcedureView | null }> {
  if (!storable(id)) throw notFound(`Procedure ${JSON.stringify(id.slice(0, 100))}`);
  const rows = await tx.query(
    `SELECT ${VIEW_COLUMNS} FROM procedures.procedures p JOIN procedures.procedure_versions v ON v.procedure_id = p.id
     WHERE p.id = $1 AND v.version IN (p.latest_version, p.published_version) ORDER BY v.version DESC FOR UPDATE OF p`, [id]);
  const views = rows.map(toView) as ProcedureView[];
  const latest = views[0];
  if (!latest || !views.some((v) => procedureVisible(viewer, v))) throw notFound(`Procedure "${id}"`);
  if (!worksOnDraftsOf(viewer, latest.agencyId)) throw forbidden('Only editors and managers of the owning agency may change this procedure.');
  const published = views.find((v) => v.version === latest.publishedVersion) ?? null;
  return { latest, published };
}

export function expectVersion(latest: ProcedureView, expected: number) {
  if (latest.latestVersion !== expected) {
    throw conflict(`This procedure is at version ${latest.latestVersion}, not ${expected}: reload it and apply your change again.`);
  }
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
