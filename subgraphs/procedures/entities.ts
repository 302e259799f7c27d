import { EntitySchema } from 'typeorm';

export interface DimensionRow {
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

export interface ProcedureHeadRow {
  id: string;
  agencyId: string;
  jurisdictionCode: string;
  topic: string;
  latestVersion: number;
  publishedVersion: number | null;
  reviewStatus: string;
  lastVerifiedAt: string | null;
}

export interface Step {
  action: string;
  responsibleRole: string;
  safeguards: string[];
}

export interface Resourcing {
  staff: number | null;
  budgetEur: number | null;
  tooling: string[];
}

export interface ProcedureVersionRow {
  procedureId: string;
  version: number;
  status: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  language: string;
  visibility: string;
  restrictedTo: string[];
  effectiveFrom: string | null;
  inForceUntil: string | null;
  publishedAt: Date | null;
  steps: Step[];
  legalBasis: string[];
  dimensionValues: Record<string, unknown>;
  operationalNotes: string | null;
  resourcing: Resourcing | null;
  changeNote: string | null;
  /** Why an administrator put this version in force from a date before its publication. */
  backdatingReason: string | null;
  createdBy: string | null;
}

export const DimensionEntity = new EntitySchema<DimensionRow>({
  name: 'Dimension',
  tableName: 'dimensions',
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

export const ProcedureEntity = new EntitySchema<ProcedureHeadRow>({
  name: 'Procedure',
  tableName: 'procedures',
  columns: {
    id: { type: 'text', primary: true },
    agencyId: { type: 'text', name: 'agency_id' },
    jurisdictionCode: { type: 'text', name: 'jurisdiction_code' },
    topic: { type: 'text' },
    latestVersion: { type: 'int', name: 'latest_version' },
    publishedVersion: { type: 'int', name: 'published_version', nullable: true },
    reviewStatus: { type: 'text', name: 'review_status' },
    lastVerifiedAt: { type: 'date', name: 'last_verified_at', nullable: true },
  },
});

export const ProcedureVersionEntity = new EntitySchema<ProcedureVersionRow>({
  name: 'ProcedureVersion',
  tableName: 'procedure_versions',
  columns: {
    procedureId: { type: 'text', primary: true, name: 'procedure_id' },
    version: { type: 'int', primary: true },
    status: { type: 'text' },
    title: { type: 'text' },
    summary: { type: 'text' },
    body: { type: 'text' },
    tags: { type: 'text', array: true },
    language: { type: 'text' },
    visibility: { type: 'text' },
    restrictedTo: { type: 'text', array: true, name: 'restricted_to' },
    effectiveFrom: { type: 'date', name: 'effective_from', nullable: true },
    inForceUntil: { type: 'date', name: 'in_force_until', nullable: true },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    steps: { type: 'jsonb' },
    legalBasis: { type: 'text', array: true, name: 'legal_basis' },
    dimensionValues: { type: 'jsonb', name: 'dimension_values' },
    operationalNotes: { type: 'text', name: 'operational_notes', nullable: true },
    resourcing: { type: 'jsonb', nullable: true },
    changeNote: { type: 'text', name: 'change_note', nullable: true },
    backdatingReason: { type: 'text', name: 'backdating_reason', nullable: true },
    createdBy: { type: 'text', name: 'created_by', nullable: true },
  },
});

export const proceduresEntities = [DimensionEntity, ProcedureEntity, ProcedureVersionEntity];
