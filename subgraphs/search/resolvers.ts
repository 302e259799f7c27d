import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { isNonPublic } from '../../lib/audit/declarations.ts';
import { parseInput } from '../../lib/errors.ts';
import { jurisdictionCode, languageCode } from '../../lib/inputSchemas.ts';
import { connectionOf, cursorAt, pageOf } from '../../lib/pagination.ts';
import type { Facet, SearchPage, SearchRequest, SearchSort } from './engine/engine.ts';
import { parseQuery } from './engine/queryText.ts';
import type { SubgraphContext } from '../../lib/context.ts';
import type { SearchLoaders } from './loaders.ts';
import { searchTypeOf, typeNameOf } from './searchTypes.ts';
import type { SearchTypeValue } from './searchTypes.ts';

type Ctx = SubgraphContext<SearchLoaders>;

export const MAX_SEARCH_PAGE = 50;
const MAX_FILTER_VALUES = 50;

const filterSchema = z.object({
  types: z.array(z.string()).max(MAX_FILTER_VALUES).nullish(),
  jurisdictions: z.array(jurisdictionCode).max(MAX_FILTER_VALUES).nullish(),
  topics: z.array(z.string()).max(MAX_FILTER_VALUES).nullish(),
  languages: z.array(languageCode).max(MAX_FILTER_VALUES).nullish(),
});

interface SearchArgs {
  query: string;
  filter?: { types?: SearchTypeValue[] | null; jurisdictions?: string[] | null; topics?: string[] | null; languages?: string[] | null } | null;
  first?: number | null;
  after?: string | null;
  sort?: SearchSort | null;
}

/** The results object: the page and the facets are asked from the engine only when selected, once each. */
class SearchResults {
  private pageResult: Promise<SearchPage> | null = null;
  private facetResult: Promise<Facet[]> | null = null;
  constructor(private readonly req: SearchRequest, private readonly ctx: Ctx, private readonly operationName: string | null) {}
  private page() {
    return (this.pageResult ??= this.ctx.loaders.caughtUp().then(() => this.ctx.loaders.engine.search(this.req)));
  }
  async total() {
    return (await this.page()).total;
  }
  async hits() {
    const { hits } = await this.page();
    // Titles and snippets of non-public items are consultations too (the owner logs the entity if it is asked for).
    const restricted = hits.filter(isNonPublic);
    for (const type of new Set(restricted.map((h) => h.type))) {
      this.ctx.audit.record({
        kind: 'CONSULTATION', decision: 'ALLOWED', operationType: 'query', operationName: this.operationName, entityType: type,
        entityIds: restricted.filter((h) => h.type === type).map((h) => h.id), field: 'Query.search',
      });
    }
    return hits.map((h, i) => ({
      cursor: cursorAt(this.req.offset + i),
      score: h.score,
      type: searchTypeOf(h.type),
      title: h.title,
      snippet: h.snippet,
      entity: { __typename: h.type, id: h.id },
    }));
  }
  async pageInfo() {
    const { hits, total } = await this.page();
    return connectionOf(hits, total, { offset: this.req.offset, limit: this.req.limit }).pageInfo;
  }
  async facets() {
    this.facetResult ??= this.ctx.loaders.caughtUp().then(() => this.ctx.loaders.engine.facets(this.req));
    return (await this.facetResult).map((f) => ({
      field: f.field.toUpperCase(),
      values: f.field === 'type' ? f.values.map((v) => ({ ...v, value: searchTypeOf(v.value) ?? v.value })) : f.values,
    }));
  }
}

export const resolvers = {
  Query: {
    search: (_: unknown, args: SearchArgs, ctx: Ctx, info: GraphQLResolveInfo) => {
      const query = parseQuery(args.query);
      const filter = parseInput(filterSchema, args.filter ?? {});
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
  },
  SearchResult: {
    __resolveType: (entity: { __typename: string }) => entity.__typename,
  },
};
