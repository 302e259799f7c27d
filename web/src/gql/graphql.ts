/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Addressee =
  | 'LEAS'
  | 'POLICYMAKERS'
  | 'PLATFORMS'
  | 'TRAINERS'
  | 'LOCAL_AUTHORITIES'
  | 'ACADEMIA';

export type AgencyKind =
  | 'NATIONAL_POLICE'
  | 'FEDERAL_POLICE'
  | 'CRIMINAL_POLICE'
  | 'GENDARMERIE'
  | 'REGIONAL_POLICE'
  | 'LOCAL_POLICE'
  | 'TRAINING_ACADEMY'
  | 'EU_AGENCY'
  | 'EU_UNIT'
  | 'PLATFORM_PARTNER'
  | 'ACADEMIA'
  | 'PUBLIC_AUTHORITY';

export type AssignCurriculumInput = {
  curriculumId: string | number;
  /** Give memberIds or agencyId, not both. */
  memberIds?: Array<string | number> | null | undefined;
  /**
   * Unit-wide: every active member of the agency within the trainer's scope and in the curriculum's audience. An agency
   * without such members (unknown, or outside the trainer's scope) is NOT_FOUND, the same answer either way.
   */
  agencyId?: string | number | null | undefined;
  dueOn: string;
  /** Allows giving a MANAGER curriculum to practitioners. */
  allowTierMismatch?: boolean | null | undefined;
};

/** OVERDUE is derived: an assignment not completed whose due date has passed. */
export type AssignmentStatus =
  | 'ASSIGNED'
  | 'IN_PROGRESS'
  | 'COMPLETED'
  | 'OVERDUE'
  | 'CANCELLED';

/** Who a curriculum is written for. */
export type Audience =
  | 'MANAGER'
  | 'PRACTITIONER'
  | 'ALL';

export type AuditDecision =
  | 'ALLOWED'
  | 'DENIED';

export type AuditFilter = {
  /** Entries of this member. */
  member?: string | number | null | undefined;
  /** Entries naming this entity id. */
  entity?: string | number | null | undefined;
  /** Entries about this type, e.g. Procedure. */
  entityType?: string | null | undefined;
  kind?: AuditKind | null | undefined;
  decision?: AuditDecision | null | undefined;
  /** At or after this instant: ISO 8601 date or date-time (UTC unless it carries an offset). */
  from?: string | null | undefined;
  /** Before this instant (exclusive), written like `from`. */
  to?: string | null | undefined;
};

/** What an audit entry records. */
export type AuditKind =
  /** A mutation, whatever its outcome. */
  | 'MUTATION'
  /** Reading non-PUBLIC items (or the audit log itself). */
  | 'CONSULTATION'
  /** A read refused with FORBIDDEN or UNAUTHENTICATED. */
  | 'DENIAL'
  /** Data exported, e.g. a comparison matrix as CSV. */
  | 'EXPORT';

export type AuditOperationType =
  | 'QUERY'
  | 'MUTATION';

export type ContributionDecision =
  | 'ACCEPT'
  | 'REJECT';

export type ContributionFilter = {
  status?: ContributionStatus | null | undefined;
  /** A framework or provision id. */
  target?: string | number | null | undefined;
  /** Only the caller's own contributions. */
  mine?: boolean | null | undefined;
};

export type ContributionKind =
  | 'COMMENT'
  | 'AMENDMENT'
  | 'NEW_PROVISION'
  | 'INTERPRETATION_NOTE';

export type ContributionStatus =
  | 'SUBMITTED'
  | 'UNDER_REVIEW'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'WITHDRAWN';

export type CreateProcedureInput = {
  topic: Topic;
  title: string;
  summary: string;
  body: string;
  tags?: Array<string> | null | undefined;
  language: string;
  visibility: Visibility;
  restrictedTo?: Array<string | number> | null | undefined;
  steps?: Array<StepInput> | null | undefined;
  legalBasis?: Array<string | number> | null | undefined;
  dimensionValues?: Array<DimensionValueInput> | null | undefined;
  operationalNotes?: string | null | undefined;
  resourcing?: ResourcingInput | null | undefined;
};

export type DimensionValueInput = {
  key: string;
  value?: unknown;
};

export type DimensionValueType =
  | 'BOOLEAN'
  | 'INTEGER'
  | 'DECIMAL'
  | 'TEXT'
  | 'ENUM'
  | 'LIST';

/** How a member is told by e-mail. */
export type EmailDelivery =
  /** One e-mail per notification, as it is made. */
  | 'IMMEDIATE'
  /** One e-mail a day listing the day's notifications (none when there are none). */
  | 'DAILY_DIGEST'
  /** No e-mail; notifications stay in the console. */
  | 'OFF';

export type FollowInput = {
  targetType: FollowTargetType;
  /** The item's id; not for JURISDICTION_TOPIC. */
  id?: string | number | null | undefined;
  /** For JURISDICTION_TOPIC: a jurisdiction code, e.g. DE. */
  jurisdiction?: string | null | undefined;
  /** For JURISDICTION_TOPIC. */
  topic?: Topic | null | undefined;
};

/** What a member can follow. */
export type FollowTargetType =
  | 'PROCEDURE'
  | 'LEGAL_FRAMEWORK'
  | 'CURRICULUM'
  | 'WORKSHOP'
  /** Procedures of one jurisdiction on one topic (jurisdiction and topic, no id). */
  | 'JURISDICTION_TOPIC';

/** Level of a jurisdiction: the Union, a state, a region or a city. */
export type JurisdictionLevel =
  | 'SUPRANATIONAL'
  | 'NATIONAL'
  | 'REGIONAL'
  | 'LOCAL';

export type LegalFrameworkFilter = {
  jurisdictions?: Array<string | number> | null | undefined;
  topics?: Array<LegalTopic> | null | undefined;
  kind?: LegalFrameworkKind | null | undefined;
  /** Only frameworks in force on this date. */
  inForceAt?: string | null | undefined;
};

export type LegalFrameworkKind =
  | 'REGULATION'
  | 'DIRECTIVE'
  | 'STATUTE'
  | 'DECREE'
  | 'GUIDELINE'
  | 'CASE_LAW';

/** What a legal text is about. */
export type LegalTopic =
  | 'DATA_PROTECTION'
  | 'PRIVACY'
  | 'JURISDICTION'
  | 'CYBERCRIME'
  | 'HATE_SPEECH'
  | 'ELECTRONIC_EVIDENCE'
  | 'PLATFORM_DUTIES'
  | 'TERRORIST_CONTENT'
  | 'LAW_ENFORCEMENT_COOPERATION';

export type ModuleKind =
  | 'ELEARNING'
  | 'CLASSROOM'
  | 'EXERCISE'
  | 'WEBINAR';

export type NotificationKind =
  /** A followed procedure was published in a new version. */
  | 'PROCEDURE_PUBLISHED'
  /** A followed procedure cites a provision amended since: it needs a review. */
  | 'PROCEDURE_NEEDS_REVIEW'
  /** A followed procedure was withdrawn. */
  | 'PROCEDURE_WITHDRAWN'
  /** A provision of a followed legal framework was amended. */
  | 'PROVISION_AMENDED'
  /** A procedure came into force in a followed jurisdiction and topic. */
  | 'PROCEDURE_IN_FORCE'
  /** A new item matches a saved search. */
  | 'SAVED_SEARCH_MATCH'
  /** A curriculum was assigned to the member. */
  | 'ASSIGNMENT_MADE'
  /** An assignment of the member falls due within 7 days. */
  | 'ASSIGNMENT_DUE_SOON'
  /** An assignment of the member is overdue. */
  | 'ASSIGNMENT_OVERDUE'
  /** A completed curriculum needs a refresher (a procedure it teaches changed). */
  | 'ASSIGNMENT_NEEDS_REFRESH'
  /** A reviewer decided on the member's contribution. */
  | 'CONTRIBUTION_DECIDED'
  /** The status of a recommendation of a followed workshop changed. */
  | 'RECOMMENDATION_STATUS_CHANGED'
  /** A followed curriculum changed. */
  | 'CURRICULUM_UPDATED';

