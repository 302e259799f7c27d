import type { Visibility } from '../../lib/access.ts';
import type { ModuleRow } from './entities.ts';

/** A curriculum as the resolvers read it. */
export interface CurriculumView {
  id: string;
  ownerAgencyId: string;
  title: string;
  summary: string;
  audience: 'MANAGER' | 'PRACTITIONER' | 'ALL';
  topics: string[];
  tags: string[];
  learningOutcomes: string[];
  language: string;
  estimatedHours: number;
  visibility: Visibility;
  restrictedTo: string[];
  relatedProcedures: string[];
  relatedLegalFrameworks: string[];
  version: number;
  validityMonths: number;
}

export const CURRICULUM_COLUMNS = `c.id, c.owner_agency_id, c.title, c.summary, c.audience, c.topics, c.tags, c.learning_outcomes,
  c.language, c.estimated_hours, c.visibility, c.restricted_to, c.related_procedures, c.related_legal_frameworks, c.version,
  c.validity_months`;

/** Maps a raw row selected with CURRICULUM_COLUMNS. */
export function toCurriculum(r: any): CurriculumView {
  return {
    id: r.id,
    ownerAgencyId: r.owner_agency_id,
    title: r.title,
    summary: r.summary,
    audience: r.audience,
    topics: r.topics,
    tags: r.tags,
    learningOutcomes: r.learning_outcomes,
    language: r.language,
    estimatedHours: Number(r.estimated_hours),
    visibility: r.visibility,
    restrictedTo: r.restricted_to,
    relatedProcedures: r.related_procedures,
    relatedLegalFrameworks: r.related_legal_frameworks,
    version: r.version,
    validityMonths: r.validity_months,
  };
}

export const MODULE_COLUMNS = `m.id, m.curriculum_id AS "curriculumId", m.position, m.title, m.outline, m.kind,
  m.duration_minutes AS "durationMinutes", m.pass_mark AS "passMark"`;

/** Completed with a score at or above the pass mark; an unscored module passes when completed. */
export const passes = (module: Pick<ModuleRow, 'passMark'>, progress: { completed: boolean; score: number | null } | undefined) =>
  !!progress?.completed && (module.passMark === null || (progress.score ?? -1) >= module.passMark);
