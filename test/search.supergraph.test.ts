import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvents } from '../lib/outbox.ts';
import { SUBGRAPH_SECRET_HEADER } from '../lib/secret.ts';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// Search through the gateway: entities resolved by their owners, access per tier (totals and facets included),
// freshness of the index after writes, an engine outage, and bad input.

const SEARCH = `query ($q: String!, $filter: SearchFilter, $first: Int, $after: String, $sort: SearchSort) {
  search(query: $q, filter: $filter, first: $first, after: $after, sort: $sort) {
    total
    hits { type title snippet score entity { __typename
      ... on Procedure { id title jurisdiction { code } }
      ... on LegalFramework { id title }
      ... on LegalProvision { id }
      ... on Curriculum { id title }
      ... on Workshop { id title }
      ... on SwotItem { id statement }
      ... on Recommendation { id statement } } }
    facets { field values { value count } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Hit { type: string; title: string; snippet: string; score: number; entity: { __typename: string; id: string; title?: string; jurisdiction?: { code: string } } | null }
interface Results { total: number; hits: Hit[]; facets: { field: string; values: { value: string; count: number }[] }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

let platform: TestPlatform;
const search = async (q: string, as: string | null = null, vars: Record<string, unknown> = {}) => {
  const r = await platform.query<{ search: Results }>(SEARCH, { q, first: 50, ...vars }, as);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.search;
};
const ids = (r: Results) => r.hits.map((h) => h.entity?.id);

/** Polls what `read` answers until the assertion that follows holds, for at most `ms`. */
const within = <T>(ms: number, read: () => Promise<T>) => expect.poll(read, { timeout: ms, interval: 50 });

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe('search through the gateway', () => {
  it('returns hits whose entities are resolved by their owning subgraphs', async () => {
    const r = await search('monitoring', 'demo-manager-es');
    expect(r.total).toBeGreaterThan(5);
    expect(r.hits.length).toBe(Math.min(50, r.total));
    for (const hit of r.hits) {
      expect(hit.entity, `${hit.type} ${hit.title}`).not.toBeNull();
      expect(hit.snippet.length).toBeGreaterThan(0);
    }
    const procedure = r.hits.find((h) => h.entity?.__typename === 'Procedure')!;
    expect(procedure.entity!.jurisdiction!.code).toMatch(/^[A-Z]{2}/);
    expect(r.hits.some((h) => /<mark>/.test(h.snippet))).toBe(true);
  });

  it('finds every searchable type', async () => {
    const types = new Set<string>();
    for (const q of ['social media', 'data protection', 'article', 'training', 'workshop', 'recommendation', 'communication']) {
      for (const h of (await search(q, 'demo-manager-es')).hits) types.add(h.entity!.__typename);
    }
    expect([...types].sort()).toEqual(['Curriculum', 'LegalFramework', 'LegalProvision', 'Procedure', 'Recommendation', 'SwotItem', 'Workshop']);
  });

  it('tolerates typos', async () => {
    expect((await search('monitorng', 'demo-manager-es')).total).toBeGreaterThan(0);
    expect((await search('proceedure', 'demo-manager-es')).total).toBeGreaterThan(0);
  });

  it('pages without repeating a hit', async () => {
    const all = await search('social media', 'demo-manager-es');
    const first = await search('social media', 'demo-manager-es', { first: 5 });
    expect(first.pageInfo.hasNextPage).toBe(all.total > 5);
    const second = await search('social media', 'demo-manager-es', { first: 5, after: first.pageInfo.endCursor });
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(Math.min(10, all.total));
  });
});

describe('access: totals, hits and facets per tier', () => {
  const viewers = [null, 'demo-partner', 'demo-practitioner-de', 'demo-practitioner-es', 'demo-manager-es'];

  it('never counts what a viewer may not open, and totals grow with the tier', async () => {
    const totals: number[] = [];
    for (const as of viewers) {
      const r = await search('social media', as);
      for (const hit of r.hits) expect(hit.entity, `${as} sees ${hit.type} ${hit.title} that its owner refuses`).not.toBeNull();
      const byType = r.facets.find((f) => f.field === 'TYPE')!.values.reduce((n, v) => n + v.count, 0);
      expect(byType).toBe(r.total);
      totals.push(r.total);
    }
    expect(totals[0]).toBeLessThan(totals[4]!);
    expect(totals[0]).toBeLessThanOrEqual(totals[1]!);
    expect(totals[1]).toBeLessThanOrEqual(totals[3]!);
    expect(totals[3]).toBeLessThanOrEqual(totals[4]!);
  });

  it('keeps a MANAGEMENT procedure from practitioners, in hits, totals and facets', async () => {
    const manager = await search('covert online operations', 'demo-manager-es', { filter: { types: ['PROCEDURE'], jurisdictions: ['ES-CT'] } });
    expect(ids(manager)).toContain('proc-es-ct-investigation');
    const practitioner = await search('covert online operations', 'demo-practitioner-es', { filter: { types: ['PROCEDURE'], jurisdictions: ['ES-CT'] } });
    expect(ids(practitioner)).not.toContain('proc-es-ct-investigation');
    expect(practitioner.total).toBe(manager.total - 1);
    const facet = (r: Results) => r.facets.find((f) => f.field === 'JURISDICTION')!.values.find((v) => v.value === 'ES-CT')?.count ?? 0;
    expect(facet(practitioner)).toBe(facet(manager) - 1);
  });

  it('shows a procedure restricted to ES-CT to Catalan staff only', async () => {
    const q = 'corporate accounts citizen messages';
    expect(ids(await search(q, 'demo-practitioner-es'))).toContain('proc-es-ct-communication');
    for (const as of [null, 'demo-partner', 'demo-practitioner-de', 'demo-manager-de']) {
      expect(ids(await search(q, as))).not.toContain('proc-es-ct-communication');
    }
  });

  it('shows a partner nothing for LEA staff only', async () => {
    const r = await search('monitoring', 'demo-partner');
    const lea = await search('monitoring', 'demo-practitioner-es');
    expect(r.total).toBeLessThan(lea.total);
    expect(ids(r)).not.toContain('proc-es-ct-monitoring');
  });
});

describe('freshness: writes through the gateway are searchable within 2 seconds', () => {
  it('indexes a published procedure, its change, and its withdrawal', async () => {
    const created = await platform.query<{ createProcedure: { id: string; version: number } }>(
      `mutation ($input: CreateProcedureInput!) { createProcedure(input: $input) { id version } }`,
      { input: { topic: 'COMMUNICATION', title: 'Quokkagram outreach to neighbourhood groups', summary: 'Neighbourhood outreach.', body: 'Officers answer neighbourhood groups on the quokkagram channel.', language: 'en', visibility: 'PUBLIC' } },
      'demo-manager-es',
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProcedure.id;
    // A draft is not searchable, even once the indexer has read the event that created it.
    const kernel = platform.databases.kernel;
    const [{ last }] = await kernel.query('SELECT max(id)::bigint AS last FROM procedures.outbox');
    await within(2000, async () => {
      const [p] = await kernel.query(`SELECT last_id FROM search.consumer_positions WHERE consumer = 'search-index-procedures'`);
      return BigInt(p?.last_id ?? 0);
    }).toBeGreaterThanOrEqual(BigInt(last));
    expect(ids(await search('quokkagram', 'demo-manager-es'))).not.toContain(id);

    const published = await platform.query(`mutation ($id: ID!) { publishProcedure(id: $id, expectedVersion: 1) { id } }`, { id }, 'demo-manager-es');
    expect(published.errors).toBeUndefined();
    await within(2000, async () => ids(await search('quokkagram'))).toContain(id);

    const updated = await platform.query(`mutation ($id: ID!) { updateProcedure(id: $id, expectedVersion: 1, input: { title: "Wallabygram outreach to neighbourhood groups" }) { id } }`, { id }, 'demo-manager-es');
    expect(updated.errors).toBeUndefined();
    const republished = await platform.query(`mutation ($id: ID!) { publishProcedure(id: $id, expectedVersion: 2) { id } }`, { id }, 'demo-manager-es');
    expect(republished.errors).toBeUndefined();
    await within(2000, async () => ids(await search('wallabygram'))).toContain(id);

    const withdrawn = await platform.query(`mutation ($id: ID!) { withdrawProcedure(id: $id, reason: "Channel closed") { id } }`, { id }, 'demo-manager-es');
    expect(withdrawn.errors).toBeUndefined();
    await within(2000, async () => ids(await search('quokkagram', 'demo-manager-es'))).not.toContain(id);
  });

  it('keeps accepting writes while the engine is down and indexes the backlog when it is back', async () => {
    const kernel = platform.databases.kernel;
    await kernel.query('ALTER TABLE search.documents RENAME TO documents_offline');
    let id: string;
    try {
      const created = await platform.query<{ createProcedure: { id: string } }>(
        `mutation ($input: CreateProcedureInput!) { createProcedure(input: $input) { id } }`,
        { input: { topic: 'MONITORING', title: 'Wombatwatch event monitoring', summary: 'Event monitoring.', body: 'Monitoring during the wombatwatch festival.', language: 'en', visibility: 'PUBLIC' } },
        'demo-manager-es',
      );
      expect(created.errors).toBeUndefined();
      id = created.data!.createProcedure.id;
      const published = await platform.query(`mutation ($id: ID!) { publishProcedure(id: $id, expectedVersion: 1) { id } }`, { id }, 'demo-manager-es');
      expect(published.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 800));
    } finally {
      await kernel.query('ALTER TABLE search.documents_offline RENAME TO documents');
    }
    await within(3000, async () => ids(await search('wombatwatch'))).toContain(id);
  });
});

describe('children of a changed parent', () => {
  it('removes a provision its framework\'s new restriction leaves visible to nobody, though the event names only the framework', async () => {
    const provisionHits = async (as: string) => (await search('captures erased investigation', as)).hits
      .filter((h) => h.type === 'LEGAL_PROVISION').map((h) => h.entity?.id ?? null);
    expect(await provisionHits('demo-manager-es')).toEqual(['es-ct-osint-guideline-2024-s-3']);

    // The framework's restriction changes as updateLegalFramework writes it: the row and its event in one transaction
    // (no seeded member may both edit this framework and see it).
    await platform.databases.kernel.transaction(async (tx) => {
      await tx.query(`UPDATE legal.frameworks SET restricted_to = '{DE}', updated_at = now() WHERE id = 'es-ct-osint-guideline-2024'`);
      await emitEvents(tx, 'legal', [{ entityType: 'LegalFramework', entityId: 'es-ct-osint-guideline-2024', event: 'framework.updated', payload: { fields: ['restrictedTo'] } }]);
    });
    // The framework itself is re-indexed under its new restriction ...
    await within(3000, async () => ids(await search('open-source monitoring guideline', 'demo-manager-de'))).toContain('es-ct-osint-guideline-2024');
    // ... and its provision, restricted to Spain inside a framework now restricted to Germany, leaves the index.
    expect(await provisionHits('demo-manager-es')).toEqual([]);
    const [indexed] = await platform.databases.kernel.query(`SELECT count(*)::int AS n FROM search.documents WHERE doc_id = 'es-ct-osint-guideline-2024-s-3'`);
    expect(indexed.n).toBe(0);
  });
});

describe('bad input', () => {
  it.each([
    ['an empty query', { q: '   ' }],
    ['a 10,000-character query', { q: 'a'.repeat(10_000) }],
    ['only exclusions', { q: '-budget' }],
    ['an unknown type', { q: 'media', filter: { types: ['SPACESHIP'] } }],
    ['an unknown topic', { q: 'media', filter: { topics: ['GOSSIP'] } }],
    ['a malformed jurisdiction', { q: 'media', filter: { jurisdictions: ['Spain'] } }],
    ['a malformed language', { q: 'media', filter: { languages: ['english'] } }],
    ['first above the bound', { q: 'media', first: 500 }],
    ['a foreign cursor', { q: 'media', after: 'bm90LWEtY3Vyc29y' }],
  ])('refuses %s with BAD_USER_INPUT', async (_what, vars) => {
    const r = await platform.query(SEARCH, { first: 10, ...vars });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.message).not.toMatch(/internal/i);
  });
});

describe('the search cache\'s counters at the search subgraph\'s /metrics', () => {
  const metrics = async (headers: Record<string, string>) => {
    const url = platform.subgraphs.find((s) => s.name === 'search')!.url.replace(/\/graphql$/, '/metrics');
    const res = await fetch(url, { headers });
    return { status: res.status, body: await res.json() as Record<string, unknown> };
  };

  it('counts searches answered from the cache and those that searched, for the gateway\'s secret only', async () => {
    expect((await metrics({})).status).toBe(401);
    const before = (await metrics({ [SUBGRAPH_SECRET_HEADER]: platform.secret })).body;
    // Two identical searches at once: one searches, the other is answered with its result.
    await Promise.all([search('roster metrics', 'demo-practitioner-es'), search('roster metrics', 'demo-practitioner-es')]);
    const after = await metrics({ [SUBGRAPH_SECRET_HEADER]: platform.secret });
    expect(after.status).toBe(200);
    expect(Number(after.body.searchCacheMisses) - Number(before.searchCacheMisses)).toBe(2); // the page and the facets
    expect(Number(after.body.searchCacheHits) - Number(before.searchCacheHits)).toBe(2);
  });
});
