import type { GraphQLResolveInfo } from 'graphql';
import { parseInput } from '../../../lib/errors.ts';
import { pageOf } from '../../../lib/pagination.ts';
import type { SearchSort } from '../engine/engine.ts';
import { parseQuery } from '../engine/queryText.ts';
import { MAX_SEARCH_PAGE, searchFilterInput } from '../inputs.ts';
import { typeNameOf } from '../searchTypes.ts';
import type { SearchTypeValue } from '../searchTypes.ts';
import type { Ctx } from './context.ts';
import { SearchResults } from './SearchResults.ts';

interface SearchArgs {
  query: string;
  filter?: { types?: SearchTypeValue[] | null; jurisdictions?: string[] | null; topics?: string[] | null; languages?: string[] | null } | null;
  first?: number | null;
  after?: string | null;
  sort?: SearchSort | null;
}

export const Query = {
  search: (_: unknown, args: SearchArgs, ctx: Ctx, info: GraphQLResolveInfo) => {
    const query = parseQuery(args.query);
    const filter = parseInput(searchFilterInput, args.filter ?? {});
    const page = pageOf(args, MAX_SEARCH_PAGE);
    return new SearchResults({
      query,
      filter: {
        types: filter.types?.map((t) => typeNameOf(t as SearchTypeValue)),
        jurisdictions: filter.jurisdictions ?? undefined,
        topics: filter.topics ?? undefined,
        languages: filter.languages ?? undefined,
      },
      viewer: ctx.viewer,
      sort: args.sort ?? 'RELEVANCE',
      offset: page.offset,
      limit: page.limit,
    }, ctx, ctx.audit.operationNameOf(info.operation));
  },
};
