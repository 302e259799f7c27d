import { describe, expect, it } from 'vitest';
import {
  defaultSearchName, followsJurisdictionTopic, itemPath, newerPage, olderPage, savedSearchPath, saveSearchInput,
} from '../web/src/components/notifications/notificationLogic.ts';
import type { LinkedItem } from '../web/src/components/notifications/notificationLogic.ts';
import { hitPath } from '../web/src/components/search/hitLinks.ts';
import type { Hit } from '../web/src/components/search/hitLinks.ts';
import { parseSearchUrl } from '../web/src/components/search/searchUrl.ts';

// The notification pages' logic without a browser: where an item opens (as a search hit for it does), a saved search's
// address and what saving the search on screen sends, the list's pages.

describe('where a notified item opens', () => {
  const items: [LinkedItem, string, Hit['type']][] = [
    [{ __typename: 'Procedure', id: 'proc-de-by-monitoring' }, '/procedures/proc-de-by-monitoring', 'PROCEDURE'],
    [{ __typename: 'LegalFramework', id: 'eu-2016-680' }, '/items/LEGAL_FRAMEWORK/eu-2016-680', 'LEGAL_FRAMEWORK'],
    [{ __typename: 'LegalProvision', id: 'eu-2016-680/art-4' }, '/items/LEGAL_PROVISION/eu-2016-680%2Fart-4', 'LEGAL_PROVISION'],
    [{ __typename: 'Curriculum', id: 'cur-osint-basics' }, '/items/CURRICULUM/cur-osint-basics', 'CURRICULUM'],
    [{ __typename: 'Workshop', id: 'ws-bcn-everyday-security' }, '/items/WORKSHOP/ws-bcn-everyday-security', 'WORKSHOP'],
    [{ __typename: 'SwotItem', id: 'swot-bcn-01', workshop: { id: 'ws-bcn-everyday-security' } }, '/items/SWOT_ITEM/swot-bcn-01?workshop=ws-bcn-everyday-security', 'SWOT_ITEM'],
    [{ __typename: 'Recommendation', id: 'rec-1' }, '/items/RECOMMENDATION/rec-1', 'RECOMMENDATION'],
  ];

  it.each(items)('%o opens %s, where a search hit for it opens', (item, path, type) => {
    expect(itemPath(item)).toBe(path);
    expect(hitPath({ type, entity: item } as unknown as Hit)).toBe(path);
  });
});

describe('saved searches', () => {
  it('open the search page with their query and filters, which the search page reads back as they were saved', () => {
    const saved = { query: 'hate speech', types: ['PROCEDURE', 'LEGAL_FRAMEWORK'] as const, jurisdictions: ['DE', 'ES-CT'], topics: ['MONITORING'] as const };
    const path = savedSearchPath(saved);
    expect(path).toBe('/search?q=hate+speech&type=PROCEDURE%2CLEGAL_FRAMEWORK&j=DE%2CES-CT&topic=MONITORING');
    const state = parseSearchUrl(path.slice('/search?'.length));
    expect(state).toMatchObject({ q: 'hate speech', types: ['PROCEDURE', 'LEGAL_FRAMEWORK'], jurisdictions: ['DE', 'ES-CT'], topics: ['MONITORING'], after: null });
    expect(savedSearchPath({ query: 'osint', types: [], jurisdictions: [], topics: [] })).toBe('/search?q=osint');
  });

  it('save the query and filters on screen, not its sort or page, and leave unset filters out', () => {
    const state = parseSearchUrl('q=+monitoring+&type=PROCEDURE&topic=MONITORING&sort=NEWEST&after=abc&trail=~');
    expect(saveSearchInput(state, '  Monitoring procedures ')).toEqual({
      name: 'Monitoring procedures', query: 'monitoring', types: ['PROCEDURE'], jurisdictions: null, topics: ['MONITORING'],
    });
  });

  it('are named after their words unless the member names them, shortened past 60 characters', () => {
    expect(defaultSearchName('  social   media  ')).toBe('social media');
    const long = 'a'.repeat(80);
    expect(defaultSearchName(long)).toBe(`${'a'.repeat(59)}…`);
    expect(defaultSearchName(long)).toHaveLength(60);
  });
});

describe('the notification list', () => {
  it('goes older by the page end cursor and back newer to where it was, never before the first page', () => {
    const first: (string | null)[] = [null];
    const second = olderPage(first, 'c20');
    const third = olderPage(second, 'c40');
    expect(third).toEqual([null, 'c20', 'c40']);
    expect(newerPage(third)).toEqual([null, 'c20']);
    expect(newerPage(newerPage(third))).toEqual([null]);
    expect(newerPage(first)).toEqual([null]);
  });
});

describe('a jurisdiction and topic follow', () => {
  it('is found among the follows only for that jurisdiction and that topic', () => {
    const follows = [
      { targetType: 'PROCEDURE' as const, jurisdiction: null, topic: null },
      { targetType: 'JURISDICTION_TOPIC' as const, jurisdiction: 'DE', topic: 'MONITORING' as const },
    ];
    expect(followsJurisdictionTopic(follows, 'DE', 'MONITORING')).toBe(true);
    expect(followsJurisdictionTopic(follows, 'DE', 'INVESTIGATION')).toBe(false);
    expect(followsJurisdictionTopic(follows, 'ES', 'MONITORING')).toBe(false);
  });
});
