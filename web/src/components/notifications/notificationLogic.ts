import type { FollowTargetType, SavedSearchType, Topic } from '../../gql/graphql.ts';
import type { SearchState } from '../search/searchUrl.ts';

// What the notification pages compute without the API: where a saved search opens, what a search page's state saves,
// and the trail of pages of the notification list.

export interface SavedSearchCriteria {
  query: string;
  types: readonly SavedSearchType[];
  jurisdictions: readonly string[];
  topics: readonly Topic[];
}

/**
 * The search page's address for a saved search: its query and filters, first page, by relevance, in the search page's
 * own URL format (components/search/searchUrl.ts; not imported, so that the search page's first load stays its own).
 */
export function savedSearchPath(s: SavedSearchCriteria): string {
  const params = new URLSearchParams({ q: s.query });
  if (s.types.length) params.set('type', s.types.join(','));
  if (s.jurisdictions.length) params.set('j', s.jurisdictions.join(','));
  if (s.topics.length) params.set('topic', s.topics.join(','));
  return `/search?${params.toString()}`;
}

/** An item the API names in a notification or a follow (a SWOT item with its workshop). */
export type LinkedItem =
  | { __typename: 'Procedure' | 'LegalFramework' | 'LegalProvision' | 'Curriculum' | 'Workshop' | 'Recommendation'; id: string }
  | { __typename: 'SwotItem'; id: string; workshop: { id: string } };

const ITEM_TYPE = {
  Procedure: 'PROCEDURE', LegalFramework: 'LEGAL_FRAMEWORK', LegalProvision: 'LEGAL_PROVISION', Curriculum: 'CURRICULUM',
  Workshop: 'WORKSHOP', SwotItem: 'SWOT_ITEM', Recommendation: 'RECOMMENDATION',
} as const;

/**
 * Where an item opens: the same address a search hit for it opens (components/search/hitLinks.ts, checked against it
 * by test/web.notifications.unit.test.ts): procedures their own page, every other type the generic item page.
 */
export function itemPath(item: LinkedItem): string {
  const id = encodeURIComponent(item.id);
  switch (item.__typename) {
    case 'Procedure': return `/procedures/${id}`;
    case 'SwotItem': return `/items/SWOT_ITEM/${id}?workshop=${encodeURIComponent(item.workshop.id)}`;
    default: return `/items/${ITEM_TYPE[item.__typename]}/${id}`;
  }
}

/** What "Save this search" sends for the search on screen: its query and filters (the sort and page are not a search's). */
export function saveSearchInput(state: SearchState, name: string) {
  return {
    name: name.trim(),
    query: state.q.trim(),
    types: state.types.length ? state.types : null,
    jurisdictions: state.jurisdictions.length ? state.jurisdictions : null,
    topics: state.topics.length ? state.topics : null,
  };
}

/** The name a saved search gets unless the member gives another: its words, shortened. */
export function defaultSearchName(query: string): string {
  const words = query.trim().replace(/\s+/g, ' ');
  return words.length > 60 ? `${words.slice(0, 59)}…` : words;
}

/**
 * The notification list's pages: the cursors each shown page starts after (null for the first). Going older pushes
 * the page's end cursor; going newer pops it.
 */
export const olderPage = (trail: readonly (string | null)[], endCursor: string) => [...trail, endCursor];
export const newerPage = (trail: readonly (string | null)[]) => (trail.length > 1 ? trail.slice(0, -1) : [null]);

/** What a follow button sends for an item, or for a jurisdiction and topic. */
export type FollowTarget =
  | { targetType: Exclude<FollowTargetType, 'JURISDICTION_TOPIC'>; id: string }
  | { targetType: 'JURISDICTION_TOPIC'; jurisdiction: string; topic: Topic };

/** Whether a member's follows (as the API lists them) include a jurisdiction and topic. */
export function followsJurisdictionTopic(
  follows: readonly { targetType: FollowTargetType; jurisdiction?: string | null; topic?: Topic | null }[], jurisdiction: string, topic: Topic,
): boolean {
  return follows.some((f) => f.targetType === 'JURISDICTION_TOPIC' && f.jurisdiction === jurisdiction && f.topic === topic);
}
