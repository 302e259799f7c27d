import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo } from 'react';
import { Button, Checkbox, CheckboxGroup, Disclosure, DisclosurePanel, Heading, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { correctedQuery, inferCorrections } from '../components/search/corrections.ts';
import { hitJurisdiction, hitLanguage, hitPath } from '../components/search/hitLinks.ts';
import type { Hit } from '../components/search/hitLinks.ts';
import {
  filterOf, nextPage, pageNumber, parseSearchUrl, previousPage, searchUrlOf, withCriteria,
} from '../components/search/searchUrl.ts';
import type { SearchState, SearchTypeCode, SortCode, TopicCode } from '../components/search/searchUrl.ts';
import { Snippet } from '../components/search/Snippet.tsx';
import '../components/search/search.css';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { SearchDocument, SearchFacetsDocument, SearchJurisdictionNamesDocument } from '../gql/graphql.ts';
import type { SearchFacetField, SearchQuery } from '../gql/graphql.ts';

const PAGE_SIZE = 20;
// Members only, so its own chunk: the search page's first load stays the same for everyone else.
const SaveSearch = lazy(() => import('../components/notifications/SaveSearch.tsx'));
type Facets = SearchQuery['search']['facets'];

export default function Search() {
  const { t } = useTranslation('search');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = useMemo(() => parseSearchUrl(params), [params]);
  const hasQuery = params.has('q');
  const { session } = useAuth();
  usePageTitle(state.q.trim() ? t('titleFor', { query: state.q.trim() }) : t('title'));
  const go = (next: SearchState) => navigate(`/search?${searchUrlOf(next)}`);

  const { data, previousData, loading, error, refetch } = useQuery(SearchDocument, {
    variables: { query: state.q, filter: filterOf(state), first: PAGE_SIZE, after: state.after, sort: state.sort },
    skip: !hasQuery,
    errorPolicy: 'all',
  });
  const facets = useFieldFacets(state, data?.search.facets ?? previousData?.search.facets);
  const results = data?.search ?? (loading ? previousData?.search : undefined);

  return (
    <section className="page search-page">
      <h1>{t('title')}</h1>
      {session && state.q.trim() && <Suspense fallback={null}><SaveSearch state={state} /></Suspense>}
      {!hasQuery ? (
        <p>{t('intro')}</p>
      ) : error && !data?.search ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !results ? (
        <Loading />
      ) : (
        <div className="search-layout">
          <SearchFilters state={state} facets={facets} go={go} />
          <div className="search-results" aria-busy={loading}>
            <Results state={state} results={results} go={go} />
          </div>
        </div>
      )}
    </section>
  );
}

/** Facet counts per field; a filtered field's counts come from the same search without its own filter. */
function useFieldFacets(state: SearchState, base: Facets | undefined): Facets | undefined {
  const filter = filterOf(state) ?? {};
  const without = (field: 'types' | 'jurisdictions' | 'topics') => {
    const { [field]: _, ...rest } = filter as Record<string, unknown>;
    return Object.keys(rest).length ? rest : null;
  };
  const { data } = useQuery(SearchFacetsDocument, {
    variables: {
      query: state.q,
      withoutTypes: without('types'),
      withoutJurisdictions: without('jurisdictions'),
      withoutTopics: without('topics'),
      types: state.types.length > 0,
      jurisdictions: state.jurisdictions.length > 0,
      topics: state.topics.length > 0,
    },
    skip: !base || !filterOf(state),
    errorPolicy: 'all',
  });
  if (!base) return undefined;
  const pick = (field: SearchFacetField, from: Facets | undefined) => (from ?? base).find((f) => f.field === field) ?? { field, values: [] };
  return [
    pick('TYPE', data?.byType?.facets),
    pick('JURISDICTION', data?.byJurisdiction?.facets),
    pick('TOPIC', data?.byTopic?.facets),
  ];
}

function SearchFilters({ state, facets, go }: { state: SearchState; facets: Facets | undefined; go: (s: SearchState) => void }) {
  const { t } = useTranslation('search');
  const { t: common } = useTranslation();
  const { data: names } = useQuery(SearchJurisdictionNamesDocument);
  const nameOf = (code: string) => names?.jurisdictions.find((j) => j.code === code)?.name ?? code;
  const applied = state.types.length + state.jurisdictions.length + state.topics.length;
  const wide = typeof window === 'undefined' || window.matchMedia('(min-width: 56rem)').matches;
  const groups: { field: SearchFacetField; selected: string[]; label: (v: string) => string; set: (v: string[]) => SearchState }[] = [
    { field: 'TYPE', selected: state.types, label: (v) => t(`type.${v}`, { defaultValue: v }), set: (v) => withCriteria(state, { types: v as SearchTypeCode[] }) },
    { field: 'JURISDICTION', selected: state.jurisdictions, label: nameOf, set: (v) => withCriteria(state, { jurisdictions: v }) },
    { field: 'TOPIC', selected: state.topics, label: (v) => common(`topic.${v}`, { defaultValue: v }), set: (v) => withCriteria(state, { topics: v as TopicCode[] }) },
  ];
  return (
    <aside className="search-filters" aria-labelledby="search-filters-heading">
      <Disclosure defaultExpanded={wide}>
        <Heading level={2} id="search-filters-heading" className="search-filters-heading">
          <Button slot="trigger" className="search-filters-toggle">
            <span aria-hidden="true" className="search-chevron" />
            {applied ? t('filtersActive', { count: applied }) : t('filters')}
          </Button>
        </Heading>
        <DisclosurePanel>
          <RadioGroup
            className="search-sort"
            value={state.sort}
            onChange={(v) => go(withCriteria(state, { sort: v as SortCode }))}
          >
            <Label className="search-group-label">{t('sort.label')}</Label>
            {(['RELEVANCE', 'NEWEST'] as const).map((s) => (
              <Radio key={s} value={s} className="search-option"><span className="search-radio" aria-hidden="true" />{t(`sort.${s}`)}</Radio>
            ))}
          </RadioGroup>
          {groups.map((g) => {
            const values = facets?.find((f) => f.field === g.field)?.values ?? [];
            // A ticked value stays listed (count 0) even when nothing matches it any more, so it can be unticked.
            const shown = [...values, ...g.selected.filter((s) => !values.some((v) => v.value === s)).map((value) => ({ value, count: 0 }))];
            if (shown.length === 0) return null;
            return (
              <CheckboxGroup key={g.field} className="search-facet" value={g.selected} onChange={(v) => go(g.set(v))}>
                <Label className="search-group-label">{t(`facet.${g.field}`)}</Label>
                {shown.map((v) => (
                  <Checkbox key={v.value} value={v.value} className="search-option">
                    <span className="search-box" aria-hidden="true" />
                    {t('facetValue', { label: g.label(v.value), count: v.count })}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            );
          })}
          {applied > 0 && (
            <Button className="button search-clear" onPress={() => go(withCriteria(state, { types: [], jurisdictions: [], topics: [] }))}>
              {t('clearFilters')}
            </Button>
          )}
        </DisclosurePanel>
      </Disclosure>
    </aside>
  );
}

function Results({ state, results, go }: { state: SearchState; results: SearchQuery['search']; go: (s: SearchState) => void }) {
  const { t } = useTranslation('search');
  const query = state.q.trim();
  const corrections = inferCorrections(query, results.hits);
  const filtered = filterOf(state) !== null;
  const page = pageNumber(state);
  return (
    <>
      <p className="search-summary" role="status" aria-live="polite">{t('summary', { count: results.total, query })}</p>
      {corrections.length > 0 && (
        <p className="notice search-correction">
          {t('correctedTo', { query: correctedQuery(query, corrections), words: corrections.map((c) => `“${c.from}”`).join(', ') })}
        </p>
      )}
      {results.hits.length === 0 ? (
        <Empty>
          {filtered ? t('noResultsFiltered', { query }) : t('noResults', { query })} {t('noResultsHint')}
        </Empty>
      ) : (
        <>
          <h2 className="visually-hidden">{t('resultsLabel')}</h2>
          <ol className="search-hits">
            {results.hits.map((hit) => <HitItem key={hit.cursor} hit={hit} />)}
          </ol>
        </>
      )}
      {(state.after || results.pageInfo.hasNextPage) && (
        <nav className="search-pages" aria-label={t('pagination.label')}>
          {state.after ? <Link className="button" to={`/search?${searchUrlOf(previousPage(state))}`}>{t('pagination.previous')}</Link> : <span />}
          {page !== null && <span className="muted">{t('pagination.page', { page })}</span>}
          {results.pageInfo.hasNextPage && results.pageInfo.endCursor ? (
            <Link className="button" to={`/search?${searchUrlOf(nextPage(state, results.pageInfo.endCursor))}`}>{t('pagination.next')}</Link>
          ) : <span />}
        </nav>
      )}
      {filtered && results.hits.length === 0 && (
        <Button className="button" onPress={() => go(withCriteria(state, { types: [], jurisdictions: [], topics: [] }))}>{t('clearFilters')}</Button>
      )}
    </>
  );
}

function HitItem({ hit }: { hit: Hit }) {
  const { t } = useTranslation('search');
  const path = hitPath(hit);
  const jurisdiction = hitJurisdiction(hit);
  const language = hitLanguage(hit);
  return (
    <li className="search-hit">
      <div className="search-hit-meta">
        <span className="badge badge-muted search-type">{t(`type.${hit.type}`, { defaultValue: hit.type })}</span>
        <span className="muted">{jurisdiction ? t('hit.jurisdiction', { name: jurisdiction.name }) : t('hit.noJurisdiction')}</span>
      </div>
      <h3 className="search-hit-title" lang={language}>{path ? <Link to={path}>{hit.title}</Link> : hit.title}</h3>
      {!path && <p className="muted">{t('hit.gone')}</p>}
      {hit.snippet && <div lang={language}><Snippet snippet={hit.snippet} /></div>}
    </li>
  );
}
