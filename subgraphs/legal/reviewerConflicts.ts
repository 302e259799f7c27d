import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../lib/access.ts';
import { forbidden } from '../../lib/errors.ts';
import { insertContribution, recordDecision } from './contributionRecords.ts';
import type { ContributionSubject, NewContribution } from './contributionRecords.ts';
import type { ContributionView } from './legalViews.ts';

/**
 * A reviewer decides nothing they wrote, nor anything written within their own organisation: an agency together with
 * the agencies it is part of (a Europol unit and Europol are one organisation). The author's side is their agency when
 * they wrote it with its parents (kept on the contribution; for older ones, the kernel's path of that agency) and the
 * agency they are in now with its parents. Paths come from the kernel's principals.
 */
export async function assertNoConflictOfInterest(
  tx: EntityManager, viewer: Viewer, c: Pick<ContributionView, 'authorId' | 'authorAgencyId' | 'authorAgencyPath'>,
) {
  if (c.authorId === viewer.memberId) throw forbidden('Nobody reviews their own contribution.');
  const rows: { member_id: string; agency_id: string; agency_path: string[] }[] = await tx.query(
    `SELECT member_id, agency_id, agency_path FROM access.principals
     WHERE member_id = ANY($1) OR (agency_id = $2 AND cardinality($3::text[]) = 0)`, [[viewer.memberId, c.authorId], c.authorAgencyId, c.authorAgencyPath]);
  const reviewerOrganisation = new Set([viewer.agencyId, ...rows.filter((r) => r.member_id === viewer.memberId).flatMap((r) => r.agency_path)]);
  const authorOrganisation = [c.authorAgencyId, ...c.authorAgencyPath,
    ...rows.filter((r) => r.member_id === c.authorId || r.agency_id === c.authorAgencyId).flatMap((r) => r.agency_path)];
  if (authorOrganisation.some((a) => reviewerOrganisation.has(a))) {
    throw forbidden('A contribution is reviewed by someone outside the author\'s organisation.');
  }
}

/**
 * A reviewer's direct change to the law's text (an amendment, a new provision), kept as a contribution the reviewer
 * wrote and accepted, so that it shows in the contribution record like every other change. `apply` writes the change
 * citing the contribution and returns the provision version it became.
 */
export async function recordDirectChange(
  tx: EntityManager, viewer: Viewer, subject: ContributionSubject, change: NewContribution,
  apply: (contributionId: string) => Promise<{ id: string; version: number }>,
): Promise<{ id: string; version: number }> {
  const id = await insertContribution(tx, viewer, subject, change);
  const resulting = await apply(id);
  await recordDecision(tx, { id, kind: change.kind, targetFrameworkId: subject.framework.id }, {
    status: 'ACCEPTED', reviewer: viewer.memberId, reason: 'Written directly by a reviewer, without a separate review.', resulting,
  });
  return resulting;
}
