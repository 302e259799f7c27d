import { describe, expect, it } from 'vitest';
import { correctedQuery, correctableWords, inferCorrections, similarity } from '../web/src/components/search/corrections.ts';
import {
  filterOf, nextPage, pageNumber, parseSearchUrl, previousPage, searchUrlOf, withCriteria,
} from '../web/src/components/search/searchUrl.ts';
import { decodeEntities, markedWords, parseSnippet } from '../web/src/components/search/snippet.ts';
import { hitLanguage } from '../web/src/components/search/hitLinks.ts';
import type { Hit } from '../web/src/components/search/hitLinks.ts';

// The search page's logic without a browser: snippets as text and marks, the URL as its state, inferred corrections.

describe('search snippets', () => {
  it('splits on <mark> and </mark> into text and marked runs', () => {
    expect(parseSnippet('Open <mark>monitoring</mark> of <mark>social</mark> media')).toEqual([
      { text: 'Open ', marked: false },
      { text: 'monitoring', marked: true },
      { text: ' of ', marked: false },
      { text: 'social', marked: true },
      { text: ' media', marked: false },
    ]);
  });

  it('decodes the entities the API escapes, as text, and leaves anything else that looks like markup as text', () => {
    expect(parseSnippet('&lt;img src=x onerror=alert(1)&gt; &amp; <mark>R&amp;D</mark> &quot;x&quot; &#39;y&#39;')).toEqual([
      { text: '<img src=x onerror=alert(1)> & ', marked: false },
      { text: 'R&D', marked: true },
      { text: ' "x" \'y\'', marked: false },
    ]);
    // Raw tags other than mark (the API never sends them) are not interpreted either.
    expect(parseSnippet('<b>bold</b> <script>x</script>')).toEqual([{ text: '<b>bold</b> <script>x</script>', marked: false }]);
    // Decoding happens once: an escaped entity stays an entity in the text.
    expect(decodeEntities('&amp;lt; &nbsp; &#60;')).toBe('&lt; &nbsp; &#60;');
  });

  it('an escaped mark tag is text, an unclosed mark runs to the end, adjacent runs merge', () => {
    expect(parseSnippet('&lt;mark&gt;not a match&lt;/mark&gt;')).toEqual([{ text: '<mark>not a match</mark>', marked: false }]);
    expect(parseSnippet('a <mark>b')).toEqual([{ text: 'a ', marked: false }, { text: 'b', marked: true }]);
    expect(parseSnippet('<mark>a</mark><mark>b</mark>')).toEqual([{ text: 'ab', marked: true }]);
    expect(parseSnippet('')).toEqual([]);
  });

  it('lists the marked words folded like the search folds them', () => {
    expect(markedWords('<mark>Vigilància</mark> and <mark>vigilancia</mark>, <mark>open source</mark>')).toEqual(['vigilancia', 'open', 'source']);
  });
});

describe('search URL state', () => {
  it('reads words, filters, order and cursors, dropping what is unknown or malformed', () => {
    const s = parseSearchUrl('?q=osint+%22closed+groups%22&type=PROCEDURE,BOGUS,LEGAL_FRAMEWORK&j=ES-CT,de,../x&topic=MONITORING,NOPE&sort=NEWEST&after=bzoxOQ&trail=~');
    expect(s).toEqual({
      q: 'osint "closed groups"',
      types: ['PROCEDURE', 'LEGAL_FRAMEWORK'],
      jurisdictions: ['ES-CT', 'DE'],
      topics: ['MONITORING'],
      sort: 'NEWEST',
      after: 'bzoxOQ',
      trail: [null],
    });
    expect(parseSearchUrl('?q=x&sort=whatever&after=not%20a%20cursor&trail=~').sort).toBe('RELEVANCE');
    expect(parseSearchUrl('?q=x&after=not%20a%20cursor&trail=~')).toMatchObject({ after: null, trail: [] });
  });

  it('writes the same state back as a short URL and reads it again unchanged', () => {
    const s = parseSearchUrl('?q=hate+speech&type=PROCEDURE&j=ES-CT,DE&topic=MONITORING&sort=NEWEST');
    expect(searchUrlOf(s)).toBe('q=hate+speech&type=PROCEDURE&j=ES-CT%2CDE&topic=MONITORING&sort=NEWEST');
    expect(parseSearchUrl(searchUrlOf(s))).toEqual(s);
    expect(searchUrlOf(parseSearchUrl('?q=a'))).toBe('q=a');
  });

  it('pages forward and back through cursors, and any change of criteria starts at page one', () => {
    const first = parseSearchUrl('?q=social');
    expect(pageNumber(first)).toBe(1);
    const second = nextPage(first, 'bzoxOQ');
    const third = nextPage(second, 'bzozOQ');
    expect(pageNumber(second)).toBe(2);
    expect(pageNumber(third)).toBe(3);
    expect(parseSearchUrl(searchUrlOf(third))).toEqual(third);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(previousPage(third))).toEqual(first);
    expect(previousPage(first)).toEqual(first);
    // A link shared without its trail still pages back to the start, but does not claim a page number.
    const shared = parseSearchUrl('?q=social&after=bzozOQ');
    expect(pageNumber(shared)).toBeNull();
    expect(previousPage(shared).after).toBeNull();
    expect(withCriteria(third, { types: ['PROCEDURE'] })).toMatchObject({ after: null, trail: [], types: ['PROCEDURE'] });
  });

  it('sends only the filters that are set', () => {
    expect(filterOf(parseSearchUrl('?q=a'))).toBeNull();
    expect(filterOf(parseSearchUrl('?q=a&j=ES&topic=INVESTIGATION'))).toEqual({ jurisdictions: ['ES'], topics: ['INVESTIGATION'] });
  });
});

