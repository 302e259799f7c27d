import type { Visibility } from '../../lib/access.ts';
import type { RecommendationStatus } from './resolvers/types.generated.ts';

// The rows of the tables as the subgraph reads them (the migrations create the tables).

export interface WorkshopRow {
  id: string;
  title: string;
  series: string | null;
  theme: string;
  cityCode: string;
  startsOn: string;
  endsOn: string;
  organiserId: string;
  topics: string[];
  participantCount: number;
  participantOrgKinds: string[];
  summary: string;
  language: string;
  reportStatus: string;
  visibility: string;
  restrictedTo: string[];
  createdBy: string | null;
  createdAt: Date;
}

export interface SwotItemRow {
  id: string;
  workshopId: string;
  topic: string;
  quadrant: string;
  statement: string;
  evidence: string | null;
  jurisdictions: string[];
  position: number;
  /** Its counted votes, kept by a trigger on swot_votes (votes still pending are not in it). */
  weight: number;
  createdBy: string | null;
  createdAt: Date;
}

export interface SwotVoteRow {
  swotItemId: string;
  memberId: string;
  votedAt: Date;
  /** Added to its item's kept weight. */
  counted: boolean;
}

export interface KeyMessageRow {
  id: string;
  workshopId: string;
  text: string;
  attribution: string | null;
  position: number;
  createdAt: Date;
}

export interface RecommendationRow {
  id: string;
  workshopId: string;
  statement: string;
  rationale: string;
  addressees: string[];
  topics: string[];
  priority: string;
  status: string;
  position: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RecommendationStatusChangeRow {
  id: string;
  recommendationId: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string;
  changedBy: string | null;
  changedAt: Date;
}

export interface RecommendationLinkRow {
  recommendationId: string;
  targetType: string;
  targetId: string;
  linkedBy: string | null;
  linkedAt: Date;
}

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
