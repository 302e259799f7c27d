import { isNonPublic } from '../../../lib/audit/declarations.ts';
import { connectionOf, cursorAt } from '../../../lib/pagination.ts';
import type { Facet, FacetField, SearchPage, SearchRequest } from '../engine.ts';
import { searchTypeOf, typeNameOf } from '../searchTypes.ts';
import type { Ctx } from './context.ts';
import type { PageInfo, SearchFacet, SearchFacetField, SearchHit } from './types.generated.ts';

const FACET_FIELDS: Record<FacetField, SearchFacetField> = { type: 'TYPE', jurisdiction: 'JURISDICTION', topic: 'TOPIC' };

/**
 * The results object `Query.search` returns; its methods resolve the SearchResults fields. The page and the facets are
 * asked from the engine only when selected, once each.
 */
export class SearchResultsView {
  private pageResult: Promise<SearchPage> | null = null;
  private facetResult: Promise<Facet[]> | null = null;
  constructor(private readonly req: SearchRequest, private readonly ctx: Ctx, private readonly operationName: string | null) {}
  private page() {
    return (this.pageResult ??= this.ctx.loaders.caughtUp().then(() => this.ctx.loaders.engine.search(this.req)));
  }
  async total(): Promise<number> {
    return (await this.page()).total;
  }
  async hits(): Promise<SearchHit[]> {
    const { hits } = await this.page();
    // Titles and snippets of non-public items are consultations too (the owner logs the entity if it is asked for).
    const restricted = hits.filter(isNonPublic);
    for (const type of new Set(restricted.map((h) => h.type))) {
      this.ctx.audit.record({
        kind: 'CONSULTATION', decision: 'ALLOWED', operationType: 'query', operationName: this.operationName, entityType: type,
        entityIds: restricted.filter((h) => h.type === type).map((h) => h.id), field: 'Query.search',
      });
    }
    return hits.map((h, i) => {
      const type = searchTypeOf(h.type);
      // The sources' search_documents views hold only searchable types.
      if (!type) throw new Error(`The index holds ${h.type} ${h.id}, which is not a searchable type.`);
      return {
        cursor: cursorAt(this.req.offset + i),
        score: h.score,
        type,
        title: h.title,
        snippet: h.snippet,
        entity: { __typename: typeNameOf(type), id: h.id },
      };
    });
  }
  async pageInfo(): Promise<PageInfo> {
    const { hits, total } = await this.page();
    return connectionOf(hits, total, { offset: this.req.offset, limit: this.req.limit }).pageInfo;
  }
  async facets(): Promise<SearchFacet[]> {
    this.facetResult ??= this.ctx.loaders.caughtUp().then(() => this.ctx.loaders.engine.facets(this.req));
    return (await this.facetResult).map((f) => ({
      field: FACET_FIELDS[f.field],
      values: f.field === 'type' ? f.values.map((v) => ({ ...v, value: searchTypeOf(v.value) ?? v.value })) : f.values,
    }));
  }
}
