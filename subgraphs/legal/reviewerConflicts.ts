import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../lib/access.ts';
import { forbidden } from '../../lib/errors.ts';
import { insertContribution, recordDecision } from './contributionRecords.ts';
import type { ContributionSubject, NewContribution } from './contributionRecords.ts';
import type { ContributionView } from './views.ts';

/** The organisation paths the conflict-of-interest rule reads: each member's agency with its parents, by member. */
export interface MemberPath { memberId: string; agencyId: string; agencyPath: string[] }
/** An agency with its parents, by agency (every principal of one agency carries the same path). */
export interface AgencyPath { agencyId: string; agencyPath: string[] }
type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** The kernel's agency path of each member (one statement for any number of members). */
export const readMemberPaths = (query: Query, memberIds: readonly string[]) => query(
  `SELECT member_id AS "memberId", agency_id AS "agencyId", agency_path AS "agencyPath" FROM access.principals
   WHERE member_id = ANY($1)`, [memberIds]) as Promise<MemberPath[]>;

/** The kernel's path of each agency, from any one of its principals (one statement for any number of agencies). */
export const readAgencyPaths = (query: Query, agencyIds: readonly string[]) => query(
  `SELECT DISTINCT ON (agency_id) agency_id AS "agencyId", agency_path AS "agencyPath" FROM access.principals
   WHERE agency_id = ANY($1) ORDER BY agency_id, member_id`, [agencyIds]) as Promise<AgencyPath[]>;

export type ConflictSubject = Pick<ContributionView, 'authorId' | 'authorAgencyId' | 'authorAgencyPath'>;

/** What the rule needs to know beyond the viewer and the contribution, as the kernel's principals say it now. */
export interface ConflictPaths {
  /** The reviewer's agency with its parents (empty when the kernel has no principal for them). */
  reviewer: string[];
  /** The agency the author is in now with its parents (empty when unknown). */
  author: string[];
  /** The path of the agency the author wrote in, for older contributions that kept no path of their own. */
  authorAgency: string[];
}

export const OWN_CONTRIBUTION = 'Nobody reviews their own contribution.';
export const OWN_ORGANISATION = 'A contribution is reviewed by someone outside the author\'s organisation.';

/**
 * A reviewer decides nothing they wrote, nor anything written within their own organisation: an agency together with
 * the agencies it is part of (a Europol unit and Europol are one organisation). The author's side is their agency when
 * they wrote it with its parents (kept on the contribution; for older ones, the kernel's path of that agency) and the
 * agency they are in now with its parents. Returns why the viewer may not review the contribution, or null.
 */
export function reviewConflict(viewer: Pick<Viewer, 'memberId' | 'agencyId'>, c: ConflictSubject, paths: ConflictPaths): string | null {
  if (c.authorId === viewer.memberId) return OWN_CONTRIBUTION;
  const reviewerOrganisation = new Set([viewer.agencyId, ...paths.reviewer]);
  const written = c.authorAgencyPath.length > 0 ? c.authorAgencyPath : paths.authorAgency;
  const authorOrganisation = [c.authorAgencyId, ...written, ...paths.author];
  return authorOrganisation.some((a) => reviewerOrganisation.has(a)) ? OWN_ORGANISATION : null;
}

/** The paths of `reviewConflict` for one viewer and contribution, given readers of members' and agencies' paths. */
export async function conflictPaths(
  viewer: Pick<Viewer, 'memberId'>, c: ConflictSubject,
  memberPath: (id: string) => Promise<string[]>, agencyPath: (id: string) => Promise<string[]>,
): Promise<ConflictPaths> {
  const [reviewer, author, authorAgency] = await Promise.all([
    viewer.memberId ? memberPath(viewer.memberId) : [], memberPath(c.authorId),
    c.authorAgencyPath.length > 0 ? [] : agencyPath(c.authorAgencyId),
  ]);
  return { reviewer, author, authorAgency };
}

/** Throws FORBIDDEN, naming the reason, when the viewer may not review the contribution; reads the paths within `tx`. */
export async function assertNoConflictOfInterest(tx: EntityManager, viewer: Viewer, c: ConflictSubject) {
  const query: Query = (sql, params) => tx.query(sql, params);
  const paths = await conflictPaths(viewer, c,
    async (id) => (await readMemberPaths(query, [id]))[0]?.agencyPath ?? [],
    async (id) => (await readAgencyPaths(query, [id]))[0]?.agencyPath ?? []);
  const conflict = reviewConflict(viewer, c, paths);
  if (conflict) throw forbidden(conflict);
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
  await recordDecision(tx, { id, kind: change.kind, targetFrameworkId: subject.framework.id, authorId: viewer.memberId! }, {
    status: 'ACCEPTED', reviewer: viewer.memberId, reason: 'Written directly by a reviewer, without a separate review.', resulting,
  });
  return resulting;
}
