import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { DataSource } from 'typeorm';
import { CachedSearchEngine } from './cachedEngine.ts';
import type { CacheCounts } from './cachedEngine.ts';
import { createSearchEngine } from './engines.ts';
import type { SearchEngineSettings } from './engines.ts';
import type { SearchEngine } from './engine.ts';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { catchUpFor, indexerFor } from './events.ts';
import type { SearchLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export interface SearchSubgraphOptions {
  /** Which engine (MEILI_URL / MEILI_KEY; PostgreSQL when unset). */
  settings: SearchEngineSettings;
  /** Schemas that publish a `search_documents` view, indexed from their outboxes. */
  sources: string[];
}

/** The search subgraph; one engine per database connection it runs on. */
export function searchSubgraph(opts: SearchSubgraphOptions): SubgraphCode<SearchLoaders> & { engineOf(db: DataSource): SearchEngine } {
  const engines = new WeakMap<DataSource, CachedSearchEngine>();
  const cache: CacheCounts = { hits: 0, misses: 0 };
  const engineOf = (db: DataSource) => {
    let engine = engines.get(db);
    if (!engine) {
      engine = new CachedSearchEngine(createSearchEngine(db, opts.settings), undefined, undefined, cache);
      engines.set(db, engine);
    }
    return engine;
  };
  const consumers = opts.sources.map((source) => indexerFor(source, engineOf));
  const catchUp = catchUpFor(consumers);
  return {
    name: 'search',
    typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
    resolvers,
    permissions,
    createLoaders: (db) => {
      let caughtUp: Promise<void> | null = null;
      return { engine: engineOf(db), caughtUp: () => (caughtUp ??= catchUp(db, engineOf(db))) };
    },
    consumers,
    engineOf,
    metrics: () => ({ searchCacheHits: cache.hits, searchCacheMisses: cache.misses }),
  };
}
