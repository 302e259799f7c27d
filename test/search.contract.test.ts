import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSee } from '../lib/access.ts';
import type { Viewer } from '../lib/access.ts';
import type { SearchEngine, SearchFilter, SearchRequest, SearchSort } from '../subgraphs/search/engine.ts';
import { MeiliSearchEngine } from '../subgraphs/search/meiliEngine.ts';
import { PostgresSearchEngine } from '../subgraphs/search/postgresEngine.ts';
import { parseQuery } from '../subgraphs/search/queryText.ts';
import type { Databases } from '../scripts/platform.ts';
import { freshDatabases } from './support/platform.ts';
import { CONTRACT_DOCUMENTS, VIEWERS } from './support/searchFixtures.ts';

// One contract, every engine: PostgreSQL always, Meilisearch when MEILI_URL names a running server.

interface EngineUnderTest {
  engine: SearchEngine;
  close(): Promise<void>;
}

async function postgresEngine(): Promise<EngineUnderTest> {
  const dbs: Databases = await freshDatabases({ seeded: false });
  return { engine: new PostgresSearchEngine(dbs.bySubgraph.search!), close: () => dbs.close() };
}

async function meiliEngine(): Promise<EngineUnderTest> {
  const uid = `eunomia_contract_${randomBytes(4).toString('hex')}`;
  const engine = new MeiliSearchEngine({ url: process.env.MEILI_URL!, apiKey: process.env.MEILI_KEY, index: uid });
  return {
    engine,
    close: async () => {
      const { Meilisearch } = await import('meilisearch');
      await new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_KEY }).deleteIndex(uid).waitTask();
    },
  };
}

