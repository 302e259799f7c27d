// What the search page shows lives in its URL, so a result list can be shared and the back button works:
// /search?q=osint&type=PROCEDURE,LEGAL_FRAMEWORK&j=ES-CT,DE&topic=MONITORING&sort=NEWEST&after=<cursor>&trail=<cursors>
// `after` is the cursor the page starts after; `trail` holds the `after` of each earlier page (for "Previous").

export const SEARCH_TYPES = [
  'PROCEDURE', 'LEGAL_FRAMEWORK', 'LEGAL_PROVISION', 'CURRICULUM', 'WORKSHOP', 'SWOT_ITEM', 'RECOMMENDATION',
] as const;
export type SearchTypeCode = (typeof SEARCH_TYPES)[number];
export const TOPICS = ['COMMUNICATION', 'MONITORING', 'INVESTIGATION'] as const;
export type TopicCode = (typeof TOPICS)[number];
export type SortCode = 'RELEVANCE' | 'NEWEST';

export interface SearchState {
  q: string;
  types: SearchTypeCode[];
  jurisdictions: string[];
  topics: TopicCode[];
  sort: SortCode;
  after: string | null;
  trail: (string | null)[];
}

/** Stands for "the first page" in the trail (cursors are base64url and never contain it). */
const FIRST_PAGE = '~';
const JURISDICTION_CODE = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

const listOf = (params: URLSearchParams, name: string): string[] =>
  [...new Set((params.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean))];

const oneOf = <T extends string>(values: readonly T[]) => (v: string): v is T => (values as readonly string[]).includes(v);

/** The page's state from its URL; anything unknown or malformed is dropped rather than sent to the API. */
export function parseSearchUrl(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const after = params.get('after');
  const trail = listOf(params, 'trail').filter((c) => c === FIRST_PAGE || CURSOR.test(c)).map((c) => (c === FIRST_PAGE ? null : c));
  const validAfter = after && CURSOR.test(after) ? after : null;
  return {
    q: params.get('q') ?? '',
    types: listOf(params, 'type').filter(oneOf(SEARCH_TYPES)),
    jurisdictions: listOf(params, 'j').map((s) => s.toUpperCase()).filter((s) => JURISDICTION_CODE.test(s)),
    topics: listOf(params, 'topic').filter(oneOf(TOPICS)),
    sort: params.get('sort') === 'NEWEST' ? 'NEWEST' : 'RELEVANCE',
    after: validAfter,
    trail: validAfter ? trail : [],
  };
}

/** The URL query string (without '?') for a state; defaults are left out so links stay short. */
export function searchUrlOf(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.types.length) params.set('type', state.types.join(','));
  if (state.jurisdictions.length) params.set('j', state.jurisdictions.join(','));
  if (state.topics.length) params.set('topic', state.topics.join(','));
  if (state.sort !== 'RELEVANCE') params.set('sort', state.sort);
  if (state.after) {
    params.set('after', state.after);
    if (state.trail.length) params.set('trail', state.trail.map((c) => c ?? FIRST_PAGE).join(','));
  }
  return params.toString();
}

/** Changing what is searched (words, filters, order) starts again at the first page. */
export function withCriteria(state: SearchState, change: Partial<Omit<SearchState, 'after' | 'trail'>>): SearchState {
  return { ...state, ...change, after: null, trail: [] };
}

export function nextPage(state: SearchState, endCursor: string): SearchState {
  return { ...state, after: endCursor, trail: [...state.trail, state.after] };
}

export function previousPage(state: SearchState): SearchState {
  if (!state.after) return state;
  return { ...state, after: state.trail.at(-1) ?? null, trail: state.trail.slice(0, -1) };
}

/** 1 for the first page, 2 after one "Next", and so on; null when a shared link starts mid-list without its trail. */
export function pageNumber(state: SearchState): number | null {
  if (!state.after) return 1;
  return state.trail.length ? state.trail.length + 1 : null;
}

/** The filter argument of the API's search, or null when nothing is filtered. */
export function filterOf(state: SearchState) {
  const filter = {
    ...(state.types.length ? { types: state.types } : {}),
    ...(state.jurisdictions.length ? { jurisdictions: state.jurisdictions } : {}),
    ...(state.topics.length ? { topics: state.topics } : {}),
  };
  return Object.keys(filter).length ? filter : null;
}
