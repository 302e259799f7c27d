import { z } from 'zod';
import { VISIBILITIES } from '../../lib/access.ts';
import { boundedText, jurisdictionCode, idInput, languageCode, storable } from '../../lib/inputSchemas.ts';

export const LEGAL_TOPICS = ['DATA_PROTECTION', 'PRIVACY', 'JURISDICTION', 'CYBERCRIME', 'HATE_SPEECH', 'ELECTRONIC_EVIDENCE',
  'PLATFORM_DUTIES', 'TERRORIST_CONTENT', 'LAW_ENFORCEMENT_COOPERATION'] as const;

/** Trimmed text between min and max characters that the database keeps as given. */
export const text = boundedText;
export { idInput, storable };
export const topics = z.array(z.enum(LEGAL_TOPICS)).max(LEGAL_TOPICS.length).refine((t) => new Set(t).size === t.length, 'must not repeat a topic');
export const visibility = z.enum(VISIBILITIES);
export const restrictedTo = z.array(jurisdictionCode).max(30);
export const languages = z.array(languageCode).min(1).max(30);
export const date = z.string();
export const reference = text(1, 40);
export const heading = text(3, 300);
export const provisionText = text(3, 20_000);
export const position = z.object({ key: z.string().min(1).max(80), value: z.unknown() });
export const positions = z.array(position).max(100);

export const frameworkContent = {
  title: text(3, 1_000),
  shortTitle: text(2, 200),
  eli: z.string().url('must be a URI').max(300).nullish(),
  celex: z.string().regex(/^[0-9CE][0-9]{4}[A-Z]{1,2}[0-9]{4}$/, 'must be a CELEX number such as 32016L0680').nullish(),
  identifier: text(2, 300).nullish(),
  adoptedOn: date.nullish(),
  inForceFrom: date.nullish(),
  repealedOn: date.nullish(),
  languages,
  summary: text(10, 5_000),
  topics,
  visibility,
  restrictedTo: restrictedTo.nullish(),
};
export const createFrameworkInput = z.object({
  jurisdiction: jurisdictionCode,
  kind: z.enum(['REGULATION', 'DIRECTIVE', 'STATUTE', 'DECREE', 'GUIDELINE', 'CASE_LAW']),
  transposes: idInput.nullish(),
  ...frameworkContent,
});
export const updateFrameworkInput = z.object(Object.fromEntries(Object.entries(frameworkContent).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof frameworkContent]: z.ZodOptional<(typeof frameworkContent)[K]>
}).refine((i) => Object.values(i).some((v) => v !== undefined), 'give at least one field to change');
export const addProvisionInput = z.object({
  reference,
  heading,
  text: provisionText,
  topics: topics.nullish(),
  positions: positions.nullish(),
  visibility,
  restrictedTo: restrictedTo.nullish(),
  validFrom: date.nullish(),
  reason: text(3, 1_000).nullish(),
});
export const amendProvisionInput = z.object({
  heading: heading.optional(),
  text: provisionText.optional(),
  topics: topics.optional(),
  positions: positions.optional(),
  validFrom: date.nullish(),
  reason: text(3, 1_000).nullish(),
  changeNote: text(3, 1_000),
}).refine((i) => i.heading !== undefined || i.text !== undefined || i.topics !== undefined || (i.positions?.length ?? 0) > 0,
  'give at least one of heading, text, topics or positions');

export const submitInput = z.object({
  kind: z.enum(['COMMENT', 'AMENDMENT', 'NEW_PROVISION', 'INTERPRETATION_NOTE']),
  target: idInput,
  proposedReference: reference.nullish(),
  proposedHeading: heading.nullish(),
  proposedText: provisionText,
  rationale: text(10, 5_000),
  visibility: visibility.nullish(),
});
export const decisionReasonInput = text(3, 2_000).nullish();

export const frameworkFilter = z.object({
  jurisdictions: z.array(jurisdictionCode).max(60).nullish(),
  topics: z.array(z.string()).max(20).nullish(),
  kind: z.string().nullish(),
  inForceAt: z.string().nullish(),
}).nullish();

export const contributionFilter = z.object({
  status: z.string().nullish(),
  target: z.string().max(100).nullish(),
  mine: z.boolean().nullish(),
}).nullish();
