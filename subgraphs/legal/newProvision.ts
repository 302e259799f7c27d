import type { EntityManager } from 'typeorm';
import { visibilitySql } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { conflict } from '../../lib/errors.ts';
import { emitLegalEvents, insertProvisionVersion } from './writes.ts';
import type { NewVersion } from './writes.ts';
import type { FrameworkView } from './views.ts';
import { provisionId } from './newIds.ts';

/**
 * Creates a provision with its first version at the end of a framework the viewer may see (locked by the caller).
 * Its reference must not be one the viewer can already see in that framework; a provision they cannot see does not
 * count, exactly as if it did not exist.
 */
export async function createProvision(
  tx: EntityManager,
  viewer: Viewer,
  framework: FrameworkView,
  p: { reference: string; visibility: string; restrictedTo: string[] },
  first: NewVersion,
): Promise<string> {
  const params: unknown[] = [framework.id, p.reference];
  const [taken] = await tx.query(
    `SELECT 1 FROM legal.provisions p WHERE p.framework_id = $1 AND p.reference = $2 AND ${visibilitySql(viewer, 'p', params)}`, params);
  if (taken) throw conflict(`${framework.shortTitle} already has a provision "${p.reference}".`);
  const id = provisionId(framework.id, p.reference);
  await tx.query(
    `INSERT INTO legal.provisions (id, framework_id, reference, position, latest_version, visibility, restricted_to)
     SELECT $1, $2, $3, coalesce(max(position), 0) + 1, 1, $4, $5 FROM legal.provisions WHERE framework_id = $2`,
    [id, framework.id, p.reference, p.visibility, p.restrictedTo]);
  await insertProvisionVersion(tx, id, 1, first);
  await emitLegalEvents(tx, [{ entityType: 'LegalProvision', entityId: id, event: 'provision.added', payload: { version: 1, frameworkId: framework.id } }]);
  return id;
}
