import type { DataSource } from 'typeorm';
import type { SearchEngine } from './engine.ts';
import { MeiliSearchEngine } from './meiliEngine.ts';
import { PostgresSearchEngine } from './postgresEngine.ts';

export interface SearchEngineSettings {
  MEILI_URL?: string;
  MEILI_KEY?: string;
}

/** Meilisearch when MEILI_URL is set, otherwise PostgreSQL full text in `schema` of `db`. */
export function createSearchEngine(db: DataSource, settings: SearchEngineSettings, schema = 'search'): SearchEngine {
  if (settings.MEILI_URL) return new MeiliSearchEngine({ url: settings.MEILI_URL, apiKey: settings.MEILI_KEY });
  return new PostgresSearchEngine(db, schema);
}
