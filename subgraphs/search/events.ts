import type { DataSource } from 'typeorm';
import { drainUntilCaughtUp, pendingAndPositions } from '../../lib/outboxConsumer.ts';
import type { OutboxConsumer, OutboxRow } from '../../lib/outboxConsumer.ts';
import type { CachedSearchEngine } from './cachedEngine.ts';
import type { DocumentKey, SearchEngine } from './engine.ts';
import { keyOf } from './engine.ts';
import { indexedChildren, recordParents } from './parents.ts';
import { isSearchableType } from './searchTypes.ts';
import { allDocuments, countDocuments, documentsFor } from './sources.ts';

/**
 * One consumer per source outbox. Any event re-projects the entities it names and, as a set, their children from the
 * source's view: found documents are upserted; named entities no longer in the view, and children indexed under a
 * named entity that its view no longer holds, are removed. The position advances in the same transaction, after the
 * engine acknowledged, so redelivery only repeats upserts.
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
      const named = [...keys.values()];
      const projected = await documentsFor(tx, source, named);
      const docs = projected.map((p) => p.document);
      const found = new Set(docs.map(keyOf));
      const candidates = [...named.filter((key) => isSearchableType(key.type)), ...(await indexedChildren(tx, named))];
      const gone = [...new Map(candidates.filter((key) => !found.has(keyOf(key))).map((key) => [keyOf(key), key])).values()];
      const engine = engineOf(tx.connection);
      await engine.index(docs, tx);
      await engine.remove(gone, tx);
      await recordParents(tx, projected, gone);
    },
  };
}

/**
 * Brings the index level with the sources' outboxes before a search is answered, so that no hit, total or facet comes
 * from a document whose guard has changed since (a framework restricted to DE after its provisions were indexed): a
 * source with rows past its consumer's position is indexed here, waiting at most `timeoutMs` for transactions still
 * running (past that the search fails rather than answer from the old documents). When the positions moved since this
 * process last looked (another replica indexed), its kept answers are dropped. One statement when nothing waits.
 */
export function catchUpFor(consumers: OutboxConsumer[], timeoutMs = 2_000) {
  const seen = new WeakMap<CachedSearchEngine, string>();
  return async (db: DataSource, engine: CachedSearchEngine): Promise<void> => {
    let { pending, mark } = await pendingAndPositions(db, consumers);
    if (pending.length) {
      await Promise.all(pending.map((c) => drainUntilCaughtUp(db, c, timeoutMs)));
      ({ mark } = await pendingAndPositions(db, consumers));
    }
    if (seen.has(engine) && seen.get(engine) !== mark) engine.forget();
    seen.set(engine, mark);
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
  await db.query('TRUNCATE search.indexed_parents');
  let done = 0;
  for (const source of sources) {
    for await (const page of allDocuments(db, source)) {
      await engine.index(page.map((p) => p.document));
      await recordParents(db.manager, page, []);
      done += page.length;
      onProgress?.({ source, done, total });
    }
  }
  return done;
}
