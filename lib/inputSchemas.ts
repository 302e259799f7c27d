import { z } from 'zod';

// PostgreSQL refuses a NUL character in text and JSON, and lone UTF-16 surrogates would be stored replaced: such input is
// refused up front (BAD_USER_INPUT, or NOT_FOUND for an id), together with the other control characters no person types.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text is well-formed and free of control characters (tab and line breaks aside). */
export const storable = (s: string) => !UNSTORABLE.test(s);

const UNSTORABLE_MESSAGE = 'must not contain control characters or broken Unicode';

/** Trimmed text between min and max characters that the database keeps as given, with messages a person understands. */
export const boundedText = (min: number, max: number) =>
  z.string().trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`)
    .refine(storable, UNSTORABLE_MESSAGE);

/** An id given in input (looked up, never stored as typed unless it exists). */
export const idInput = z.string().min(1).max(100).refine(storable, UNSTORABLE_MESSAGE);

/** An ISO 639-1 language code, lowercase. */
export const languageCode = z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as en or ca');

/** EU, an ISO 3166-1 alpha-2 state, an ISO 3166-2 region or a city below it (ES-CT-BCN). */
export const jurisdictionCode = z.string().regex(/^(EU|[A-Z]{2}(-[A-Z0-9]{1,3}){0,2})$/, 'must be a jurisdiction code such as ES, ES-CT or EU');

/** What a comparison is asked for: one to 60 distinct jurisdictions, and the dimensions to compare (all when absent). */
export const comparisonInput = z.object({
  jurisdictions: z.array(jurisdictionCode).min(1, 'name at least one jurisdiction').max(60)
    .refine((j) => new Set(j).size === j.length, 'must not repeat a jurisdiction'),
  dimensions: z.array(z.string().max(80)).max(100).nullish(),
});
