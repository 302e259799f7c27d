import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedSearchEngine } from '../subgraphs/search/cachedEngine.ts';
import type { SearchRequest } from '../subgraphs/search/engine.ts';
import { PostgresSearchEngine } from '../subgraphs/search/postgresEngine.ts';
import { parseQuery } from '../subgraphs/search/queryText.ts';
import { countStatements, installStatementCounter } from './support/sqlStatements.ts';
import type { Databases } from '../scripts/platform.ts';
import { freshDatabases } from './support/platform.ts';
import { CONTRACT_DOCUMENTS, VIEWERS } from './support/searchFixtures.ts';

// The short-lived answer cache in front of an engine: shared only by viewers the access rule treats alike,
// dropped by every write.

let dbs: Databases;
let engine: CachedSearchEngine;
beforeAll(async () => {
  installStatementCounter();
  dbs = await freshDatabases({ seeded: false });
  engine = new CachedSearchEngine(new PostgresSearchEngine(dbs.bySubgraph.search!), 60_000);
  await engine.index(CONTRACT_DOCUMENTS);
});
afterAll(async () => {
  await dbs?.close();
});

const request = (q: string, viewer = VIEWERS.managerGermany): SearchRequest => ({ query: parseQuery(q), filter: {}, viewer, sort: 'RELEVANCE', offset: 0, limit: 20 });

describe('search answer cache', () => {
  it('answers a repeated search without asking the engine', async () => {
    const first = await countStatements(() => engine.search(request('monitoring')));
    expect(first.statements).toBeGreaterThan(0);
    const again = await countStatements(() => engine.search(request('monitoring')));
    expect(again.statements).toBe(0);
    expect(again.result).toEqual(first.result);
  });

  it('never shares an answer between viewers the access rule treats differently', async () => {
    const manager = await engine.search(request('roster', VIEWERS.practitionerCatalonia));
    expect(manager.total).toBe(1);
    const other = await countStatements(() => engine.search(request('roster', VIEWERS.practitionerGermany)));
    expect(other.statements).toBeGreaterThan(0);
    expect(other.result.total).toBe(0);
  });

  it('forgets everything on a write', async () => {
    expect((await engine.search(request('festivals'))).total).toBe(0);
    await engine.index([{ ...CONTRACT_DOCUMENTS[0]!, title: 'Monitoring social media at festivals' }]);
    expect((await engine.search(request('festivals'))).total).toBe(1);
    await engine.remove([{ type: CONTRACT_DOCUMENTS[0]!.type, id: CONTRACT_DOCUMENTS[0]!.id }]);
    expect((await engine.search(request('festivals'))).total).toBe(0);
  });

  it('counts the searches it answered and those it passed on, for the subgraph\'s /metrics', async () => {
    const counts = { hits: 0, misses: 0 };
    const counted = new CachedSearchEngine(new PostgresSearchEngine(dbs.bySubgraph.search!), 60_000, 1000, counts);
    await counted.search(request('monitoring'));
    await counted.search(request('monitoring'));
    await counted.search(request('monitoring', VIEWERS.practitionerGermany));
    await counted.facets(request('monitoring'));
    expect(counts).toEqual({ hits: 1, misses: 3 });
  });
});
