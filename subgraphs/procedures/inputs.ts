import { z } from 'zod';
import { VISIBILITIES } from '../../lib/access.ts';
import { boundedText, idInput, jurisdictionCode, languageCode, storable } from '../../lib/inputSchemas.ts';
import { TOPICS } from '../../lib/vocabulary.ts';

/** Trimmed text between min and max characters that the database keeps as given. */
export const text = boundedText;
export { idInput, storable };

const tag = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'tags are UPPER_SNAKE_CASE words');
export const step = z.object({
  action: text(3, 500),
  responsibleRole: text(2, 120),
  safeguards: z.array(text(3, 300)).max(20).nullish(),
});
export const resourcing = z.object({
  staff: z.number().int().min(0).max(100_000).nullish(),
  budgetEur: z.number().int().min(0).max(10_000_000_000).nullish(),
  tooling: z.array(text(1, 100)).max(30).nullish(),
});
const content = {
  title: text(3, 200),
  summary: text(3, 1_000),
  body: text(3, 50_000),
  tags: z.array(tag).max(20).refine((t) => new Set(t).size === t.length, 'must not repeat a tag'),
  language: languageCode,
  visibility: z.enum(VISIBILITIES),
  restrictedTo: z.array(jurisdictionCode).max(30),
  steps: z.array(step).max(50),
  legalBasis: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{2,99}$/, 'must be a legal provision id')).max(50),
  operationalNotes: text(1, 5_000),
  resourcing,
};
export const dimensionValue = z.object({ key: z.string().min(1).max(80), value: z.unknown() });
export const dimensionValuesInput = z.array(dimensionValue).min(1, 'give at least one value').max(100);

export const createInput = z.object({
  topic: z.enum(TOPICS),
  ...content,
  tags: content.tags.nullish(),
  restrictedTo: content.restrictedTo.nullish(),
  steps: content.steps.nullish(),
  legalBasis: content.legalBasis.nullish(),
  operationalNotes: content.operationalNotes.nullish(),
  resourcing: resourcing.nullish(),
  dimensionValues: z.array(dimensionValue).max(100).nullish(),
});
export const updateInput = z.object({
  title: content.title.optional(),
  summary: content.summary.optional(),
  body: content.body.optional(),
  tags: content.tags.optional(),
  language: content.language.optional(),
  visibility: content.visibility.optional(),
  restrictedTo: content.restrictedTo.optional(),
  steps: content.steps.optional(),
  legalBasis: content.legalBasis.optional(),
  operationalNotes: content.operationalNotes.nullable().optional(),
  resourcing: resourcing.nullable().optional(),
  changeNote: text(1, 500).optional(),
}).refine((i) => Object.entries(i).some(([k, v]) => k !== 'changeNote' && v !== undefined), 'give at least one field to change');
export const reasonInput = text(3, 1_000);
export const backdatingInput = z.object({ reason: reasonInput.nullish() });

export const procedureFilterInput = z.object({
  jurisdictions: z.array(jurisdictionCode).max(60).nullish(),
  topic: z.string().nullish(),
  tags: z.array(z.string().max(40)).max(20).nullish(),
  status: z.string().nullish(),
  agency: z.string().max(64).nullish(),
}).nullish();