describe('inferred corrections ("showing results for")', () => {
  const hit = (title: string, snippet: string) => ({ title, snippet });

  it('finds the highlighted word the API widened a typo to', () => {
    const hits = [hit('Open-source checks', '<mark>Monitoring</mark> around parades'), hit('Limits', 'legal limits on <mark>monitoring</mark>')];
    expect(inferCorrections('nonitoring', hits)).toEqual([{ from: 'nonitoring', to: 'monitoring' }]);
    expect(correctedQuery('Nonitoring', [{ from: 'nonitoring', to: 'monitoring' }])).toBe('monitoring');
  });

  it('says nothing when every typed word is seen (stemmed or as a prefix), or when the evidence is missing', () => {
    expect(inferCorrections('monitoring', [hit('x', 'the service <mark>monitors</mark> posts')])).toEqual([]);
    expect(inferCorrections('polic', [hit('x', 'the <mark>police</mark>')])).toEqual([]);
    expect(inferCorrections('hate speech', [hit('Hate speech online', 'tackling <mark>hate</mark>')])).toEqual([]);
    // The corrected word matched outside the snippet: nothing highlighted resembles the typed word, so no claim.
    expect(inferCorrections('hate nonitoring', [hit('Online monitoring for hate crime', 'detect <mark>hate</mark> crime')])).toEqual([]);
    expect(inferCorrections('nonitoring', [])).toEqual([]);
  });

  it('leaves quoted, excluded and short words alone, as the API does', () => {
    expect(correctableWords('osint "closed groups" -dark -"web forum" eu Vigilància')).toEqual(['osint', 'vigilancia']);
    expect(similarity('monitoring', 'monitoring')).toBe(1);
    expect(similarity('nonitoring', 'monitoring')).toBeGreaterThan(0.5);
    expect(similarity('with', 'monitoring')).toBeLessThan(0.3);
  });
});

describe("a hit's language", () => {
  const hit = (entity: Hit['entity']): Hit => ({ cursor: 'c', type: 'PROCEDURE', title: 'T', snippet: '', entity });

  it("is the procedure's, curriculum's or workshop's own language, and unknown for types that record none", () => {
    expect(hitLanguage(hit({ __typename: 'Procedure', id: 'p', version: 1, language: 'ca', jurisdiction: { code: 'ES-CT', name: 'Catalonia' } }))).toBe('ca');
    expect(hitLanguage(hit({ __typename: 'Curriculum', id: 'c', language: 'de' }))).toBe('de');
    const workshop = { id: 'w', language: 'es', city: { code: 'ES-CT-BCN', name: 'Barcelona' } };
    expect(hitLanguage(hit({ __typename: 'Workshop', ...workshop }))).toBe('es');
    // A workshop's outputs are written in its language.
    expect(hitLanguage(hit({ __typename: 'SwotItem', id: 's', workshop }))).toBe('es');
    expect(hitLanguage(hit({ __typename: 'Recommendation', id: 'r', workshop }))).toBe('es');
    expect(hitLanguage(hit({ __typename: 'LegalFramework', id: 'f', jurisdiction: { code: 'DE', name: 'Germany' } }))).toBeUndefined();
    expect(hitLanguage(hit(null))).toBeUndefined();
  });
});