export type NotificationPreferencesInput = {
  email: EmailDelivery;
};

/** What kind of organisation an agency is, for access decisions. */
export type OrgKind =
  | 'LEA'
  | 'PARTNER'
  | 'ACADEMIA'
  | 'PUBLIC_AUTHORITY';

export type ProcedureStatus =
  | 'DRAFT'
  | 'IN_FORCE'
  | 'SUPERSEDED'
  | 'WITHDRAWN';

export type RecommendationLinkType =
  | 'PROCEDURE'
  | 'LEGAL_FRAMEWORK'
  | 'CURRICULUM';

export type RecommendationPriority =
  | 'HIGH'
  | 'MEDIUM'
  | 'LOW';

/**
 * PROPOSED -> ENDORSED | REJECTED; ENDORSED -> IN_PROGRESS | REJECTED; IN_PROGRESS -> IMPLEMENTED | ENDORSED (paused);
 * REJECTED -> PROPOSED (reconsidered). IMPLEMENTED is final.
 */
export type RecommendationStatus =
  | 'PROPOSED'
  | 'ENDORSED'
  | 'IN_PROGRESS'
  | 'IMPLEMENTED'
  | 'REJECTED';

export type ResourcingInput = {
  staff?: number | null | undefined;
  budgetEur?: number | null | undefined;
  tooling?: Array<string> | null | undefined;
};

export type ReviewStatus =
  | 'CURRENT'
  | 'NEEDS_REVIEW';

export type Role =
  | 'EDITOR'
  | 'TRAINER'
  | 'REVIEWER'
  | 'ADMIN'
  | 'AUDITOR';

/** Which items a saved search watches. */
export type SavedSearchType =
  | 'PROCEDURE'
  | 'LEGAL_FRAMEWORK'
  | 'LEGAL_PROVISION'
  | 'CURRICULUM'
  | 'WORKSHOP'
  | 'SWOT_ITEM'
  | 'RECOMMENDATION';

export type SaveSearchInput = {
  name: string;
  query: string;
  types?: Array<SavedSearchType> | null | undefined;
  jurisdictions?: Array<string> | null | undefined;
  topics?: Array<Topic> | null | undefined;
};

export type SearchFacetField =
  | 'TYPE'
  | 'JURISDICTION'
  | 'TOPIC';

export type SearchFilter = {
  types?: Array<SearchType> | null | undefined;
  /** Jurisdiction codes the items belong to (exact codes, e.g. ES-CT). */
  jurisdictions?: Array<string> | null | undefined;
  topics?: Array<Topic> | null | undefined;
  /** ISO 639-1 language codes, e.g. en, es. */
  languages?: Array<string> | null | undefined;
};

export type SearchSort =
  | 'RELEVANCE'
  | 'NEWEST';

export type SearchType =
  | 'PROCEDURE'
  | 'LEGAL_FRAMEWORK'
  | 'LEGAL_PROVISION'
  | 'CURRICULUM'
  | 'WORKSHOP'
  | 'SWOT_ITEM'
  | 'RECOMMENDATION';

export type SectionChange =
  | 'ADDED'
  | 'REMOVED'
  | 'CHANGED'
  | 'UNCHANGED';

export type StepInput = {
  action: string;
  responsibleRole: string;
  safeguards?: Array<string> | null | undefined;
};

export type SubmitContributionInput = {
  kind: ContributionKind;
  /** The framework (or, for AMENDMENT, COMMENT and INTERPRETATION_NOTE, the provision) it is about. */
  target: string | number;
  proposedReference?: string | null | undefined;
  proposedHeading?: string | null | undefined;
  proposedText: string;
  rationale: string;
  /** Stricter than the default (the target's visibility; LEA for interpretation notes), never looser. */
  visibility?: Visibility | null | undefined;
};

export type SwotQuadrant =
  | 'STRENGTH'
  | 'WEAKNESS'
  | 'OPPORTUNITY'
  | 'THREAT';

export type TextChangeKind =
  | 'ADDED'
  | 'REMOVED'
  | 'UNCHANGED';

export type Tier =
  | 'PRACTITIONER'
  | 'MANAGER';

/** The three uses of social media by law enforcement. */
export type Topic =
  | 'COMMUNICATION'
  | 'MONITORING'
  | 'INVESTIGATION';

export type TranspositionStatus =
  /** At least one transposing act is recorded. */
  | 'TRANSPOSED'
  /** No transposing act is recorded (or none the viewer may see). */
  | 'MISSING';

export type UpdateMemberInput = {
  displayName?: string | null | undefined;
  email?: string | null | undefined;
  agency?: string | number | null | undefined;
  tier?: Tier | null | undefined;
  roles?: Array<Role> | null | undefined;
  active?: boolean | null | undefined;
};

export type UpdateProcedureInput = {
  title?: string | null | undefined;
  summary?: string | null | undefined;
  body?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  language?: string | null | undefined;
  visibility?: Visibility | null | undefined;
  restrictedTo?: Array<string | number> | null | undefined;
  steps?: Array<StepInput> | null | undefined;
  legalBasis?: Array<string | number> | null | undefined;
  operationalNotes?: string | null | undefined;
  resourcing?: ResourcingInput | null | undefined;
  changeNote?: string | null | undefined;
};

export type Visibility =
  | 'PUBLIC'
  | 'MEMBERS'
  | 'LEA'
  | 'MANAGEMENT';

export type WorkshopReportStatus =
  | 'PLANNED'
  | 'DRAFT'
  | 'PUBLISHED';

export type AdminAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminAgenciesQuery = { agencies: Array<{ id: string, name: string, acronym: string | null, orgKind: OrgKind, jurisdiction: { code: string, name: string } }> };

export type AdminAgencyMembersQueryVariables = Exact<{
  id: string | number;
}>;


export type AdminAgencyMembersQuery = { agency: { id: string, name: string, orgKind: OrgKind, members: Array<{ id: string, displayName: string, tier: Tier | null, roles: Array<Role>, active: boolean, agency: { id: string, name: string } }> } | null };

export type AdminUpdateMemberMutationVariables = Exact<{
  id: string | number;
  input: UpdateMemberInput;
}>;


export type AdminUpdateMemberMutation = { updateMember: { id: string, displayName: string, tier: Tier | null, roles: Array<Role>, active: boolean, agency: { id: string, name: string } } };

