import { EntitySchema } from 'typeorm';

export interface CurriculumRow {
  id: string;
  ownerAgencyId: string;
  title: string;
  summary: string;
  audience: string;
  topics: string[];
  tags: string[];
  learningOutcomes: string[];
  language: string;
  estimatedHours: string;
  visibility: string;
  restrictedTo: string[];
  relatedProcedures: string[];
  relatedLegalFrameworks: string[];
  version: number;
  validityMonths: number;
  createdBy: string | null;
}

export interface ModuleRow {
  id: string;
  curriculumId: string;
  position: number;
  title: string;
  outline: string;
  kind: string;
  durationMinutes: number;
  passMark: number | null;
}

export interface AssignmentRow {
  id: string;
  curriculumId: string;
  curriculumVersion: number;
  memberId: string;
  assignedBy: string | null;
  viaAgencyId: string | null;
  dueOn: string;
  status: string;
  completedOn: string | null;
  refreshDueOn: string | null;
  needsRefresh: boolean;
}

export interface ModuleProgressRow {
  assignmentId: string;
  moduleId: string;
  completed: boolean;
  score: number | null;
}

export const CurriculumEntity = new EntitySchema<CurriculumRow>({
  name: 'Curriculum',
  tableName: 'curricula',
  columns: {
    id: { type: 'text', primary: true },
    ownerAgencyId: { type: 'text', name: 'owner_agency_id' },
    title: { type: 'text' },
    summary: { type: 'text' },
    audience: { type: 'text' },
    topics: { type: 'text', array: true },
    tags: { type: 'text', array: true },
    learningOutcomes: { type: 'text', array: true, name: 'learning_outcomes' },
    language: { type: 'text' },
    estimatedHours: { type: 'numeric', precision: 6, scale: 1, name: 'estimated_hours' },
    visibility: { type: 'text' },
    restrictedTo: { type: 'text', array: true, name: 'restricted_to' },
    relatedProcedures: { type: 'text', array: true, name: 'related_procedures' },
    relatedLegalFrameworks: { type: 'text', array: true, name: 'related_legal_frameworks' },
    version: { type: 'int' },
    validityMonths: { type: 'int', name: 'validity_months' },
    createdBy: { type: 'text', name: 'created_by', nullable: true },
  },
});

export const ModuleEntity = new EntitySchema<ModuleRow>({
  name: 'Module',
  tableName: 'modules',
  columns: {
    id: { type: 'text', primary: true },
    curriculumId: { type: 'text', name: 'curriculum_id' },
    position: { type: 'int' },
    title: { type: 'text' },
    outline: { type: 'text' },
    kind: { type: 'text' },
    durationMinutes: { type: 'int', name: 'duration_minutes' },
    passMark: { type: 'int', name: 'pass_mark', nullable: true },
  },
});

export const AssignmentEntity = new EntitySchema<AssignmentRow>({
  name: 'Assignment',
  tableName: 'assignments',
  columns: {
    id: { type: 'text', primary: true },
    curriculumId: { type: 'text', name: 'curriculum_id' },
    curriculumVersion: { type: 'int', name: 'curriculum_version' },
    memberId: { type: 'text', name: 'member_id' },
    assignedBy: { type: 'text', name: 'assigned_by', nullable: true },
    viaAgencyId: { type: 'text', name: 'via_agency_id', nullable: true },
    dueOn: { type: 'date', name: 'due_on' },
    status: { type: 'text' },
    completedOn: { type: 'date', name: 'completed_on', nullable: true },
    refreshDueOn: { type: 'date', name: 'refresh_due_on', nullable: true },
    needsRefresh: { type: 'boolean', name: 'needs_refresh' },
  },
});

export const ModuleProgressEntity = new EntitySchema<ModuleProgressRow>({
  name: 'ModuleProgress',
  tableName: 'module_progress',
  columns: {
    assignmentId: { type: 'text', primary: true, name: 'assignment_id' },
    moduleId: { type: 'text', primary: true, name: 'module_id' },
    completed: { type: 'boolean' },
    score: { type: 'int', nullable: true },
  },
});

export const trainingEntities = [CurriculumEntity, ModuleEntity, AssignmentEntity, ModuleProgressEntity];
