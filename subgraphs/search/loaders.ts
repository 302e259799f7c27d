import type { SearchEngine } from './engine.ts';

/** Per-request services of the search subgraph: it has no relations of its own, only the engine. */
export interface SearchLoaders {
  engine: SearchEngine;
  /** Resolves once the index is level with the sources' outboxes (at most once per request). */
  caughtUp(): Promise<void>;
}
