import type { EntityManager } from 'typeorm';
import { canSee } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { badInput, notFound } from '../../lib/errors.ts';
import { emitEvents } from '../../lib/outbox.ts';
import type { OutboxEvent } from '../../lib/outbox.ts';
import { CONTRIBUTION_COLUMNS, FRAMEWORK_COLUMNS, PROVISION_COLUMNS, PROVISION_FROM, contributionVisible, provisionVisible } from './legalViews.ts';
import type { ContributionView, FrameworkView, ProvisionView } from './legalViews.ts';
import { storable } from './resolvers/inputs.ts';

export const emitLegalEvents = (tx: EntityManager, events: OutboxEvent[]) => emitEvents(tx, 'legal', events);

/** Locks a framework the viewer may see; one the viewer cannot see is NOT_FOUND (no existence leak). */
export async function lockFramework(tx: EntityManager, viewer: Viewer, id: string): Promise<FrameworkView> {
  if (!storable(id)) throw notFound(`Legal framework ${JSON.stringify(id.slice(0, 100))}`);
  const [row] = await tx.query(`SELECT ${FRAMEWORK_COLUMNS} FROM legal.frameworks f WHERE f.id = $1 FOR UPDATE`, [id]);
  if (!row || !canSee(viewer, row)) throw notFound(`Legal framework "${id}"`);
  return { ...row, at: null };
}

/** Locks a provision the viewer may see and returns its latest version. */
export async function lockProvision(tx: EntityManager, viewer: Viewer, id: string): Promise<ProvisionView> {
  if (!storable(id)) throw notFound(`Legal provision ${JSON.stringify(id.slice(0, 100))}`);
  const [row]: ProvisionView[] = await tx.query(
    `SELECT ${PROVISION_COLUMNS} FROM ${PROVISION_FROM} WHERE p.id = $1 AND v.version = p.latest_version FOR UPDATE OF p`, [id]);
  if (!row || !provisionVisible(viewer, row)) throw notFound(`Legal provision "${id}"`);
  return row;
}

export async function lockContribution(tx: EntityManager, viewer: Viewer, id: string): Promise<ContributionView> {
  if (!storable(id)) throw notFound(`Contribution ${JSON.stringify(id.slice(0, 100))}`);
  const [row]: ContributionView[] = await tx.query(`SELECT ${CONTRIBUTION_COLUMNS} FROM legal.contributions c WHERE c.id = $1 FOR UPDATE`, [id]);
  if (!row || !contributionVisible(viewer, row)) throw notFound(`Contribution "${id}"`);
  return row;
}

export interface NewVersion {
  heading: string;
  text: string;
  topics: string[];
  dimensionValues: Record<string, unknown>;
  validFrom: string;
  changeNote: string | null;
  proposedBy: string | null;
  acceptedBy: string | null;
  contributionId: string | null;
}

export async function insertProvisionVersion(tx: EntityManager, provisionId: string, version: number, v: NewVersion): Promise<void> {
  await tx.query(
    `INSERT INTO legal.provision_versions (provision_id, version, heading, text, topics, dimension_values, valid_from, change_note,
       proposed_by, accepted_by, contribution_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [provisionId, version, v.heading, v.text, v.topics, JSON.stringify(v.dimensionValues), v.validFrom, v.changeNote, v.proposedBy,
      v.acceptedBy, v.contributionId]);
}

/**
 * Appends a version on top of the latest one (which stops being in force when the new one starts) and emits
 * `provision.amended`, which other subgraphs react to.
 */
export async function appendProvisionVersion(tx: EntityManager, latest: ProvisionView, next: NewVersion): Promise<number> {
  if (next.validFrom < latest.validFrom) {
    throw badInput(`validFrom must not be before ${latest.validFrom}, when version ${latest.version} took effect.`);
  }
  const version = latest.version + 1;
  await tx.query(
    'UPDATE legal.provision_versions SET valid_until = $3 WHERE provision_id = $1 AND version = $2 AND valid_until IS NULL',
    [latest.id, latest.version, next.validFrom]);
  await insertProvisionVersion(tx, latest.id, version, next);
  await tx.query('UPDATE legal.provisions SET latest_version = $2 WHERE id = $1', [latest.id, version]);
  await emitLegalEvents(tx, [{
    entityType: 'LegalProvision', entityId: latest.id, event: 'provision.amended', payload: { version, frameworkId: latest.frameworkId },
  }]);
  return version;
}
