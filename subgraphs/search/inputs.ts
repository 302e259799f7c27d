import { z } from 'zod';
import { jurisdictionCode, languageCode } from '../../lib/inputSchemas.ts';
import { SEARCH_TYPES } from './searchTypes.ts';
import type { SearchTypeValue } from './searchTypes.ts';

export const MAX_SEARCH_PAGE = 50;
const MAX_FILTER_VALUES = 50;

export const searchFilterInput = z.object({
  types: z.array(z.custom<SearchTypeValue>((t) => typeof t === 'string' && Object.hasOwn(SEARCH_TYPES, t))).max(MAX_FILTER_VALUES).nullish(),
  jurisdictions: z.array(jurisdictionCode).max(MAX_FILTER_VALUES).nullish(),
  topics: z.array(z.string()).max(MAX_FILTER_VALUES).nullish(),
  languages: z.array(languageCode).max(MAX_FILTER_VALUES).nullish(),
});
