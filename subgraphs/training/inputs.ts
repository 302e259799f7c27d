import { z } from 'zod';
import { VISIBILITIES } from '../../lib/access.ts';
import { boundedText, idInput, jurisdictionCode, languageCode } from '../../lib/inputSchemas.ts';
import { today } from '../../lib/scalars.ts';
import { TOPICS } from '../../lib/vocabulary.ts';

const text = boundedText;

export const curriculumFilter = z.object({
  audience: z.enum(['MANAGER', 'PRACTITIONER', 'ALL']).nullish(),
  topics: z.array(z.enum(TOPICS)).max(3).nullish(),
  language: languageCode.nullish(),
}).nullish();

export const assignmentFilter = z.object({
  agency: idInput.nullish(),
  curriculum: idInput.nullish(),
  status: z.enum(['ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE', 'CANCELLED']).nullish(),
  overdue: z.boolean().nullish(),
}).nullish();

export const reportArgs = z.object({ agency: idInput.nullish(), jurisdiction: jurisdictionCode.nullish(), curriculum: idInput.nullish() });

const tag = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'tags are UPPER_SNAKE_CASE words');
const entityId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,99}$/, 'must be an id such as proc-es-ct-monitoring');
const unique = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max).refine((a) => new Set(a).size === a.length, `must not repeat a ${what}`);

export const moduleInput = z.object({
  title: text(3, 200),
  outline: text(3, 5_000),
  kind: z.enum(['ELEARNING', 'CLASSROOM', 'EXERCISE', 'WEBINAR']),
  durationMinutes: z.number().int().min(5).max(10_000),
  passMark: z.number().int().min(0).max(100).nullish(),
});
export const content = {
  title: text(3, 200),
  summary: text(3, 2_000),
  audience: z.enum(['MANAGER', 'PRACTITIONER', 'ALL']),
  topics: unique(z.enum(TOPICS), 3, 'topic').refine((t) => t.length > 0, 'name at least one topic'),
  tags: unique(tag, 20, 'tag'),
  learningOutcomes: z.array(text(3, 500)).max(30),
  language: languageCode,
  estimatedHours: z.number().min(0.5).max(2_000),
  visibility: z.enum(VISIBILITIES),
  restrictedTo: unique(jurisdictionCode, 30, 'jurisdiction'),
  relatedProcedures: unique(entityId, 50, 'procedure'),
  relatedLegalFrameworks: unique(entityId, 50, 'legal framework'),
  validityMonths: z.number().int().min(1).max(120),
};
export const createInput = z.object({
  ...content,
  tags: content.tags.nullish(),
  learningOutcomes: content.learningOutcomes.nullish(),
  restrictedTo: content.restrictedTo.nullish(),
  relatedProcedures: content.relatedProcedures.nullish(),
  relatedLegalFrameworks: content.relatedLegalFrameworks.nullish(),
  modules: z.array(moduleInput).max(50).nullish(),
});
export const updateInput = z.object(Object.fromEntries(Object.entries(content).map(([k, s]) => [k, s.optional()])) as { [K in keyof typeof content]: z.ZodOptional<(typeof content)[K]> })
  .refine((i) => Object.values(i).some((v) => v !== undefined), 'give at least one field to change');
export const assignInput = z.object({
  curriculumId: idInput,
  memberIds: z.array(idInput).min(1, 'name at least one member').max(1_000)
    .refine((m) => new Set(m).size === m.length, 'must not repeat a member').nullish(),
  agencyId: idInput.nullish(),
  dueOn: z.string().refine((d) => d >= today(), 'must not be in the past'),
  allowTierMismatch: z.boolean().nullish(),
}).refine((i) => (i.memberIds ? 1 : 0) + (i.agencyId ? 1 : 0) === 1, 'give memberIds or agencyId, not both');
export const progressInput = z.object({
  completed: z.boolean(),
  score: z.number().int().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').nullish(),
});
