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
