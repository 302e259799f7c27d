import { Meilisearch } from 'meilisearch';
import type { Index } from 'meilisearch';
import { isLea, visibleLevels } from '../../lib/access.ts';
import type { Visibility } from '../../lib/access.ts';
import type { DocumentKey, Facet, SearchDocument, SearchEngine, SearchPage, SearchRequest } from './engine.ts';
import { FACET_FIELDS } from './engine.ts';

interface MeiliDocument {
  key: string;
  type: string;
  id: string;
  title: string;
  body: string;
  language: string;
  visibility: string;
  restrictedTo: string[];
  jurisdiction: string | null;
  topics: string[];
  updatedAt: number;
}

// Meilisearch document ids allow letters, digits, '-' and '_' only.
const meiliKey = (k: DocumentKey) => Buffer.from(`${k.type}:${k.id}`, 'utf8').toString('base64url');
const list = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
// Highlights come back between control characters, so the text can be HTML-escaped before <mark> goes in.
const MARK_START = '\u0002';
const MARK_END = '\u0003';
const markedSnippet = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
const FACET_ATTRIBUTE: Record<(typeof FACET_FIELDS)[number], string> = { type: 'type', jurisdiction: 'jurisdiction', topic: 'topics' };

/** Meilisearch behind the same contract: visibility and restriction are filter attributes of every document. */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private ready: Promise<Index<MeiliDocument>> | null = null;

  constructor(opts: { url: string; apiKey?: string; index?: string }, private readonly uid = opts.index ?? 'eunomia') {
    this.client = new Meilisearch({ host: opts.url, apiKey: opts.apiKey });
  }

  /** Creates the index and its settings once; retried after a failure (the engine may come up later). */
  private indexReady(): Promise<Index<MeiliDocument>> {
    this.ready ??= (async () => {
      const index = this.client.index<MeiliDocument>(this.uid);
      const settings = await index.updateSettings({
        searchableAttributes: ['title', 'body'],
        filterableAttributes: ['type', 'jurisdiction', 'topics', 'language', 'visibility', 'restrictedTo'],
        sortableAttributes: ['updatedAt'],
        displayedAttributes: ['key', 'type', 'id', 'title', 'body', 'updatedAt', 'visibility', 'restrictedTo'],
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
        pagination: { maxTotalHits: 100_000 },
        faceting: { maxValuesPerFacet: 200 },
      }).waitTask();
      if (settings.status !== 'succeeded') throw new Error(`Meilisearch refused the index settings: ${settings.error?.message ?? settings.status}`);
      return index;
    })().catch((err) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  private async acknowledged(task: { waitTask(o?: { timeout?: number }): Promise<{ status: string; error: { message: string } | null }> }) {
    const done = await task.waitTask({ timeout: 30_000 });
    if (done.status !== 'succeeded') throw new Error(`Meilisearch task ${done.status}: ${done.error?.message ?? ''}`);
  }

  async index(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const index = await this.indexReady();
    await this.acknowledged(index.addDocuments(docs.map((d) => ({
      key: meiliKey(d), type: d.type, id: d.id, title: d.title, body: d.body, language: d.language, visibility: d.visibility,
      restrictedTo: d.restrictedTo, jurisdiction: d.jurisdiction, topics: d.topics, updatedAt: Date.parse(d.updatedAt),
    })), { primaryKey: 'key' }));
  }

  async remove(keys: DocumentKey[]): Promise<void> {
    if (keys.length === 0) return;
    const index = await this.indexReady();
    await this.acknowledged(index.deleteDocuments(keys.map(meiliKey)));
  }

  async search(req: SearchRequest): Promise<SearchPage> {
    const index = await this.indexReady();
    // page/hitsPerPage gives an exhaustive total; cursors are offsets of earlier pages of the same size.
    const window = req.offset % req.limit === 0
      ? { page: req.offset / req.limit + 1, hitsPerPage: req.limit }
      : { offset: req.offset, limit: req.limit };
    const res = await index.search(this.queryOf(req), {
      filter: this.filterOf(req),
      ...window,
      sort: req.sort === 'NEWEST' ? ['updatedAt:desc'] : undefined,
      attributesToRetrieve: ['type', 'id', 'title', 'visibility', 'restrictedTo'],
      attributesToCrop: ['body'],
      cropLength: 30,
      attributesToHighlight: ['body'],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      showRankingScore: true,
    });
    return {
      total: 'totalHits' in res ? (res.totalHits as number) : ((res as { estimatedTotalHits?: number }).estimatedTotalHits ?? 0),
      hits: res.hits.map((h) => ({
        type: h.type, id: h.id, title: h.title, score: h._rankingScore ?? 0,
        visibility: h.visibility as Visibility, restrictedTo: h.restrictedTo ?? [],
        snippet: markedSnippet(String((h._formatted as Partial<MeiliDocument> | undefined)?.body ?? '')),
      })),
    };
  }

  async facets(req: SearchRequest): Promise<Facet[]> {
    const index = await this.indexReady();
    const res = await index.search(this.queryOf(req), {
      filter: this.filterOf(req), page: 1, hitsPerPage: 0, facets: Object.values(FACET_ATTRIBUTE),
    });
    return FACET_FIELDS.map((field) => ({
      field,
      values: Object.entries(res.facetDistribution?.[FACET_ATTRIBUTE[field]] ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    }));
  }

  async clear(): Promise<void> {
    const index = await this.indexReady();
    await this.acknowledged(index.deleteAllDocuments());
  }

  async count(): Promise<number> {
    const index = await this.indexReady();
    return (await index.getStats()).numberOfDocuments;
  }

  /** Meilisearch reads phrases in quotes and -exclusions itself; the query is rebuilt from the parsed words. */
  private queryOf(req: SearchRequest): string {
    const q = req.query;
    return [
      ...q.words,
      ...q.phrases.map((p) => `"${p.join(' ')}"`),
      ...q.excluded.map((p) => (p.length === 1 ? `-${p[0]}` : `-"${p.join(' ')}"`)),
    ].join(' ');
  }

  private filterOf(req: SearchRequest): string {
    const v = req.viewer;
    const parts = [`visibility IN ${list(visibleLevels(v))}`];
    parts.push(isLea(v) && v.jurisdictionPath.length
      ? `(restrictedTo IS EMPTY OR restrictedTo IN ${list(v.jurisdictionPath)})`
      : 'restrictedTo IS EMPTY');
    const f = req.filter;
    if (f.types?.length) parts.push(`type IN ${list(f.types)}`);
    if (f.jurisdictions?.length) parts.push(`jurisdiction IN ${list(f.jurisdictions)}`);
    if (f.topics?.length) parts.push(`topics IN ${list(f.topics)}`);
    if (f.languages?.length) parts.push(`language IN ${list(f.languages)}`);
    return parts.join(' AND ');
  }
}
