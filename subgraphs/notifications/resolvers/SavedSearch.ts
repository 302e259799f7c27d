import { SAVED_SEARCH_TYPE_OF } from '../views.ts';
import type { SavedSearchResolvers } from './types.generated.ts';

export const SavedSearch: SavedSearchResolvers = {
  types: (s) => s.docTypes.map((t) => SAVED_SEARCH_TYPE_OF[t] as never),
};
