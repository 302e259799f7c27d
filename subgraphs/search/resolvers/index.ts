import { Query } from './Query.ts';
import { SearchResult } from './SearchResult.ts';
import type { Resolvers } from './types.generated.ts';

// SearchResults is resolved by the methods of the object Query.search returns (./SearchResults.ts).
export const resolvers: Resolvers = { Query, SearchResult };
