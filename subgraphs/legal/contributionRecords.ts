import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { VISIBILITIES } from '../../lib/access.ts';
import type { Guarded, Viewer, Visibility } from '../../lib/access.ts';
import { badInput } from '../../lib/errors.ts';
import { emitLegalEvents } from './writes.ts';
import type { ContributionView } from './views.ts';
import { nestRestrictions } from './restrictions.ts';

export type ContributionKind = 'COMMENT' | 'AMENDMENT' | 'NEW_PROVISION' | 'INTERPRETATION_NOTE';

const stricter = (a: Visibility, b: Visibility) => (VISIBILITIES.indexOf(a) >= VISIBILITIES.indexOf(b) ? a : b);

// Contributions are for signed-in members; interpretation notes stay with law enforcement unless the author asks for stricter.
const DEFAULT_VISIBILITY: Record<ContributionKind, Visibility> = { COMMENT: 'MEMBERS', AMENDMENT: 'MEMBERS', NEW_PROVISION: 'MEMBERS', INTERPRETATION_NOTE: 'LEA' };

/**
 * What a contribution is about: its framework, and the provision it amends or comments on (id null for a provision it
 * brings in, whose guard still bounds the contribution's). Both guards are those the caller has just locked.
 */
export interface ContributionSubject {
  framework: Guarded & { id: string; visibility: Visibility; restrictedTo: string[] };
  provision: (Guarded & { id: string | null; visibility: Visibility; restrictedTo: string[] }) | null;
}

export interface NewContribution {
  kind: ContributionKind;
  proposedReference?: string | null;
  proposedHeading?: string | null;
  proposedText: string;
  rationale: string;
  /** Stricter than the floor its subject sets, if the author asks; the floor otherwise. */
  visibility?: Visibility | null;
}

/**
 * Writes a SUBMITTED contribution by the viewer: no laxer than its framework and provision, open only to the
 * jurisdictions both restrictions leave open, and with the author's organisation as it is now. Returns its id; the
 * caller emits the event that says how it came to be (submitted, or accepted at once).
 */
export async function insertContribution(tx: EntityManager, viewer: Viewer, subject: ContributionSubject, c: NewContribution): Promise<string> {
  let floor = stricter(DEFAULT_VISIBILITY[c.kind], subject.framework.visibility);
  if (subject.provision) floor = stricter(floor, subject.provision.visibility);
  if (c.visibility && stricter(c.visibility, floor) !== c.visibility) throw badInput(`visibility must be ${floor} or stricter for this contribution.`);
  const restricted = nestRestrictions(subject.framework.restrictedTo, subject.provision?.restrictedTo ?? []);
  if (!restricted) throw badInput('The provision\'s restriction and its framework\'s exclude each other: nobody could read it.');
  const id = `contrib-${randomUUID()}`;
  await tx.query(
    `INSERT INTO legal.contributions (id, author_id, author_agency_id, author_agency_path, kind, target_framework_id, target_provision_id,
       proposed_reference, proposed_heading, proposed_text, rationale, status, visibility, restricted_to)
     VALUES ($1, $2, $3, coalesce((SELECT agency_path FROM access.principals WHERE member_id = $2), ARRAY[$3]), $4, $5, $6, $7, $8, $9, $10,
       'SUBMITTED', $11, $12)`,
    [id, viewer.memberId, viewer.agencyId, c.kind, subject.framework.id, subject.provision?.id ?? null, c.proposedReference ?? null,
      c.proposedHeading ?? null, c.proposedText, c.rationale, c.visibility ?? floor, restricted]);
  return id;
}

export const contributionEvent = (c: Pick<ContributionView, 'id' | 'kind' | 'targetFrameworkId'>, event: string, payload: Record<string, unknown> = {}) => ({
  entityType: 'Contribution', entityId: c.id, event, payload: { kind: c.kind, frameworkId: c.targetFrameworkId, ...payload },
});

/** Records a reviewer's decision on a contribution and, for an accepted change, the provision version it became. */
export async function recordDecision(
  tx: EntityManager, c: Pick<ContributionView, 'id' | 'kind' | 'targetFrameworkId' | 'authorId'>, decision: { status: 'ACCEPTED' | 'REJECTED'; reviewer: string | null;
    reason: string | null; resulting: { id: string; version: number } | null },
): Promise<void> {
  await tx.query(
    `UPDATE legal.contributions SET status = $2, reviewer_id = $3, decision_reason = $4, review_started_at = coalesce(review_started_at, now()),
       decided_at = now(), resulting_provision_id = $5, resulting_version = $6 WHERE id = $1`,
    [c.id, decision.status, decision.reviewer, decision.reason, decision.resulting?.id ?? null, decision.resulting?.version ?? null]);
  await emitLegalEvents(tx, [contributionEvent(c, `contribution.${decision.status.toLowerCase()}`,
    { reviewer: decision.reviewer, resulting: decision.resulting, author: c.authorId })]);
}
