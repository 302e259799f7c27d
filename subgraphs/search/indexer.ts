import type { DataSource } from 'typeorm';
import type { OutboxConsumer, OutboxRow } from '../../lib/outboxConsumer.ts';
import type { DocumentKey, SearchEngine } from '../../lib/search/engine.ts';
import { keyOf } from '../../lib/search/engine.ts';
import { isSearchableType } from './searchTypes.ts';
import { allDocuments, countDocuments, documentsFor } from './sources.ts';

/**
 * One consumer per source outbox. Any event re-projects the entities it names (and their children) from the
 * source's view: found documents are upserted, searchable entities no longer in the view are removed. The
 * position advances in the same transaction, after the engine acknowledged, so redelivery only repeats upserts.
 */
export function indexerFor(source: string, engineOf: (db: DataSource) => SearchEngine): OutboxConsumer {
  return {
    name: `search-index-${source}`,
    schema: 'search',
    source,
    events: '*',
    async handle(tx, rows: OutboxRow[]) {
      const keys = new Map<string, DocumentKey>();
      for (const r of rows) keys.set(keyOf({ type: r.entityType, id: r.entityId }), { type: r.entityType, id: r.entityId });
      const docs = await documentsFor(tx, source, [...keys.values()]);
      const found = new Set(docs.map(keyOf));
      const gone = [...keys.entries()].filter(([k, key]) => isSearchableType(key.type) && !found.has(k)).map(([, key]) => key);
      const engine = engineOf(tx.connection);
      await engine.index(docs, tx);
      await engine.remove(gone, tx);
    },
  };
}

export interface ReindexProgress {
  source: string;
  done: number;
  total: number;
}

/** Rebuilds the index from every source's view; returns the number of documents indexed. */
export async function reindexAll(db: DataSource, engine: SearchEngine, sources: string[], onProgress?: (p: ReindexProgress) => void): Promise<number> {
  const totals = await Promise.all(sources.map((s) => countDocuments(db, s)));
  const total = totals.reduce((a, b) => a + b, 0);
  await engine.clear();
  let done = 0;
  for (const source of sources) {
    for await (const page of allDocuments(db, source)) {
      await engine.index(page);
      done += page.length;
      onProgress?.({ source, done, total });
    }
  }
  return done;
}
