import { z } from 'zod';

/** Trimmed text between min and max characters, with messages a person understands. */
export const boundedText = (min: number, max: number) =>
  z.string().trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

/** EU, an ISO 3166-1 alpha-2 state, an ISO 3166-2 region or a city below it (ES-CT-BCN). */
export const jurisdictionCode = z.string().regex(/^(EU|[A-Z]{2}(-[A-Z0-9]{1,3}){0,2})$/, 'must be a jurisdiction code such as ES, ES-CT or EU');
