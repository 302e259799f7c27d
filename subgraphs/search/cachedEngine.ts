import type { EntityManager } from 'typeorm';
import { isLea, visibleLevels } from '../../lib/access.ts';
import type { DocumentKey, Facet, SearchDocument, SearchEngine, SearchPage, SearchRequest } from './engine.ts';

/** What decides which documents a viewer may see: viewers with the same key see exactly the same results. */
const accessKey = (req: SearchRequest) =>
  `${visibleLevels(req.viewer).join(',')}|${isLea(req.viewer) ? req.viewer.jurisdictionPath.join(',') : ''}`;

const requestKey = (req: SearchRequest) => {
  const f = req.filter;
  const sorted = (xs?: string[]) => (xs?.length ? [...xs].sort() : []);
  const q = req.query;
  return JSON.stringify([accessKey(req), q.words, q.phrases, q.excluded, q.lastIsPrefix,
    sorted(f.types), sorted(f.jurisdictions), sorted(f.topics), sorted(f.languages), req.sort]);
};

/** Searches and facet lookups answered from the cache, and those that went to the engine. */
export interface CacheCounts {
  hits: number;
  misses: number;
}

interface Entry<T> {
  at: number;
  generation: number;
  value: Promise<T>;
}

/**
 * Keeps answers for a short time, per access class (never per member: two viewers share an entry only when
 * the same rule lets them see the same documents). Any write through this engine drops everything, so the
 * process that indexes never serves an answer older than its last write; other replicas at most `ttlMs`.
 */
export class CachedSearchEngine implements SearchEngine {
  readonly name: string;
  private readonly entries = new Map<string, Entry<unknown>>();
  private generation = 0;

  constructor(
    private readonly inner: SearchEngine,
    private readonly ttlMs = 1000,
    private readonly maxEntries = 1000,
    readonly counts: CacheCounts = { hits: 0, misses: 0 },
  ) {
    this.name = inner.name;
  }

  async index(docs: SearchDocument[], tx?: EntityManager): Promise<void> {
    await this.writing(() => this.inner.index(docs, tx), docs.length > 0);
  }

  async remove(keys: DocumentKey[], tx?: EntityManager): Promise<void> {
    await this.writing(() => this.inner.remove(keys, tx), keys.length > 0);
  }

  async clear(): Promise<void> {
    await this.writing(() => this.inner.clear(), true);
  }

  count(): Promise<number> {
    return this.inner.count();
  }

  search(req: SearchRequest): Promise<SearchPage> {
    return this.remembered(`s${req.offset}/${req.limit}${requestKey(req)}`, () => this.inner.search(req));
  }

  facets(req: SearchRequest): Promise<Facet[]> {
    return this.remembered(`f${requestKey(req)}`, () => this.inner.facets(req));
  }

  async close(): Promise<void> {
    this.entries.clear();
    await this.inner.close?.();
  }

  private async writing(write: () => Promise<void>, changes: boolean): Promise<void> {
    if (!changes) return write();
    this.forget();
    try {
      await write();
    } finally {
      this.forget();
    }
  }

  /** Drops every answer kept (e.g. when another process has indexed since). */
  forget() {
    this.generation++;
    this.entries.clear();
  }

  private remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key) as Entry<T> | undefined;
    if (hit && hit.generation === this.generation && now - hit.at < this.ttlMs) {
      this.counts.hits++;
      return hit.value;
    }
    this.counts.misses++;
    const value = load();
    const entry: Entry<T> = { at: now, generation: this.generation, value };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}
