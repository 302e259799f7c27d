import type { EntityManager } from 'typeorm';
import { canSee } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { badInput } from '../../lib/errors.ts';
import { writeTarget } from '../../lib/lockedWrite.ts';
import { emitEvents } from '../../lib/outbox.ts';
import type { OutboxEvent } from '../../lib/outbox.ts';
import {
  CONTRIBUTION_COLUMNS, CONTRIBUTION_TARGET_FROM, CONTRIBUTION_TARGET_GUARDS, FRAMEWORK_COLUMNS, PROVISION_COLUMNS, PROVISION_FROM,
  contributionVisible, provisionVisible,
} from './views.ts';
import type { ContributionTargetGuards, ContributionView, FrameworkView, ProvisionView } from './views.ts';

export const emitLegalEvents = (tx: EntityManager, events: OutboxEvent[]) => emitEvents(tx, 'legal', events);

export const frameworkTarget = writeTarget<FrameworkView>({
  noun: 'Legal framework',
  select: `SELECT ${FRAMEWORK_COLUMNS}, NULL AS at FROM legal.frameworks f WHERE f.id = $1`,
  locks: 'f',
  visible: canSee,
});

/** Provisions are locked at their latest version; one is visible only with its framework. */
export const provisionTarget = writeTarget<ProvisionView>({
  noun: 'Legal provision',
  select: `SELECT ${PROVISION_COLUMNS} FROM ${PROVISION_FROM} WHERE p.id = $1 AND v.version = p.latest_version`,
  locks: 'p',
  visible: provisionVisible,
});

const contributionTarget = writeTarget<ContributionView & ContributionTargetGuards>({
  noun: 'Contribution',
  select: `SELECT ${CONTRIBUTION_COLUMNS}, ${CONTRIBUTION_TARGET_GUARDS} FROM ${CONTRIBUTION_TARGET_FROM} WHERE c.id = $1`,
  locks: 'c',
  visible: contributionVisible,
});

/** Locks a framework the viewer may see; one the viewer cannot see is NOT_FOUND (no existence leak). */
export const lockFramework = (tx: EntityManager, viewer: Viewer, id: string) => frameworkTarget.lock(tx, viewer, id);

/** Locks a provision the viewer may see and returns its latest version. */
export const lockProvision = (tx: EntityManager, viewer: Viewer, id: string) => provisionTarget.lock(tx, viewer, id);

export const lockContribution = (tx: EntityManager, viewer: Viewer, id: string) => contributionTarget.lock(tx, viewer, id);

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
  backdatingReason?: string | null;
}

export async function insertProvisionVersion(tx: EntityManager, provisionId: string, version: number, v: NewVersion): Promise<void> {
  await tx.query(
    `INSERT INTO legal.provision_versions (provision_id, version, heading, text, topics, dimension_values, valid_from, change_note,
       proposed_by, accepted_by, contribution_id, backdating_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [provisionId, version, v.heading, v.text, v.topics, JSON.stringify(v.dimensionValues), v.validFrom, v.changeNote, v.proposedBy,
      v.acceptedBy, v.contributionId, v.backdatingReason ?? null]);
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
