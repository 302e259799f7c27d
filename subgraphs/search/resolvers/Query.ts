import { parseInput } from '../../../lib/errors.ts';
import { pageOf } from '../../../lib/pagination.ts';
import { parseQuery } from '../queryText.ts';
import { MAX_SEARCH_PAGE, searchFilterInput } from '../inputs.ts';
import { typeNameOf } from '../searchTypes.ts';
import { SearchResultsView } from './SearchResults.ts';
import type { QueryResolvers } from './types.generated.ts';

export const Query: QueryResolvers = {
  search: (_, args, ctx, info) => {
    const query = parseQuery(args.query);
    const filter = parseInput(searchFilterInput, args.filter ?? {});
    const page = pageOf(args, MAX_SEARCH_PAGE);
    return new SearchResultsView({
      query,
      filter: {
        types: filter.types?.map(typeNameOf),
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