export type AuditRowFragment = { id: string, seq: string, at: string, requestId: string | null, memberId: string | null, agencyId: string | null, tier: string | null, roles: Array<string>, operationName: string | null, operationType: AuditOperationType, kind: AuditKind, entityType: string | null, entityIds: Array<string>, field: string | null, decision: AuditDecision, errorCode: string | null, justification: string | null, clientAddress: string | null, subgraph: string, prevHash: string, hash: string, member: { id: string, displayName: string } | null };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, nodes: Array<{ id: string, seq: string, at: string, requestId: string | null, memberId: string | null, agencyId: string | null, tier: string | null, roles: Array<string>, operationName: string | null, operationType: AuditOperationType, kind: AuditKind, entityType: string | null, entityIds: Array<string>, field: string | null, decision: AuditDecision, errorCode: string | null, justification: string | null, clientAddress: string | null, subgraph: string, prevHash: string, hash: string, member: { id: string, displayName: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainQuery = { auditChain: { intact: boolean, rowsChecked: string, checkedAt: string, anchors: number, checkpointProblem: string | null, head: { seq: string, hash: string } | null, firstBreak: { seq: string, entryId: string | null, at: string | null, problem: string } | null, latestCheckpoint: { seq: string, hash: string, at: string, verified: boolean } | null } };

export type AuditMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditMembersQuery = { agencies: Array<{ id: string, name: string, members: Array<{ id: string, displayName: string }> }> };

export type CompareJurisdictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CompareJurisdictionsQuery = { jurisdictions: Array<{ code: string, name: string, level: JurisdictionLevel, euMember: boolean, parent: { code: string, name: string } | null }> };

export type CompareDimensionsQueryVariables = Exact<{
  topic: Topic;
}>;


export type CompareDimensionsQuery = { comparisonDimensions: Array<{ key: string, label: string, unit: string | null }> };

export type CompareProceduresQueryVariables = Exact<{
  topic: Topic;
  jurisdictions: Array<string | number> | string | number;
  dimensions?: Array<string> | string | null | undefined;
  at?: string | null | undefined;
}>;


export type CompareProceduresQuery = { compareProcedures: { topic: Topic, at: string, divergentCount: number, csv: string, jurisdictions: Array<{ code: string, name: string }>, missing: Array<{ code: string, name: string }>, rows: Array<{ divergent: boolean, dimension: { key: string, label: string, unit: string | null }, cells: Array<{ jurisdiction: { code: string }, value: { display: string } | null, procedure: { id: string, version: number, title: string } | null }> }> } };

export type HomeRecentVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeRecentVersionsQuery = { procedures: { totalCount: number, nodes: Array<{ id: string, version: number, topic: Topic, jurisdiction: { code: string, name: string }, history: Array<{ version: number, status: ProcedureStatus, title: string, publishedAt: string | null, changeNote: string | null }> }> } };

export type HomeNeedsReviewQueryVariables = Exact<{
  jurisdictions: Array<string | number> | string | number;
}>;


export type HomeNeedsReviewQuery = { procedures: { nodes: Array<{ id: string, version: number, title: string, topic: Topic, reviewStatus: ReviewStatus, lastVerifiedAt: string | null, jurisdiction: { code: string, name: string } }> } };

export type HomeMyAssignmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeMyAssignmentsQuery = { myAssignments: Array<{ id: string, dueOn: string, status: AssignmentStatus, overdue: boolean, needsRefresh: boolean, refreshDueOn: string | null, curriculum: { id: string, title: string } | null }> };

export type LegalFrameworkCardFragment = { id: string, title: string, shortTitle: string, kind: LegalFrameworkKind, celex: string | null, eli: string | null, inForceFrom: string | null, repealedOn: string | null, languages: Array<string>, topics: Array<LegalTopic>, visibility: Visibility, illustrative: boolean, jurisdiction: { code: string, name: string } };

export type LegalFrameworksQueryVariables = Exact<{
  filter?: LegalFrameworkFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type LegalFrameworksQuery = { legalFrameworks: { totalCount: number, nodes: Array<{ id: string, title: string, shortTitle: string, kind: LegalFrameworkKind, celex: string | null, eli: string | null, inForceFrom: string | null, repealedOn: string | null, languages: Array<string>, topics: Array<LegalTopic>, visibility: Visibility, illustrative: boolean, jurisdiction: { code: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LegalJurisdictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type LegalJurisdictionsQuery = { jurisdictions: Array<{ code: string, name: string, level: JurisdictionLevel, euMember: boolean, parent: { code: string, name: string } | null }> };

export type LegalFrameworkPageQueryVariables = Exact<{
  id: string | number;
  at?: string | null | undefined;
}>;


export type LegalFrameworkPageQuery = { legalFramework: { identifier: string | null, adoptedOn: string | null, summary: string, restrictedTo: Array<string>, id: string, title: string, shortTitle: string, kind: LegalFrameworkKind, celex: string | null, eli: string | null, inForceFrom: string | null, repealedOn: string | null, languages: Array<string>, topics: Array<LegalTopic>, visibility: Visibility, illustrative: boolean, transposes: { id: string, shortTitle: string, title: string, jurisdiction: { code: string, name: string } } | null, transposedBy: Array<{ id: string, shortTitle: string, jurisdiction: { code: string, name: string } }>, provisions: Array<{ id: string, reference: string, heading: string, text: string, version: number, validFrom: string, visibility: Visibility, changeNote: string | null, history: Array<{ version: number, heading: string, validFrom: string, validUntil: string | null, changeNote: string | null, createdAt: string, proposedBy: { id: string, displayName: string } | null, contribution: { id: string } | null }> }>, jurisdiction: { code: string, name: string } } | null };

export type LegalProvisionDiffQueryVariables = Exact<{
  id: string | number;
  from: number;
  to: number;
}>;


export type LegalProvisionDiffQuery = { legalProvision: { id: string, diff: { headingChanged: boolean, changedCount: number, from: { version: number, heading: string }, to: { version: number, heading: string }, changes: Array<{ kind: TextChangeKind, text: string }> } } | null };

export type LegalProvisionForContributionQueryVariables = Exact<{
  id: string | number;
}>;


export type LegalProvisionForContributionQuery = { legalProvision: { id: string, reference: string, heading: string, text: string, version: number, visibility: Visibility, framework: { id: string, shortTitle: string, title: string, languages: Array<string>, jurisdiction: { code: string, name: string } } } | null };

export type LegalTranspositionQueryVariables = Exact<{
  directive: string | number;
}>;


export type LegalTranspositionQuery = { transposition: { transposedCount: number, missingCount: number, directive: { id: string, shortTitle: string, title: string, celex: string | null, eli: string | null }, rows: Array<{ status: TranspositionStatus, jurisdiction: { code: string, name: string }, acts: Array<{ id: string, shortTitle: string, languages: Array<string> }> }>, outsideUnion: Array<{ status: TranspositionStatus, jurisdiction: { code: string, name: string }, acts: Array<{ id: string, shortTitle: string, languages: Array<string> }> }> } };

export type LegalDirectivesQueryVariables = Exact<{ [key: string]: never; }>;


export type LegalDirectivesQuery = { legalFrameworks: { nodes: Array<{ id: string, shortTitle: string }> } };

export type LegalCompareQueryVariables = Exact<{
  topic: Topic;
  jurisdictions: Array<string | number> | string | number;
  at?: string | null | undefined;
}>;


export type LegalCompareQuery = { compareLegalPositions: { topic: Topic, at: string, divergentCount: number, csv: string, jurisdictions: Array<{ code: string, name: string }>, missing: Array<{ code: string, name: string }>, rows: Array<{ divergent: boolean, dimension: { key: string, label: string, unit: string | null }, cells: Array<{ jurisdiction: { code: string }, value: { display: string } | null, provision: { id: string, reference: string, framework: { id: string, shortTitle: string } } | null }> }> } };

export type ContributionRowFragment = { id: string, reviewConflict: string | null, kind: ContributionKind, status: ContributionStatus, proposedReference: string | null, proposedHeading: string | null, proposedText: string, rationale: string, visibility: Visibility, submittedAt: string, reviewStartedAt: string | null, decidedAt: string | null, withdrawnAt: string | null, decisionReason: string | null, authorAgencyId: string, resultingVersion: number | null, author: { id: string, displayName: string }, reviewer: { id: string, displayName: string } | null, framework: { id: string, shortTitle: string } | null, provision: { id: string, reference: string, heading: string, text: string, version: number } | null };

export type LegalContributionsQueryVariables = Exact<{
  filter?: ContributionFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type LegalContributionsQuery = { contributions: { totalCount: number, nodes: Array<{ id: string, reviewConflict: string | null, kind: ContributionKind, status: ContributionStatus, proposedReference: string | null, proposedHeading: string | null, proposedText: string, rationale: string, visibility: Visibility, submittedAt: string, reviewStartedAt: string | null, decidedAt: string | null, withdrawnAt: string | null, decisionReason: string | null, authorAgencyId: string, resultingVersion: number | null, author: { id: string, displayName: string }, reviewer: { id: string, displayName: string } | null, framework: { id: string, shortTitle: string } | null, provision: { id: string, reference: string, heading: string, text: string, version: number } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LegalSubmitContributionMutationVariables = Exact<{
  input: SubmitContributionInput;
}>;


export type LegalSubmitContributionMutation = { submitContribution: { id: string, reviewConflict: string | null, kind: ContributionKind, status: ContributionStatus, proposedReference: string | null, proposedHeading: string | null, proposedText: string, rationale: string, visibility: Visibility, submittedAt: string, reviewStartedAt: string | null, decidedAt: string | null, withdrawnAt: string | null, decisionReason: string | null, authorAgencyId: string, resultingVersion: number | null, author: { id: string, displayName: string }, reviewer: { id: string, displayName: string } | null, framework: { id: string, shortTitle: string } | null, provision: { id: string, reference: string, heading: string, text: string, version: number } | null } };

export type LegalWithdrawContributionMutationVariables = Exact<{
  id: string | number;
}>;


export type LegalWithdrawContributionMutation = { withdrawContribution: { id: string, reviewConflict: string | null, kind: ContributionKind, status: ContributionStatus, proposedReference: string | null, proposedHeading: string | null, proposedText: string, rationale: string, visibility: Visibility, submittedAt: string, reviewStartedAt: string | null, decidedAt: string | null, withdrawnAt: string | null, decisionReason: string | null, authorAgencyId: string, resultingVersion: number | null, author: { id: string, displayName: string }, reviewer: { id: string, displayName: string } | null, framework: { id: string, shortTitle: string } | null, provision: { id: string, reference: string, heading: string, text: string, version: number } | null } };

export type LegalStartReviewMutationVariables = Exact<{
  id: string | number;
}>;


export type LegalStartReviewMutation = { startReview: { id: string, reviewConflict: string | null, kind: ContributionKind, status: ContributionStatus, proposedReference: string | null, proposedHeading: string | null, proposedText: string, rationale: string, visibility: Visibility, submittedAt: string, reviewStartedAt: string | null, decidedAt: string | null, withdrawnAt: string | null, decisionReason: string | null, authorAgencyId: string, resultingVersion: number | null, author: { id: string, displayName: string }, reviewer: { id: string, displayName: string } | null, framework: { id: string, shortTitle: string } | null, provision: { id: string, reference: string, heading: string, text: string, version: number } | null } };

export type LegalDecideContributionMutationVariables = Exact<{
  id: string | number;
  decision: ContributionDecision;
  reason?: string | null | undefined;
}>;


export type LegalDecideContributionMutation = { decideContribution: { id: string, reviewConflict: string | null, kind: ContributionKind, status: ContributionStatus, proposedReference: string | null, proposedHeading: string | null, proposedText: string, rationale: string, visibility: Visibility, submittedAt: string, reviewStartedAt: string | null, decidedAt: string | null, withdrawnAt: string | null, decisionReason: string | null, authorAgencyId: string, resultingVersion: number | null, author: { id: string, displayName: string }, reviewer: { id: string, displayName: string } | null, framework: { id: string, shortTitle: string } | null, provision: { id: string, reference: string, heading: string, text: string, version: number } | null } };

type NotifiedItemLink_Procedure_Fragment = { __typename: 'Procedure', id: string, version: number };

type NotifiedItemLink_LegalFramework_Fragment = { __typename: 'LegalFramework', id: string };

type NotifiedItemLink_LegalProvision_Fragment = { __typename: 'LegalProvision', id: string };

type NotifiedItemLink_Curriculum_Fragment = { __typename: 'Curriculum', id: string };

type NotifiedItemLink_Workshop_Fragment = { __typename: 'Workshop', id: string };

type NotifiedItemLink_SwotItem_Fragment = { __typename: 'SwotItem', id: string, workshop: { id: string } };

type NotifiedItemLink_Recommendation_Fragment = { __typename: 'Recommendation', id: string };

export type NotifiedItemLinkFragment =
  | NotifiedItemLink_Procedure_Fragment
  | NotifiedItemLink_LegalFramework_Fragment
  | NotifiedItemLink_LegalProvision_Fragment
  | NotifiedItemLink_Curriculum_Fragment
  | NotifiedItemLink_Workshop_Fragment
  | NotifiedItemLink_SwotItem_Fragment
  | NotifiedItemLink_Recommendation_Fragment
;

export type UnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadCountQuery = { me: { id: string, unreadCount: number } | null };

export type NotificationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  unreadOnly: boolean;
}>;


export type NotificationsQuery = { me: { id: string, unreadCount: number, notifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: NotificationKind, message: string, available: boolean, createdAt: string, readAt: string | null, item:
          | { __typename: 'Procedure', id: string, version: number }
          | { __typename: 'LegalFramework', id: string }
          | { __typename: 'LegalProvision', id: string }
          | { __typename: 'Curriculum', id: string }
          | { __typename: 'Workshop', id: string }
          | { __typename: 'SwotItem', id: string, workshop: { id: string } }
          | { __typename: 'Recommendation', id: string }
         | null }> } } | null };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: number };

export type ProcedureFollowedQueryVariables = Exact<{
  id: string | number;
}>;


export type ProcedureFollowedQuery = { procedure: { id: string, version: number, followedByMe: boolean } | null };

export type LegalFrameworkFollowedQueryVariables = Exact<{
  id: string | number;
}>;


export type LegalFrameworkFollowedQuery = { legalFramework: { id: string, followedByMe: boolean } | null };

export type CurriculumFollowedQueryVariables = Exact<{
  id: string | number;
}>;


export type CurriculumFollowedQuery = { curriculum: { id: string, followedByMe: boolean } | null };

export type WorkshopFollowedQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkshopFollowedQuery = { workshop: { id: string, followedByMe: boolean } | null };

export type NotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationSettingsQuery = { me: { id: string, follows: Array<{ id: string, targetType: FollowTargetType, targetId: string | null, available: boolean, title: string | null, jurisdiction: string | null, topic: Topic | null, createdAt: string, item:
        | { __typename: 'Procedure', id: string, version: number }
        | { __typename: 'LegalFramework', id: string }
        | { __typename: 'LegalProvision', id: string }
        | { __typename: 'Curriculum', id: string }
        | { __typename: 'Workshop', id: string }
        | { __typename: 'SwotItem', id: string, workshop: { id: string } }
        | { __typename: 'Recommendation', id: string }
       | null }>, savedSearches: Array<{ id: string, name: string, query: string, types: Array<SavedSearchType>, jurisdictions: Array<string>, topics: Array<Topic>, createdAt: string }>, notificationPreferences: { email: EmailDelivery, emailAddress: string | null } | null } | null };

export type JurisdictionTopicFollowsQueryVariables = Exact<{ [key: string]: never; }>;


export type JurisdictionTopicFollowsQuery = { me: { id: string, follows: Array<{ id: string, targetType: FollowTargetType, jurisdiction: string | null, topic: Topic | null }> } | null };

export type FollowMutationVariables = Exact<{
  input: FollowInput;
}>;


export type FollowMutation = { follow: { id: string } };

export type UnfollowMutationVariables = Exact<{
  input: FollowInput;
}>;


export type UnfollowMutation = { unfollow: boolean };

export type SaveSearchMutationVariables = Exact<{
  input: SaveSearchInput;
}>;


export type SaveSearchMutation = { saveSearch: { id: string, name: string } };

export type DeleteSavedSearchMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteSavedSearchMutation = { deleteSavedSearch: boolean };

export type SetNotificationPreferencesMutationVariables = Exact<{
  input: NotificationPreferencesInput;
}>;


export type SetNotificationPreferencesMutation = { setNotificationPreferences: { email: EmailDelivery, emailAddress: string | null } };

export type LocalMailQueryVariables = Exact<{
  first: number;
}>;


export type LocalMailQuery = { localMail: Array<{ id: string, to: string, subject: string, text: string, sentAt: string }> };

export type ProcedureDimensionFieldsFragment = { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null };

export type ProcedureVersionFieldsFragment = { id: string, version: number, title: string, summary: string, body: string, topic: Topic, tags: Array<string>, language: string, visibility: Visibility, restrictedTo: Array<string>, status: ProcedureStatus, effectiveFrom: string | null, inForceUntil: string | null, lastVerifiedAt: string | null, reviewStatus: ReviewStatus, changeNote: string | null, jurisdiction: { code: string, name: string }, agency: { id: string, name: string }, steps: Array<{ position: number, action: string, responsibleRole: string, safeguards: Array<string> }>, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> };

export type ProcedureViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ProcedureViewerQuery = { me: { id: string, tier: Tier | null, roles: Array<Role>, agency: { id: string, orgKind: OrgKind } } | null };

export type ProcedurePageQueryVariables = Exact<{
  id: string | number;
  at?: string | null | undefined;
}>;


export type ProcedurePageQuery = { procedure: { operationalNotes: string | null, id: string, version: number, title: string, summary: string, body: string, topic: Topic, tags: Array<string>, language: string, visibility: Visibility, restrictedTo: Array<string>, status: ProcedureStatus, effectiveFrom: string | null, inForceUntil: string | null, lastVerifiedAt: string | null, reviewStatus: ReviewStatus, changeNote: string | null, legalBasis: Array<{ id: string, reference: string, heading: string, framework: { id: string, shortTitle: string, jurisdiction: { code: string } } }>, resourcing: { staff: number | null, budgetEur: number | null, tooling: Array<string> } | null, history: Array<{ version: number, status: ProcedureStatus, title: string, effectiveFrom: string | null, inForceUntil: string | null, publishedAt: string | null, changeNote: string | null, createdBy: { id: string, displayName: string } | null }>, jurisdiction: { code: string, name: string }, agency: { id: string, name: string }, steps: Array<{ position: number, action: string, responsibleRole: string, safeguards: Array<string> }>, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> } | null };

export type ProcedureDiffFieldsFragment = { changedCount: number, sections: Array<{ heading: string, change: SectionChange, before: string | null, after: string | null }>, fields: Array<{ field: string, before: unknown, after: unknown }>, left: { id: string, version: number, title: string, jurisdiction: { code: string, name: string }, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> }, right: { id: string, version: number, title: string, jurisdiction: { code: string, name: string }, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> } };

export type ProcedureVersionDiffQueryVariables = Exact<{
  id: string | number;
  from: number;
  to: number;
}>;


export type ProcedureVersionDiffQuery = { procedure: { id: string, version: number, diff: { changedCount: number, sections: Array<{ heading: string, change: SectionChange, before: string | null, after: string | null }>, fields: Array<{ field: string, before: unknown, after: unknown }>, left: { id: string, version: number, title: string, jurisdiction: { code: string, name: string }, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> }, right: { id: string, version: number, title: string, jurisdiction: { code: string, name: string }, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> } } } | null };

export type ProcedurePeersQueryVariables = Exact<{
  topic: Topic;
}>;


export type ProcedurePeersQuery = { procedures: { nodes: Array<{ id: string, version: number, title: string, jurisdiction: { code: string, name: string } }> } };

export type ProcedureJurisdictionDiffQueryVariables = Exact<{
  left: string | number;
  right: string | number;
}>;


export type ProcedureJurisdictionDiffQuery = { diffProcedures: { changedCount: number, sections: Array<{ heading: string, change: SectionChange, before: string | null, after: string | null }>, fields: Array<{ field: string, before: unknown, after: unknown }>, left: { id: string, version: number, title: string, jurisdiction: { code: string, name: string }, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> }, right: { id: string, version: number, title: string, jurisdiction: { code: string, name: string }, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> } } };

export type ProcedureDimensionsQueryVariables = Exact<{
  topic?: Topic | null | undefined;
}>;


export type ProcedureDimensionsQuery = { comparisonDimensions: Array<{ key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null }> };

export type ProcedureForEditQueryVariables = Exact<{
  id: string | number;
}>;


export type ProcedureForEditQuery = { procedure: { id: string, version: number, title: string, summary: string, body: string, topic: Topic, tags: Array<string>, language: string, visibility: Visibility, restrictedTo: Array<string>, status: ProcedureStatus, effectiveFrom: string | null, inForceUntil: string | null, lastVerifiedAt: string | null, reviewStatus: ReviewStatus, changeNote: string | null, jurisdiction: { code: string, name: string }, agency: { id: string, name: string }, steps: Array<{ position: number, action: string, responsibleRole: string, safeguards: Array<string> }>, dimensionValues: Array<{ value: unknown, display: string, dimension: { key: string, label: string, description: string, topic: Topic, valueType: DimensionValueType, unit: string | null, allowedValues: Array<string> | null, options: Array<{ value: string, label: string }> | null } }> } | null };

export type ProcedureCreateMutationVariables = Exact<{
  input: CreateProcedureInput;
}>;


export type ProcedureCreateMutation = { createProcedure: { id: string, version: number, status: ProcedureStatus } };

export type ProcedureUpdateMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  input: UpdateProcedureInput;
}>;


export type ProcedureUpdateMutation = { updateProcedure: { id: string, version: number, status: ProcedureStatus } };

export type ProcedureSetDimensionValuesMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  values: Array<DimensionValueInput> | DimensionValueInput;
}>;


export type ProcedureSetDimensionValuesMutation = { setDimensionValues: { id: string, version: number, status: ProcedureStatus } };

export type ProcedurePublishMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  effectiveFrom?: string | null | undefined;
}>;


export type ProcedurePublishMutation = { publishProcedure: { id: string, version: number, status: ProcedureStatus, effectiveFrom: string | null } };

export type ProcedureWithdrawMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ProcedureWithdrawMutation = { withdrawProcedure: { id: string, version: number, status: ProcedureStatus } };

export type ProcedureVerifyMutationVariables = Exact<{
  id: string | number;
}>;


export type ProcedureVerifyMutation = { verifyProcedure: { id: string, version: number, lastVerifiedAt: string | null, reviewStatus: ReviewStatus } };

export type SearchQueryVariables = Exact<{
  query: string;
  filter?: SearchFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  sort?: SearchSort | null | undefined;
}>;


export type SearchQuery = { search: { total: number, facets: Array<{ field: SearchFacetField, values: Array<{ value: string, count: number }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, hits: Array<{ cursor: string, type: SearchType, title: string, snippet: string, entity:
        | { __typename: 'Procedure', id: string, version: number, language: string, jurisdiction: { code: string, name: string } }
        | { __typename: 'LegalFramework', id: string, jurisdiction: { code: string, name: string } }
        | { __typename: 'LegalProvision', id: string, framework: { id: string, jurisdiction: { code: string, name: string } } }
        | { __typename: 'Curriculum', id: string, language: string }
        | { __typename: 'Workshop', id: string, language: string, city: { code: string, name: string } }
        | { __typename: 'SwotItem', id: string, workshop: { id: string, language: string, city: { code: string, name: string } } }
        | { __typename: 'Recommendation', id: string, workshop: { id: string, language: string, city: { code: string, name: string } } }
       | null }> } };

export type SearchJurisdictionNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchJurisdictionNamesQuery = { jurisdictions: Array<{ code: string, name: string }> };

export type LegalFrameworkItemQueryVariables = Exact<{
  id: string | number;
}>;


export type LegalFrameworkItemQuery = { legalFramework: { id: string, title: string, shortTitle: string, summary: string, visibility: Visibility, restrictedTo: Array<string>, jurisdiction: { code: string, name: string } } | null };

export type LegalProvisionItemQueryVariables = Exact<{
  id: string | number;
}>;


export type LegalProvisionItemQuery = { legalProvision: { id: string, reference: string, heading: string, text: string, visibility: Visibility, restrictedTo: Array<string>, framework: { id: string, title: string, shortTitle: string, jurisdiction: { code: string, name: string } } } | null };

export type CurriculumItemQueryVariables = Exact<{
  id: string | number;
}>;


export type CurriculumItemQuery = { curriculum: { id: string, title: string, summary: string, language: string, visibility: Visibility, restrictedTo: Array<string>, topics: Array<Topic>, ownerAgency: { id: string, name: string, jurisdiction: { code: string, name: string } } } | null };

export type WorkshopItemQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkshopItemQuery = { workshop: { id: string, title: string, summary: string, language: string, visibility: Visibility, restrictedTo: Array<string>, topics: Array<Topic>, city: { code: string, name: string } } | null };

export type RecommendationItemQueryVariables = Exact<{
  id: string | number;
}>;


export type RecommendationItemQuery = { recommendation: { id: string, statement: string, rationale: string, topics: Array<Topic>, workshop: { id: string, title: string, language: string, visibility: Visibility, restrictedTo: Array<string>, city: { code: string, name: string } } } | null };

export type SwotItemItemQueryVariables = Exact<{
  workshop: string | number;
}>;


export type SwotItemItemQuery = { workshop: { id: string, title: string, language: string, visibility: Visibility, restrictedTo: Array<string>, city: { code: string, name: string }, swotItems: Array<{ id: string, topic: Topic, quadrant: SwotQuadrant, statement: string, evidence: string | null, jurisdictions: Array<{ code: string, name: string }> }> } | null };

export type SearchFacetsQueryVariables = Exact<{
  query: string;
  withoutTypes?: SearchFilter | null | undefined;
  withoutJurisdictions?: SearchFilter | null | undefined;
  withoutTopics?: SearchFilter | null | undefined;
  types: boolean;
  jurisdictions: boolean;
  topics: boolean;
}>;


export type SearchFacetsQuery = { byType?: { facets: Array<{ field: SearchFacetField, values: Array<{ value: string, count: number }> }> }, byJurisdiction?: { facets: Array<{ field: SearchFacetField, values: Array<{ value: string, count: number }> }> }, byTopic?: { facets: Array<{ field: SearchFacetField, values: Array<{ value: string, count: number }> }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, tier: Tier | null, roles: Array<Role>, agency: { id: string, name: string, kind: AgencyKind, jurisdiction: { code: string, name: string } } } | null };

export type TrainingModuleFragment = { id: string, position: number, title: string, outline: string, kind: ModuleKind, durationMinutes: number, passMark: number | null };

export type TrainingCurriculaQueryVariables = Exact<{ [key: string]: never; }>;


export type TrainingCurriculaQuery = { curricula: { totalCount: number, nodes: Array<{ id: string, title: string, summary: string, audience: Audience, topics: Array<Topic>, language: string, estimatedHours: number, validityMonths: number, visibility: Visibility, modules: Array<{ id: string }> }> } };

export type TrainingCurriculumQueryVariables = Exact<{
  id: string | number;
}>;


export type TrainingCurriculumQuery = { curriculum: { id: string, title: string, summary: string, audience: Audience, topics: Array<Topic>, tags: Array<string>, learningOutcomes: Array<string>, language: string, estimatedHours: number, visibility: Visibility, restrictedTo: Array<string>, validityMonths: number, version: number, ownerAgency: { id: string, name: string }, modules: Array<{ id: string, position: number, title: string, outline: string, kind: ModuleKind, durationMinutes: number, passMark: number | null }>, relatedProcedures: Array<{ id: string, version: number, title: string, language: string, jurisdiction: { code: string, name: string } }>, relatedLegalFrameworks: Array<{ id: string, title: string, shortTitle: string, jurisdiction: { code: string, name: string } }> } | null };

export type TrainingAgenciesQueryVariables = Exact<{
  jurisdiction?: string | number | null | undefined;
}>;


export type TrainingAgenciesQuery = { agencies: Array<{ id: string, name: string, orgKind: OrgKind, jurisdiction: { code: string, name: string } }> };

export type TrainingAgencyMembersQueryVariables = Exact<{
  agency: string | number;
  curriculum: string | number;
}>;


export type TrainingAgencyMembersQuery = { agency: { id: string, name: string, members: Array<{ id: string, displayName: string, tier: Tier | null, active: boolean }> } | null, assignments: { nodes: Array<{ id: string, status: AssignmentStatus, assignee: { id: string } }> } };

export type TrainingAssignMutationVariables = Exact<{
  input: AssignCurriculumInput;
}>;


export type TrainingAssignMutation = { assignCurriculum: { createdCount: number, alreadyAssignedCount: number, assignments: Array<{ id: string, dueOn: string, status: AssignmentStatus, assignee: { id: string, displayName: string } }> } };

export type TrainingMineQueryVariables = Exact<{ [key: string]: never; }>;


export type TrainingMineQuery = { myAssignments: Array<{ id: string, dueOn: string, status: AssignmentStatus, overdue: boolean, needsRefresh: boolean, completedOn: string | null, refreshDueOn: string | null, curriculumVersion: number, progress: Array<{ completed: boolean, score: number | null, passed: boolean, module: { id: string } }>, curriculum: { id: string, title: string, language: string, modules: Array<{ id: string, position: number, title: string, outline: string, kind: ModuleKind, durationMinutes: number, passMark: number | null }>, relatedProcedures: Array<{ id: string, version: number, title: string, language: string, reviewStatus: ReviewStatus, jurisdiction: { code: string, name: string }, history: Array<{ version: number, status: ProcedureStatus, publishedAt: string | null }> }> } | null }> };

export type TrainingRecordProgressMutationVariables = Exact<{
  assignmentId: string | number;
  moduleId: string | number;
  completed: boolean;
  score?: number | null | undefined;
}>;


export type TrainingRecordProgressMutation = { recordModuleProgress: { id: string, status: AssignmentStatus, overdue: boolean, completedOn: string | null, refreshDueOn: string | null, needsRefresh: boolean, progress: Array<{ completed: boolean, score: number | null, passed: boolean, module: { id: string } }> } };

export type TrainingCountsFieldsFragment = { assigned: number, notStarted: number, inProgress: number, completed: number, overdue: number, completionRate: number };

export type TrainingReportQueryVariables = Exact<{
  agency?: string | number | null | undefined;
  jurisdiction?: string | number | null | undefined;
}>;


export type TrainingReportQuery = { trainingReport: { asOf: string, totalsWithheld: string | null, overdueMembersWithheld: number | null, totals: { assigned: number, notStarted: number, inProgress: number, completed: number, overdue: number, completionRate: number } | null, byTier: Array<{ tier: Tier | null, withheld: string | null, counts: { assigned: number, notStarted: number, inProgress: number, completed: number, overdue: number, completionRate: number } | null }>, overdueMembers: Array<{ id: string, displayName: string, agency: { name: string } }> } };

export type TrainingJurisdictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type TrainingJurisdictionsQuery = { jurisdictions: Array<{ code: string, name: string, level: JurisdictionLevel }> };

export type WorkshopViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkshopViewerQuery = { me: { id: string, roles: Array<Role>, agency: { id: string, orgKind: OrgKind } } | null };

export type WorkshopSummaryFieldsFragment = { id: string, title: string, series: string | null, theme: string, language: string, startsOn: string, endsOn: string, topics: Array<Topic>, participantCount: number, reportStatus: WorkshopReportStatus, visibility: Visibility, city: { code: string, name: string }, organiser: { id: string, name: string } };

export type WorkshopListQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkshopListQuery = { workshops: { totalCount: number, nodes: Array<{ id: string, title: string, series: string | null, theme: string, language: string, startsOn: string, endsOn: string, topics: Array<Topic>, participantCount: number, reportStatus: WorkshopReportStatus, visibility: Visibility, city: { code: string, name: string }, organiser: { id: string, name: string } }> } };

export type WorkshopSwotItemFieldsFragment = { id: string, topic: Topic, quadrant: SwotQuadrant, statement: string, evidence: string | null, weight: number, votedByMe: boolean, jurisdictions: Array<{ code: string, name: string }> };

export type WorkshopRecommendationFieldsFragment = { id: string, statement: string, rationale: string, addressees: Array<Addressee>, topics: Array<Topic>, priority: RecommendationPriority, status: RecommendationStatus, history: Array<{ from: RecommendationStatus | null, to: RecommendationStatus, reason: string, changedAt: string, changedBy: { id: string, displayName: string } | null }>, implementedBy: Array<{ type: RecommendationLinkType, linkedAt: string, procedure: { id: string, version: number, title: string, jurisdiction: { code: string, name: string } } | null, legalFramework: { id: string, shortTitle: string, title: string, jurisdiction: { code: string, name: string } } | null, curriculum: { id: string, title: string } | null }> };

export type WorkshopPageQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkshopPageQuery = { workshop: { participantOrgKinds: Array<OrgKind>, summary: string, restrictedTo: Array<string>, id: string, title: string, series: string | null, theme: string, language: string, startsOn: string, endsOn: string, topics: Array<Topic>, participantCount: number, reportStatus: WorkshopReportStatus, visibility: Visibility, keyMessages: Array<{ id: string, text: string, attribution: string | null }>, swotItems: Array<{ id: string, topic: Topic, quadrant: SwotQuadrant, statement: string, evidence: string | null, weight: number, votedByMe: boolean, jurisdictions: Array<{ code: string, name: string }> }>, recommendations: Array<{ id: string, statement: string, rationale: string, addressees: Array<Addressee>, topics: Array<Topic>, priority: RecommendationPriority, status: RecommendationStatus, history: Array<{ from: RecommendationStatus | null, to: RecommendationStatus, reason: string, changedAt: string, changedBy: { id: string, displayName: string } | null }>, implementedBy: Array<{ type: RecommendationLinkType, linkedAt: string, procedure: { id: string, version: number, title: string, jurisdiction: { code: string, name: string } } | null, legalFramework: { id: string, shortTitle: string, title: string, jurisdiction: { code: string, name: string } } | null, curriculum: { id: string, title: string } | null }> }>, city: { code: string, name: string }, organiser: { id: string, name: string } } | null };

export type WorkshopVoteMutationVariables = Exact<{
  id: string | number;
}>;


export type WorkshopVoteMutation = { voteSwotItem: { id: string, weight: number, votedByMe: boolean } };

export type WorkshopSetRecommendationStatusMutationVariables = Exact<{
  id: string | number;
  status: RecommendationStatus;
  reason: string;
}>;


export type WorkshopSetRecommendationStatusMutation = { setRecommendationStatus: { id: string, statement: string, rationale: string, addressees: Array<Addressee>, topics: Array<Topic>, priority: RecommendationPriority, status: RecommendationStatus, history: Array<{ from: RecommendationStatus | null, to: RecommendationStatus, reason: string, changedAt: string, changedBy: { id: string, displayName: string } | null }>, implementedBy: Array<{ type: RecommendationLinkType, linkedAt: string, procedure: { id: string, version: number, title: string, jurisdiction: { code: string, name: string } } | null, legalFramework: { id: string, shortTitle: string, title: string, jurisdiction: { code: string, name: string } } | null, curriculum: { id: string, title: string } | null }> } };

export type WorkshopMatrixJurisdictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkshopMatrixJurisdictionsQuery = { jurisdictions: Array<{ code: string, name: string, level: JurisdictionLevel }> };

export type WorkshopMatrixFieldsFragment = { topic: Topic | null, itemCount: number, totalWeight: number, quadrants: Array<{ quadrant: SwotQuadrant, count: number, weight: number, items: Array<{ id: string, statement: string, weight: number, topic: Topic, workshop: { id: string, title: string, language: string, city: { code: string, name: string } } }> }> };

export type WorkshopSwotMatrixQueryVariables = Exact<{
  jurisdictions?: Array<string | number> | string | number | null | undefined;
  items: number;
}>;


export type WorkshopSwotMatrixQuery = { all: { topic: Topic | null, itemCount: number, totalWeight: number, workshops: Array<{ id: string, title: string, language: string, startsOn: string, city: { code: string, name: string } }>, quadrants: Array<{ quadrant: SwotQuadrant, count: number, weight: number, items: Array<{ id: string, statement: string, weight: number, topic: Topic, workshop: { id: string, title: string, language: string, city: { code: string, name: string } } }> }> }, communication: { topic: Topic | null, itemCount: number, totalWeight: number, quadrants: Array<{ quadrant: SwotQuadrant, count: number, weight: number, items: Array<{ id: string, statement: string, weight: number, topic: Topic, workshop: { id: string, title: string, language: string, city: { code: string, name: string } } }> }> }, monitoring: { topic: Topic | null, itemCount: number, totalWeight: number, quadrants: Array<{ quadrant: SwotQuadrant, count: number, weight: number, items: Array<{ id: string, statement: string, weight: number, topic: Topic, workshop: { id: string, title: string, language: string, city: { code: string, name: string } } }> }> }, investigation: { topic: Topic | null, itemCount: number, totalWeight: number, quadrants: Array<{ quadrant: SwotQuadrant, count: number, weight: number, items: Array<{ id: string, statement: string, weight: number, topic: Topic, workshop: { id: string, title: string, language: string, city: { code: string, name: string } } }> }> } };

export { AuditRowFragmentDoc } from './documents/AuditRowFragmentDoc.ts';
export { LegalFrameworkCardFragmentDoc } from './documents/LegalFrameworkCardFragmentDoc.ts';
export { ContributionRowFragmentDoc } from './documents/ContributionRowFragmentDoc.ts';
export { NotifiedItemLinkFragmentDoc } from './documents/NotifiedItemLinkFragmentDoc.ts';
export { ProcedureDimensionFieldsFragmentDoc } from './documents/ProcedureDimensionFieldsFragmentDoc.ts';
export { ProcedureVersionFieldsFragmentDoc } from './documents/ProcedureVersionFieldsFragmentDoc.ts';
export { ProcedureDiffFieldsFragmentDoc } from './documents/ProcedureDiffFieldsFragmentDoc.ts';
export { TrainingModuleFragmentDoc } from './documents/TrainingModuleFragmentDoc.ts';
export { TrainingCountsFieldsFragmentDoc } from './documents/TrainingCountsFieldsFragmentDoc.ts';
export { WorkshopSummaryFieldsFragmentDoc } from './documents/WorkshopSummaryFieldsFragmentDoc.ts';
export { WorkshopSwotItemFieldsFragmentDoc } from './documents/WorkshopSwotItemFieldsFragmentDoc.ts';
export { WorkshopRecommendationFieldsFragmentDoc } from './documents/WorkshopRecommendationFieldsFragmentDoc.ts';
export { WorkshopMatrixFieldsFragmentDoc } from './documents/WorkshopMatrixFieldsFragmentDoc.ts';
export { AdminAgenciesDocument } from './documents/AdminAgenciesDocument.ts';
export { AdminAgencyMembersDocument } from './documents/AdminAgencyMembersDocument.ts';
export { AdminUpdateMemberDocument } from './documents/AdminUpdateMemberDocument.ts';
export { AuditLogDocument } from './documents/AuditLogDocument.ts';
export { AuditChainDocument } from './documents/AuditChainDocument.ts';
export { AuditMembersDocument } from './documents/AuditMembersDocument.ts';
export { CompareJurisdictionsDocument } from './documents/CompareJurisdictionsDocument.ts';
export { CompareDimensionsDocument } from './documents/CompareDimensionsDocument.ts';
export { CompareProceduresDocument } from './documents/CompareProceduresDocument.ts';
export { HomeRecentVersionsDocument } from './documents/HomeRecentVersionsDocument.ts';
export { HomeNeedsReviewDocument } from './documents/HomeNeedsReviewDocument.ts';
export { HomeMyAssignmentsDocument } from './documents/HomeMyAssignmentsDocument.ts';
export { LegalFrameworksDocument } from './documents/LegalFrameworksDocument.ts';
export { LegalJurisdictionsDocument } from './documents/LegalJurisdictionsDocument.ts';
export { LegalFrameworkPageDocument } from './documents/LegalFrameworkPageDocument.ts';
export { LegalProvisionDiffDocument } from './documents/LegalProvisionDiffDocument.ts';
export { LegalProvisionForContributionDocument } from './documents/LegalProvisionForContributionDocument.ts';
export { LegalTranspositionDocument } from './documents/LegalTranspositionDocument.ts';
export { LegalDirectivesDocument } from './documents/LegalDirectivesDocument.ts';
export { LegalCompareDocument } from './documents/LegalCompareDocument.ts';
export { LegalContributionsDocument } from './documents/LegalContributionsDocument.ts';
export { LegalSubmitContributionDocument } from './documents/LegalSubmitContributionDocument.ts';
export { LegalWithdrawContributionDocument } from './documents/LegalWithdrawContributionDocument.ts';
export { LegalStartReviewDocument } from './documents/LegalStartReviewDocument.ts';
export { LegalDecideContributionDocument } from './documents/LegalDecideContributionDocument.ts';
export { UnreadCountDocument } from './documents/UnreadCountDocument.ts';
export { NotificationsDocument } from './documents/NotificationsDocument.ts';
export { MarkNotificationsReadDocument } from './documents/MarkNotificationsReadDocument.ts';
export { MarkAllNotificationsReadDocument } from './documents/MarkAllNotificationsReadDocument.ts';
export { ProcedureFollowedDocument } from './documents/ProcedureFollowedDocument.ts';
export { LegalFrameworkFollowedDocument } from './documents/LegalFrameworkFollowedDocument.ts';
export { CurriculumFollowedDocument } from './documents/CurriculumFollowedDocument.ts';
export { WorkshopFollowedDocument } from './documents/WorkshopFollowedDocument.ts';
export { NotificationSettingsDocument } from './documents/NotificationSettingsDocument.ts';
export { JurisdictionTopicFollowsDocument } from './documents/JurisdictionTopicFollowsDocument.ts';
export { FollowDocument } from './documents/FollowDocument.ts';
export { UnfollowDocument } from './documents/UnfollowDocument.ts';
export { SaveSearchDocument } from './documents/SaveSearchDocument.ts';
export { DeleteSavedSearchDocument } from './documents/DeleteSavedSearchDocument.ts';
export { SetNotificationPreferencesDocument } from './documents/SetNotificationPreferencesDocument.ts';
export { LocalMailDocument } from './documents/LocalMailDocument.ts';
export { ProcedureViewerDocument } from './documents/ProcedureViewerDocument.ts';
export { ProcedurePageDocument } from './documents/ProcedurePageDocument.ts';
export { ProcedureVersionDiffDocument } from './documents/ProcedureVersionDiffDocument.ts';
export { ProcedurePeersDocument } from './documents/ProcedurePeersDocument.ts';
export { ProcedureJurisdictionDiffDocument } from './documents/ProcedureJurisdictionDiffDocument.ts';
export { ProcedureDimensionsDocument } from './documents/ProcedureDimensionsDocument.ts';
export { ProcedureForEditDocument } from './documents/ProcedureForEditDocument.ts';
export { ProcedureCreateDocument } from './documents/ProcedureCreateDocument.ts';
export { ProcedureUpdateDocument } from './documents/ProcedureUpdateDocument.ts';
export { ProcedureSetDimensionValuesDocument } from './documents/ProcedureSetDimensionValuesDocument.ts';
export { ProcedurePublishDocument } from './documents/ProcedurePublishDocument.ts';
export { ProcedureWithdrawDocument } from './documents/ProcedureWithdrawDocument.ts';
export { ProcedureVerifyDocument } from './documents/ProcedureVerifyDocument.ts';
export { SearchDocument } from './documents/SearchDocument.ts';
export { SearchJurisdictionNamesDocument } from './documents/SearchJurisdictionNamesDocument.ts';
export { LegalFrameworkItemDocument } from './documents/LegalFrameworkItemDocument.ts';
export { LegalProvisionItemDocument } from './documents/LegalProvisionItemDocument.ts';
export { CurriculumItemDocument } from './documents/CurriculumItemDocument.ts';
export { WorkshopItemDocument } from './documents/WorkshopItemDocument.ts';
export { RecommendationItemDocument } from './documents/RecommendationItemDocument.ts';
export { SwotItemItemDocument } from './documents/SwotItemItemDocument.ts';
export { SearchFacetsDocument } from './documents/SearchFacetsDocument.ts';
export { MeDocument } from './documents/MeDocument.ts';
export { TrainingCurriculaDocument } from './documents/TrainingCurriculaDocument.ts';
export { TrainingCurriculumDocument } from './documents/TrainingCurriculumDocument.ts';
export { TrainingAgenciesDocument } from './documents/TrainingAgenciesDocument.ts';
export { TrainingAgencyMembersDocument } from './documents/TrainingAgencyMembersDocument.ts';
export { TrainingAssignDocument } from './documents/TrainingAssignDocument.ts';
export { TrainingMineDocument } from './documents/TrainingMineDocument.ts';
export { TrainingRecordProgressDocument } from './documents/TrainingRecordProgressDocument.ts';
export { TrainingReportDocument } from './documents/TrainingReportDocument.ts';
export { TrainingJurisdictionsDocument } from './documents/TrainingJurisdictionsDocument.ts';
export { WorkshopViewerDocument } from './documents/WorkshopViewerDocument.ts';
export { WorkshopListDocument } from './documents/WorkshopListDocument.ts';
export { WorkshopPageDocument } from './documents/WorkshopPageDocument.ts';
export { WorkshopVoteDocument } from './documents/WorkshopVoteDocument.ts';
export { WorkshopSetRecommendationStatusDocument } from './documents/WorkshopSetRecommendationStatusDocument.ts';
export { WorkshopMatrixJurisdictionsDocument } from './documents/WorkshopMatrixJurisdictionsDocument.ts';
export { WorkshopSwotMatrixDocument } from './documents/WorkshopSwotMatrixDocument.ts';