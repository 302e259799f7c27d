import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { VISIBILITIES } from '../../lib/access.ts';
import type { Viewer, Visibility } from '../../lib/access.ts';
import { forbidden } from '../../lib/errors.ts';
import type { ContributionView, ProvisionView } from './legalViews.ts';
import { nestRestrictions } from './restrictions.ts';

/**
 * A reviewer decides nothing they wrote, nor anything written within their own organisation: an agency together with
 * the agencies it is part of (a Europol unit and Europol are one organisation). Paths come from the kernel's principals.
 */
export async function assertNoConflictOfInterest(tx: EntityManager, viewer: Viewer, c: Pick<ContributionView, 'authorId' | 'authorAgencyId'>) {
  if (c.authorId === viewer.memberId) throw forbidden('Nobody reviews their own contribution.');
  const rows: { member_id: string; agency_path: string[] }[] = await tx.query(
    'SELECT member_id, agency_path FROM access.principals WHERE member_id = ANY($1)', [[viewer.memberId, c.authorId]]);
  const pathOf = (id: string | null) => rows.find((r) => r.member_id === id)?.agency_path ?? [];
  const reviewerOrganisation = new Set([viewer.agencyId, ...pathOf(viewer.memberId)]);
  if ([c.authorAgencyId, ...pathOf(c.authorId)].some((a) => reviewerOrganisation.has(a))) {
    throw forbidden('A contribution is reviewed by someone outside the author\'s organisation.');
  }
}

const strictest = (...levels: Visibility[]) => levels.reduce((a, b) => (VISIBILITIES.indexOf(a) >= VISIBILITIES.indexOf(b) ? a : b));

/**
 * A reviewer's direct amendment, kept as an accepted contribution the reviewer wrote and accepted, so that it shows in
 * the contribution record like every other change to the law's text. Returns the contribution's id.
 */
export async function recordDirectAmendment(
  tx: EntityManager, viewer: Viewer, latest: ProvisionView, change: { heading: string; text: string; changeNote: string },
): Promise<string> {
  const id = `contrib-${randomUUID()}`;
  await tx.query(
    `INSERT INTO legal.contributions (id, author_id, author_agency_id, kind, target_framework_id, target_provision_id, proposed_heading,
       proposed_text, rationale, status, visibility, restricted_to, reviewer_id, decision_reason, review_started_at, decided_at,
       resulting_provision_id, resulting_version)
     VALUES ($1, $2, $3, 'AMENDMENT', $4, $5, $6, $7, $8, 'ACCEPTED', $9, $10, $2, 'Amended directly by a reviewer, without a separate review.',
       now(), now(), $5, $11)`,
    [id, viewer.memberId, viewer.agencyId, latest.frameworkId, latest.id, change.heading, change.text, change.changeNote,
      strictest('MEMBERS', latest.frameworkVisibility, latest.visibility),
      nestRestrictions(latest.frameworkRestrictedTo, latest.restrictedTo), latest.version + 1]);
  return id;
}
