import { EntitySchema } from 'typeorm';

export interface PositionDimensionRow {
  key: string;
  label: string;
  description: string;
  topic: string;
  valueType: string;
  unit: string | null;
  allowedValues: string[] | null;
  /** The label of each allowed value, keyed by its code. */
  valueLabels: Record<string, string>;
}

export interface FrameworkRow {
  id: string;
  jurisdictionCode: string;
  title: string;
  shortTitle: string;
  kind: string;
  celex: string | null;
  eli: string | null;
  identifier: string | null;
  adoptedOn: string | null;
  inForceFrom: string | null;
  repealedOn: string | null;
  languages: string[];
  summary: string;
  topics: string[];
  transposes: string | null;
  visibility: string;
  restrictedTo: string[];
  illustrative: boolean;
}

export interface ProvisionRow {
  id: string;
  frameworkId: string;
  reference: string;
  position: number;
  latestVersion: number;
  visibility: string;
  restrictedTo: string[];
  illustrative: boolean;
}

export interface ProvisionVersionRow {
  provisionId: string;
  version: number;
  heading: string;
  text: string;
  topics: string[];
  dimensionValues: Record<string, unknown>;
  validFrom: string;
  validUntil: string | null;
  changeNote: string | null;
  /** Why an administrator made this version take effect from a date before it was written. */
  backdatingReason: string | null;
  proposedBy: string | null;
  acceptedBy: string | null;
  contributionId: string | null;
  createdAt: Date;
}

export interface ContributionRow {
  id: string;
  authorId: string;
  authorAgencyId: string;
  /** The author's agency and the agencies it is part of, when the contribution was written (empty before this was kept). */
  authorAgencyPath: string[];
  kind: string;
  targetFrameworkId: string;
  targetProvisionId: string | null;
  proposedReference: string | null;
  proposedHeading: string | null;
  proposedText: string;
  rationale: string;
  status: string;
  visibility: string;
  restrictedTo: string[];
  reviewerId: string | null;
  decisionReason: string | null;
  submittedAt: Date;
  reviewStartedAt: Date | null;
  decidedAt: Date | null;
  withdrawnAt: Date | null;
  resultingProvisionId: string | null;
  resultingVersion: number | null;
}

export const PositionDimensionEntity = new EntitySchema<PositionDimensionRow>({
  name: 'PositionDimension',
  tableName: 'position_dimensions',
  columns: {
    key: { type: 'text', primary: true },
    label: { type: 'text' },
    description: { type: 'text' },
    topic: { type: 'text' },
    valueType: { type: 'text', name: 'value_type' },
    unit: { type: 'text', nullable: true },
    allowedValues: { type: 'text', array: true, name: 'allowed_values', nullable: true },
    valueLabels: { type: 'jsonb', name: 'value_labels' },
  },
});

export const FrameworkEntity = new EntitySchema<FrameworkRow>({
  name: 'LegalFramework',
  tableName: 'frameworks',
  columns: {
    id: { type: 'text', primary: true },
    jurisdictionCode: { type: 'text', name: 'jurisdiction_code' },
    title: { type: 'text' },
    shortTitle: { type: 'text', name: 'short_title' },
    kind: { type: 'text' },
    celex: { type: 'text', nullable: true },
    eli: { type: 'text', nullable: true },
    identifier: { type: 'text', nullable: true },
    adoptedOn: { type: 'date', name: 'adopted_on', nullable: true },
    inForceFrom: { type: 'date', name: 'in_force_from', nullable: true },
    repealedOn: { type: 'date', name: 'repealed_on', nullable: true },
    languages: { type: 'text', array: true },
    summary: { type: 'text' },
    topics: { type: 'text', array: true },
    transposes: { type: 'text', nullable: true },
    visibility: { type: 'text' },
    restrictedTo: { type: 'text', array: true, name: 'restricted_to' },
    illustrative: { type: 'boolean' },
  },
});

export const ProvisionEntity = new EntitySchema<ProvisionRow>({
  name: 'LegalProvision',
  tableName: 'provisions',
  columns: {
    id: { type: 'text', primary: true },
    frameworkId: { type: 'text', name: 'framework_id' },
    reference: { type: 'text' },
    position: { type: 'int' },
    latestVersion: { type: 'int', name: 'latest_version' },
    visibility: { type: 'text' },
    restrictedTo: { type: 'text', array: true, name: 'restricted_to' },
    illustrative: { type: 'boolean' },
  },
});

export const ProvisionVersionEntity = new EntitySchema<ProvisionVersionRow>({
  name: 'LegalProvisionVersion',
  tableName: 'provision_versions',
  columns: {
    provisionId: { type: 'text', primary: true, name: 'provision_id' },
    version: { type: 'int', primary: true },
    heading: { type: 'text' },
    text: { type: 'text' },
    topics: { type: 'text', array: true },
    dimensionValues: { type: 'jsonb', name: 'dimension_values' },
    validFrom: { type: 'date', name: 'valid_from' },
    validUntil: { type: 'date', name: 'valid_until', nullable: true },
    changeNote: { type: 'text', name: 'change_note', nullable: true },
    backdatingReason: { type: 'text', name: 'backdating_reason', nullable: true },
    proposedBy: { type: 'text', name: 'proposed_by', nullable: true },
    acceptedBy: { type: 'text', name: 'accepted_by', nullable: true },
    contributionId: { type: 'text', name: 'contribution_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const ContributionEntity = new EntitySchema<ContributionRow>({
  name: 'Contribution',
  tableName: 'contributions',
  columns: {
    id: { type: 'text', primary: true },
    authorId: { type: 'text', name: 'author_id' },
    authorAgencyId: { type: 'text', name: 'author_agency_id' },
    authorAgencyPath: { type: 'text', array: true, name: 'author_agency_path' },
    kind: { type: 'text' },
    targetFrameworkId: { type: 'text', name: 'target_framework_id' },
    targetProvisionId: { type: 'text', name: 'target_provision_id', nullable: true },
    proposedReference: { type: 'text', name: 'proposed_reference', nullable: true },
    proposedHeading: { type: 'text', name: 'proposed_heading', nullable: true },
    proposedText: { type: 'text', name: 'proposed_text' },
    rationale: { type: 'text' },
    status: { type: 'text' },
    visibility: { type: 'text' },
    restrictedTo: { type: 'text', array: true, name: 'restricted_to' },
    reviewerId: { type: 'text', name: 'reviewer_id', nullable: true },
    decisionReason: { type: 'text', name: 'decision_reason', nullable: true },
    submittedAt: { type: 'timestamptz', name: 'submitted_at' },
    reviewStartedAt: { type: 'timestamptz', name: 'review_started_at', nullable: true },
    decidedAt: { type: 'timestamptz', name: 'decided_at', nullable: true },
    withdrawnAt: { type: 'timestamptz', name: 'withdrawn_at', nullable: true },
    resultingProvisionId: { type: 'text', name: 'resulting_provision_id', nullable: true },
    resultingVersion: { type: 'int', name: 'resulting_version', nullable: true },
  },
});

export const legalEntities = [PositionDimensionEntity, FrameworkEntity, ProvisionEntity, ProvisionVersionEntity, ContributionEntity];
