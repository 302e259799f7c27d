import { EntitySchema } from 'typeorm';

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

const createdAt = { type: 'timestamptz', name: 'created_at' } as const;

export const WorkshopEntity = new EntitySchema<WorkshopRow>({
  name: 'Workshop',
  tableName: 'workshops',
  columns: {
    id: { type: 'text', primary: true },
    title: { type: 'text' },
    series: { type: 'text', nullable: true },
    theme: { type: 'text' },
    cityCode: { type: 'text', name: 'city_code' },
    startsOn: { type: 'date', name: 'starts_on' },
    endsOn: { type: 'date', name: 'ends_on' },
    organiserId: { type: 'text', name: 'organiser_id' },
    topics: { type: 'text', array: true },
    participantCount: { type: 'int', name: 'participant_count' },
    participantOrgKinds: { type: 'text', array: true, name: 'participant_org_kinds' },
    summary: { type: 'text' },
    language: { type: 'text', default: 'en' },
    reportStatus: { type: 'text', name: 'report_status' },
    visibility: { type: 'text' },
    restrictedTo: { type: 'text', array: true, name: 'restricted_to' },
    createdBy: { type: 'text', name: 'created_by', nullable: true },
    createdAt,
  },
});

export const SwotItemEntity = new EntitySchema<SwotItemRow>({
  name: 'SwotItem',
  tableName: 'swot_items',
  columns: {
    id: { type: 'text', primary: true },
    workshopId: { type: 'text', name: 'workshop_id' },
    topic: { type: 'text' },
    quadrant: { type: 'text' },
    statement: { type: 'text' },
    evidence: { type: 'text', nullable: true },
    jurisdictions: { type: 'text', array: true },
    position: { type: 'int' },
    weight: { type: 'int' },
    createdBy: { type: 'text', name: 'created_by', nullable: true },
    createdAt,
  },
});

export const SwotVoteEntity = new EntitySchema<SwotVoteRow>({
  name: 'SwotVote',
  tableName: 'swot_votes',
  columns: {
    swotItemId: { type: 'text', primary: true, name: 'swot_item_id' },
    memberId: { type: 'text', primary: true, name: 'member_id' },
    votedAt: { type: 'timestamptz', name: 'voted_at' },
    counted: { type: 'boolean' },
  },
});

export const KeyMessageEntity = new EntitySchema<KeyMessageRow>({
  name: 'KeyMessage',
  tableName: 'key_messages',
  columns: {
    id: { type: 'text', primary: true },
    workshopId: { type: 'text', name: 'workshop_id' },
    text: { type: 'text' },
    attribution: { type: 'text', nullable: true },
    position: { type: 'int' },
    createdAt,
  },
});

export const RecommendationEntity = new EntitySchema<RecommendationRow>({
  name: 'Recommendation',
  tableName: 'recommendations',
  columns: {
    id: { type: 'text', primary: true },
    workshopId: { type: 'text', name: 'workshop_id' },
    statement: { type: 'text' },
    rationale: { type: 'text' },
    addressees: { type: 'text', array: true },
    topics: { type: 'text', array: true },
    priority: { type: 'text' },
    status: { type: 'text' },
    position: { type: 'int' },
    createdBy: { type: 'text', name: 'created_by', nullable: true },
    createdAt,
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export const RecommendationStatusChangeEntity = new EntitySchema<RecommendationStatusChangeRow>({
  name: 'RecommendationStatusChange',
  tableName: 'recommendation_status_changes',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    recommendationId: { type: 'text', name: 'recommendation_id' },
    fromStatus: { type: 'text', name: 'from_status', nullable: true },
    toStatus: { type: 'text', name: 'to_status' },
    reason: { type: 'text' },
    changedBy: { type: 'text', name: 'changed_by', nullable: true },
    changedAt: { type: 'timestamptz', name: 'changed_at' },
  },
});

export const RecommendationLinkEntity = new EntitySchema<RecommendationLinkRow>({
  name: 'RecommendationLink',
  tableName: 'recommendation_links',
  columns: {
    recommendationId: { type: 'text', primary: true, name: 'recommendation_id' },
    targetType: { type: 'text', primary: true, name: 'target_type' },
    targetId: { type: 'text', primary: true, name: 'target_id' },
    linkedBy: { type: 'text', name: 'linked_by', nullable: true },
    linkedAt: { type: 'timestamptz', name: 'linked_at' },
  },
});

export const workshopsEntities = [
  WorkshopEntity, SwotItemEntity, SwotVoteEntity, KeyMessageEntity, RecommendationEntity, RecommendationStatusChangeEntity,
  RecommendationLinkEntity,
];
