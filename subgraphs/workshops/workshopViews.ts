import type { Visibility } from '../../lib/access.ts';
import type { KeyMessageRow, RecommendationRow, SwotItemRow, WorkshopRow } from './entities.ts';
import type { RecommendationStatus } from './resolvers/types.generated.ts';

export type WorkshopView = Omit<WorkshopRow, 'visibility' | 'createdBy' | 'createdAt'> & { visibility: Visibility };

/** The guard an item shares with its workshop (for the audit of consultations). */
type WorkshopGuard = Pick<WorkshopView, 'visibility' | 'restrictedTo'>;

/** An item with its weight: the number of members who voted for it. */
export type SwotItemView = Omit<SwotItemRow, 'position' | 'createdBy' | 'createdAt'> & WorkshopGuard;

export type KeyMessageView = Omit<KeyMessageRow, 'position' | 'createdAt'>;

export type RecommendationView = Omit<RecommendationRow, 'position' | 'createdBy' | 'createdAt' | 'updatedAt'> & WorkshopGuard
  & Pick<WorkshopView, 'organiserId'>;

/** The linked targets' owners' answer: which of the ids this viewer may see (set by the gateway from @requires). */
export interface VisibleTargets {
  visibleProcedureLinkIds?: string[];
  visibleLegalFrameworkLinkIds?: string[];
  visibleCurriculumLinkIds?: string[];
}

/** A recommendation as its fields see it: one resolved through _entities also carries what implementedBy requires. */
export type RecommendationEntity = RecommendationView & VisibleTargets;

export interface StatusChangeView {
  recommendationId: string;
  from: RecommendationStatus | null;
  to: RecommendationStatus;
  reason: string;
  changedBy: string | null;
  changedAt: Date;
}

export interface LinkView {
  recommendationId: string;
  type: 'PROCEDURE' | 'LEGAL_FRAMEWORK' | 'CURRICULUM';
  targetId: string;
  linkedAt: Date;
}

export const WORKSHOP_COLUMNS = `w.id, w.title, w.series, w.theme, w.city_code AS "cityCode", w.starts_on AS "startsOn",
  w.ends_on AS "endsOn", w.organiser_id AS "organiserId", w.topics, w.participant_count AS "participantCount",
  w.participant_org_kinds AS "participantOrgKinds", w.summary, w.language, w.report_status AS "reportStatus", w.visibility,
  w.restricted_to AS "restrictedTo"`;

/** An item's weight: its counted votes (kept on the item) and those still pending (few, indexed). */
export const itemWeightSql = (item: string) =>
  `${item}.weight + (SELECT count(*)::int FROM workshops.swot_votes pv WHERE pv.swot_item_id = ${item}.id AND NOT pv.counted)`;

// Items and recommendations carry their workshop `w`'s guard, which they share.
export const SWOT_ITEM_COLUMNS = `s.id, s.workshop_id AS "workshopId", s.topic, s.quadrant, s.statement, s.evidence, s.jurisdictions,
  ${itemWeightSql('s')} AS weight, w.visibility, w.restricted_to AS "restrictedTo"`;

export const RECOMMENDATION_COLUMNS = `r.id, r.workshop_id AS "workshopId", r.statement, r.rationale, r.addressees, r.topics,
  r.priority, r.status, w.visibility, w.restricted_to AS "restrictedTo", w.organiser_id AS "organiserId"`;

/** The transitions setRecommendationStatus allows; IMPLEMENTED is final. */
export const RECOMMENDATION_TRANSITIONS: Record<string, readonly string[]> = {
  PROPOSED: ['ENDORSED', 'REJECTED'],
  ENDORSED: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['IMPLEMENTED', 'ENDORSED'],
  REJECTED: ['PROPOSED'],
  IMPLEMENTED: [],
};