function contract(name: string, open: () => Promise<EngineUnderTest>) {
  describe(`search engine contract: ${name}`, () => {
    let under: EngineUnderTest;
    let engine: SearchEngine;
    beforeAll(async () => {
      under = await open();
      engine = under.engine;
      await engine.clear();
      await engine.index(CONTRACT_DOCUMENTS);
    });
    afterAll(async () => {
      await under?.close();
    });

    const request = (q: string, opts: { viewer?: Viewer; filter?: SearchFilter; sort?: SearchSort; offset?: number; limit?: number } = {}): SearchRequest => ({
      query: parseQuery(q), filter: opts.filter ?? {}, viewer: opts.viewer ?? VIEWERS.managerGermany, sort: opts.sort ?? 'RELEVANCE',
      offset: opts.offset ?? 0, limit: opts.limit ?? 50,
    });
    const ids = async (q: string, opts: Parameters<typeof request>[1] = {}) => (await engine.search(request(q, opts))).hits.map((h) => h.id);

    it('ranks a match in the title above a passing mention in the body', async () => {
      const found = await ids('crisis communication');
      expect(found.slice(0, 2)).toEqual(['r-crisis-title', 's-crisis-body']);
    });

    it('tolerates typos', async () => {
      expect(await ids('monitorng')).toContain('p-monitor');
      expect(await ids('proceedure supervisor')).toContain('p-monitor');
    });

    it.each([
      ['en', 'monitored events', 'p-monitor'],
      ['es', 'detención', 'p-es'],
      ['de', 'Ermittlung Genehmigung', 'p-de'],
      ['fr', 'donnée autorités', 'f-fr'],
      ['nl', 'burgers', 'c-nl'],
      ['it', 'indagine', 'c-it'],
    ])('matches other forms of a word in the document\'s language (%s)', async (_lang, q, id) => {
      expect(await ids(q)).toContain(id);
    });

    it('matches a quoted phrase only where the words stand together', async () => {
      const found = await ids('"social media"');
      expect(found).toContain('p-monitor');
      expect(found).not.toContain('p-media-events');
      expect(await ids('social media')).toContain('p-media-events');
    });

    it('leaves out excluded words and phrases', async () => {
      const all = await ids('monitoring');
      expect(all).toEqual(expect.arrayContaining(['p-monitor', 'p-budget']));
      const without = await ids('monitoring -budget');
      expect(without).toContain('p-monitor');
      expect(without).not.toContain('p-budget');
      expect(await ids('monitoring -"large events"')).not.toContain('p-monitor');
    });

    it('filters by type, jurisdiction, topic and language', async () => {
      expect(await ids('monitoring', { filter: { types: ['Procedure'] } })).toEqual(expect.arrayContaining(['p-monitor', 'p-budget']));
      expect(await ids('monitoring', { filter: { types: ['Workshop'] }, viewer: VIEWERS.practitionerCatalonia })).toEqual(['w-restricted']);
      expect(await ids('communication', { filter: { jurisdictions: ['ES-CT'] } })).toEqual(expect.arrayContaining(['r-crisis-title', 's-crisis-body']));
      expect(await ids('communication', { filter: { jurisdictions: ['NL'] } })).toEqual([]);
      expect(await ids('patrol', { filter: { topics: ['MONITORING'] } })).toEqual([]);
      expect((await ids('patrol', { filter: { topics: ['COMMUNICATION'] } })).length).toBe(25);
      expect(await ids('sociales', { filter: { languages: ['es'] } })).toEqual(['p-es']);
    });

    it('counts facets over every match, not only the page', async () => {
      const req = request('patrol', { limit: 5 });
      const page = await engine.search(req);
      expect(page.total).toBe(25);
      expect(page.hits).toHaveLength(5);
      const facets = await engine.facets(req);
      const of = (field: string) => Object.fromEntries(facets.find((f) => f.field === field)!.values.map((v) => [v.value, v.count]));
      expect(of('type')).toEqual({ SwotItem: 25 });
      expect(of('jurisdiction')).toEqual({ NL: 25 });
      expect(of('topic')).toEqual({ COMMUNICATION: 25 });
    });

    it('pages through every match once, in a stable order', async () => {
      const seen: string[] = [];
      for (let offset = 0; offset < 25; offset += 10) {
        const page = await engine.search(request('patrol', { offset, limit: 10 }));
        expect(page.total).toBe(25);
        seen.push(...page.hits.map((h) => h.id));
      }
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
    });

    it('sorts newest first when asked', async () => {
      const found = await ids('patrol', { sort: 'NEWEST', limit: 3 });
      expect(found).toEqual(['s-patrol-24', 's-patrol-23', 's-patrol-22']);
    });

    it('returns snippets with the matches marked and the text escaped', async () => {
      const [hit] = (await engine.search(request('supervisor'))).hits;
      expect(hit!.id).toBe('p-monitor');
      expect(hit!.snippet).toMatch(/<mark>supervisor<\/mark>/i);
      const [html] = (await engine.search(request('competent authority'))).hits;
      expect(html!.id).toBe('l-html');
      expect(html!.snippet).toContain('&lt;b&gt;');
      expect(html!.snippet).not.toContain('<b>');
      expect(html!.snippet).toMatch(/<mark>competent<\/mark>/i);
    });

    describe('never counts or returns what the viewer may not see', () => {
      it.each(Object.entries(VIEWERS))('%s', async (_name, viewer) => {
        const req = request('monitoring', { viewer });
        const page = await engine.search(req);
        const expected = CONTRACT_DOCUMENTS.filter((d) => canSee(viewer, d) && /\bmonitor(s|ed|ing)?\b/i.test(`${d.title} ${d.body}`)).map((d) => d.id).sort();
        expect(page.hits.map((h) => h.id).sort()).toEqual(expected);
        expect(page.total).toBe(expected.length);
        const facets = await engine.facets(req);
        const typeCounts = facets.find((f) => f.field === 'type')!.values.reduce((n, v) => n + v.count, 0);
        expect(typeCounts).toBe(expected.length);
      });

      it('shows a jurisdiction-restricted item only to law-enforcement staff of that jurisdiction', async () => {
        expect(await ids('roster', { viewer: VIEWERS.practitionerCatalonia })).toEqual(['w-restricted']);
        expect(await ids('roster', { viewer: VIEWERS.managerGermany })).toEqual([]);
        expect(await ids('roster', { viewer: VIEWERS.anonymous })).toEqual([]);
      });
    });

    it('upserts by type and id, and removes', async () => {
      const before = await engine.count();
      const changed = { ...CONTRACT_DOCUMENTS[0]!, title: 'Monitoring social media at festivals' };
      await engine.index([changed]);
      await engine.index([changed]);
      expect(await engine.count()).toBe(before);
      expect(await ids('festivals')).toEqual(['p-monitor']);
      await engine.remove([{ type: 'Procedure', id: 'p-monitor' }]);
      expect(await ids('festivals')).toEqual([]);
      expect(await engine.count()).toBe(before - 1);
      await engine.index([CONTRACT_DOCUMENTS[0]!]);
    });
  });
}

contract('PostgreSQL', postgresEngine);

describe.skipIf(!process.env.MEILI_URL)('Meilisearch (needs MEILI_URL, e.g. docker compose up -d meilisearch; see README)', () => {
  contract('Meilisearch', meiliEngine);
});

describe('PostgreSQL typo correction', () => {
  it('learns words from public documents only, so a correction never hints at hidden text', async () => {
    const dbs = await freshDatabases({ seeded: false });
    try {
      const engine = new PostgresSearchEngine(dbs.bySubgraph.search!);
      await engine.index(CONTRACT_DOCUMENTS);
      const known = async (word: string) => (await dbs.bySubgraph.search!.query('SELECT 1 FROM search.words WHERE word = $1', [word])).length > 0;
      // "staffing" and "roster" stand only in a MANAGEMENT procedure and in a workshop restricted to ES-CT.
      expect(await known('staffing')).toBe(false);
      expect(await known('roster')).toBe(false);
      expect(await known('supervisor')).toBe(true);
    } finally {
      await dbs.close();
    }
  });
});
