import type { SearchResultResolvers } from './types.generated.ts';

export const SearchResult: SearchResultResolvers = {
  __resolveType: (entity) => entity.__typename ?? null,
};
