import { z } from 'zod';
import { ORG_KINDS, VISIBILITIES } from '../../lib/access.ts';
import { boundedText, jurisdictionCode, idInput, languageCode, storable } from '../../lib/inputSchemas.ts';
import { TOPICS } from '../../lib/vocabulary.ts';

export const QUADRANTS = ['STRENGTH', 'WEAKNESS', 'OPPORTUNITY', 'THREAT'] as const;
export const ADDRESSEES = ['LEAS', 'POLICYMAKERS', 'PLATFORMS', 'TRAINERS', 'LOCAL_AUTHORITIES', 'ACADEMIA'] as const;
export const RECOMMENDATION_STATUSES = ['PROPOSED', 'ENDORSED', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED'] as const;

/** Trimmed text between min and max characters that the database keeps as given. */
export const text = boundedText;
export { idInput, storable };
const entityId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,99}$/, 'must be an id of lowercase letters, digits and hyphens');
const distinct = <T>(list: T[]) => new Set(list).size === list.length;

export const workshopFilterInput = z.object({
  theme: text(1, 200).nullish(),
  topics: z.array(z.enum(TOPICS)).max(3).nullish(),
  jurisdiction: jurisdictionCode.nullish(),
  from: z.string().nullish(),
  to: z.string().nullish(),
}).nullish();

export const recommendationFilterInput = z.object({
  status: z.enum(RECOMMENDATION_STATUSES).nullish(),
  addressee: z.enum(ADDRESSEES).nullish(),
  topic: z.enum(TOPICS).nullish(),
  workshop: z.string().max(100).nullish(),
}).nullish();

export const swotMatrixInput = z.object({
  topic: z.enum(TOPICS).nullish(),
  workshops: z.array(z.string().max(100)).max(100).nullish(),
  jurisdictions: z.array(jurisdictionCode).max(60).nullish(),
  itemsPerQuadrant: z.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').nullish(),
});

export const createWorkshopInput = z.object({
  title: text(3, 200),
  series: text(1, 120).nullish(),
  theme: text(3, 200),
  city: jurisdictionCode,
  startsOn: z.string(),
  endsOn: z.string(),
  organiser: entityId,
  topics: z.array(z.enum(TOPICS)).min(1, 'name at least one topic').refine(distinct, 'must not repeat a topic'),
  participantCount: z.number().int().min(0).max(10_000),
  participantOrgKinds: z.array(z.enum(ORG_KINDS)).refine(distinct, 'must not repeat a kind').nullish(),
  summary: text(3, 5_000),
  language: languageCode,
  reportStatus: z.enum(['PLANNED', 'DRAFT', 'PUBLISHED']).nullish(),
  visibility: z.enum(VISIBILITIES),
  restrictedTo: z.array(jurisdictionCode).max(30).nullish(),
}).refine((w) => w.endsOn >= w.startsOn, { message: 'must not be before startsOn', path: ['endsOn'] });

export const swotItemsInput = z.array(z.object({
  topic: z.enum(TOPICS),
  quadrant: z.enum(QUADRANTS),
  statement: text(3, 1_000),
  evidence: text(1, 2_000).nullish(),
  jurisdictions: z.array(jurisdictionCode).max(30).refine(distinct, 'must not repeat a jurisdiction').nullish(),
})).min(1, 'give at least one item').max(100);

export const keyMessageInput = z.object({
  text: text(3, 2_000),
  attribution: text(1, 200).nullish(),
});

export const recommendationInput = z.object({
  statement: text(3, 1_000),
  rationale: text(3, 5_000),
  addressees: z.array(z.enum(ADDRESSEES)).min(1, 'name at least one addressee').refine(distinct, 'must not repeat an addressee'),
  topics: z.array(z.enum(TOPICS)).refine(distinct, 'must not repeat a topic').nullish(),
  priority: z.enum(['HIGH', 'MEDIUM', 'LOW']),
});

export const reasonInput = text(3, 1_000);

/** Id shapes of the entities a recommendation may link to; their owners are other subgraphs, so only the shape is checked. */
const LINK_ID_SHAPES = {
  PROCEDURE: [/^proc-[a-z0-9][a-z0-9-]{1,94}$/, 'a procedure id such as proc-es-ct-monitoring'],
  LEGAL_FRAMEWORK: [/^[a-z]{2}(-[a-z0-9]+){1,10}$/, 'a legal framework id such as eu-2016-680'],
  CURRICULUM: [/^cur-[a-z0-9][a-z0-9-]{1,94}$/, 'a curriculum id such as cur-osint-basics'],
} as const;

export const linkTargetInput = z.object({
  type: z.enum(['PROCEDURE', 'LEGAL_FRAMEWORK', 'CURRICULUM']),
  id: z.string().max(100),
}).superRefine((t, issue) => {
  const [shape, example] = LINK_ID_SHAPES[t.type];
  if (!shape.test(t.id)) issue.addIssue({ code: 'custom', path: ['id'], message: `must be ${example}` });
});
