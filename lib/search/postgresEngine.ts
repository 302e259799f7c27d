import type { DataSource, EntityManager } from 'typeorm';
import { visibilitySql } from '../access.ts';
import type { DocumentKey, Facet, FacetField, SearchDocument, SearchEngine, SearchHit, SearchPage, SearchRequest } from './engine.ts';
import { foldWord } from './queryText.ts';
import type { ParsedQuery } from './queryText.ts';

const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
const MIN_CORRECTED_LENGTH = 4;

/** Words worth keeping for typo correction: folded, 3 to 40 characters. */
function wordsOf(docs: SearchDocument[]): string[] {
  const set = new Set<string>();
  for (const d of docs) {
    for (const w of foldWord(`${d.title} ${d.body}`).match(/[\p{L}\p{N}]+/gu) ?? []) if (w.length >= 3 && w.length <= 40) set.add(w);
  }
  return [...set].sort();
}

const escapeHtmlSql = (col: string) => `replace(replace(replace(${col}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

/** PostgreSQL full text: weighted tsvector per language, GIN, trigram word list for typos, ts_headline. */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';
  private readonly tsqueries = new WeakMap<ParsedQuery, Promise<string>>();

  constructor(private readonly db: DataSource, private readonly schema = 'search') {}

  async index(docs: SearchDocument[], tx?: EntityManager): Promise<void> {
    if (docs.length === 0) return;
    const s = this.schema;
    await (tx ?? this.db).query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(type text, id text, title text, body text, language text,
           visibility text, "restrictedTo" text[], jurisdiction text, topics text[], "updatedAt" timestamptz)
       ), words AS (
         INSERT INTO ${s}.words (word) SELECT w FROM unnest($2::text[]) AS w ORDER BY w ON CONFLICT DO NOTHING
       )
       INSERT INTO ${s}.documents AS d (doc_type, doc_id, title, body, language, config, visibility, restricted_to, jurisdiction, topics, updated_at, tsv, indexed_at)
       SELECT i.type, i.id, i.title, i.body, i.language, c.config, i.visibility, coalesce(i."restrictedTo", '{}'), i.jurisdiction,
         coalesce(i.topics, '{}'), i."updatedAt",
         setweight(to_tsvector(c.config, i.title), 'A') || setweight(to_tsvector(c.config, i.body), 'B'), now()
       FROM input i CROSS JOIN LATERAL (
         SELECT coalesce((SELECT l.config FROM ${s}.languages l WHERE l.code = i.language), '${s}.simple'::regconfig) AS config
       ) c
       ORDER BY i.type, i.id
       ON CONFLICT (doc_type, doc_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, language = EXCLUDED.language,
         config = EXCLUDED.config, visibility = EXCLUDED.visibility, restricted_to = EXCLUDED.restricted_to,
         jurisdiction = EXCLUDED.jurisdiction, topics = EXCLUDED.topics, updated_at = EXCLUDED.updated_at, tsv = EXCLUDED.tsv,
         indexed_at = now()`,
      [JSON.stringify(docs), wordsOf(docs)],
    );
  }

  async remove(keys: DocumentKey[], tx?: EntityManager): Promise<void> {
    if (keys.length === 0) return;
    await (tx ?? this.db).query(
      `DELETE FROM ${this.schema}.documents d USING unnest($1::text[], $2::text[]) AS k(type, id)
       WHERE d.doc_type = k.type AND d.doc_id = k.id`,
      [keys.map((k) => k.type), keys.map((k) => k.id)],
    );
  }

  async search(req: SearchRequest): Promise<SearchPage> {
    const params: unknown[] = [];
    const matches = await this.matchesSql(req, params);
    const order = req.sort === 'NEWEST' ? 'updated_at DESC, doc_type, doc_id' : 'score DESC, updated_at DESC, doc_type, doc_id';
    params.push(req.limit, req.offset, HEADLINE);
    const n = params.length;
    const [row] = await this.db.query(
      `${matches},
       page AS (SELECT * FROM m ORDER BY ${order} LIMIT $${n - 2} OFFSET $${n - 1})
       SELECT (SELECT count(*) FROM m)::int AS total,
         coalesce((SELECT json_agg(json_build_object('type', doc_type, 'id', doc_id, 'title', title, 'score', score,
           'snippet', ts_headline(config, ${escapeHtmlSql('body')}, tq, $${n})) ORDER BY ${order}) FROM page), '[]'::json) AS hits`,
      params,
    );
    return { total: row.total, hits: (row.hits as SearchHit[]).map((h) => ({ ...h, score: Number(h.score) })) };
  }

  async facets(req: SearchRequest): Promise<Facet[]> {
    const params: unknown[] = [];
    const matches = await this.matchesSql(req, params);
    const rows: { field: FacetField; value: string; count: number }[] = await this.db.query(
      `${matches}
       SELECT 'type' AS field, doc_type AS value, count(*)::int AS count FROM m GROUP BY doc_type
       UNION ALL SELECT 'jurisdiction', jurisdiction, count(*)::int FROM m WHERE jurisdiction IS NOT NULL GROUP BY jurisdiction
       UNION ALL SELECT 'topic', t, count(*)::int FROM m CROSS JOIN unnest(m.topics) AS t GROUP BY t
       ORDER BY field, count DESC, value`,
      params,
    );
    return (['type', 'jurisdiction', 'topic'] as const).map((field) => ({
      field,
      values: rows.filter((r) => r.field === field).map((r) => ({ value: r.value, count: r.count })),
    }));
  }

  async clear(): Promise<void> {
    await this.db.query(`TRUNCATE ${this.schema}.documents, ${this.schema}.words`);
  }

  async count(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM ${this.schema}.documents`);
    return row.n;
  }

  /** `WITH q AS (...), m AS (...)`: the viewer's matching documents, filtered before anything is counted. */
  private async matchesSql(req: SearchRequest, params: unknown[]): Promise<string> {
    const s = this.schema;
    params.push(await this.tsqueryText(req.query));
    const tsquery = `$${params.length}`;
    const where = [visibilitySql(req.viewer, 'd', params)];
    const f = req.filter;
    const add = (values: string[] | undefined, sql: (p: string) => string) => {
      if (!values?.length) return;
      params.push(values);
      where.push(sql(`$${params.length}::text[]`));
    };
    add(f.types, (p) => `d.doc_type = ANY(${p})`);
    add(f.jurisdictions, (p) => `d.jurisdiction = ANY(${p})`);
    add(f.topics, (p) => `d.topics && ${p}`);
    add(f.languages, (p) => `d.language = ANY(${p})`);
    return `WITH q AS (
        SELECT c.config, to_tsquery(c.config, ${tsquery}) AS tq
        FROM (SELECT config FROM ${s}.languages UNION SELECT '${s}.simple'::regconfig) AS c
      ), m AS (
        SELECT d.doc_type, d.doc_id, d.title, d.body, d.config, d.updated_at, d.jurisdiction, d.topics, q.tq,
          ts_rank_cd(d.tsv, q.tq, 1) AS score
        FROM q JOIN ${s}.documents d ON d.config = q.config AND d.tsv @@ q.tq
        WHERE ${where.join(' AND ')}
      )`;
  }

  /**
   * The query in to_tsquery syntax. Words are letters and digits only, so nothing the user types becomes an
   * operator. A word no document contains is widened to the closest known word (typos); the last word
   * also matches as a prefix.
   */
  private tsqueryText(q: ParsedQuery): Promise<string> {
    let text = this.tsqueries.get(q);
    if (!text) {
      text = this.buildTsquery(q);
      this.tsqueries.set(q, text);
    }
    return text;
  }

  private async buildTsquery(q: ParsedQuery): Promise<string> {
    const candidates = q.words.filter((w) => w.length >= MIN_CORRECTED_LENGTH);
    const fixes = new Map<string, string>();
    if (candidates.length) {
      const rows: { w: string; fix: string | null }[] = await this.db.query(
        `SELECT t.w, CASE WHEN EXISTS (SELECT 1 FROM ${this.schema}.words x WHERE x.word = t.w) THEN NULL ELSE
           (SELECT x.word FROM ${this.schema}.words x WHERE x.word % t.w ORDER BY similarity(x.word, t.w) DESC, x.word LIMIT 1) END AS fix
         FROM unnest($1::text[]) AS t(w)`,
        [candidates],
      );
      for (const r of rows) if (r.fix) fixes.set(r.w, r.fix);
    }
    const phrase = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`);
    const terms = q.words.map((w, i) => {
      const alternatives = [q.lastIsPrefix && i === q.words.length - 1 ? `${w}:*` : w];
      const fix = fixes.get(w);
      if (fix) alternatives.push(fix);
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
    });
    return [...terms, ...q.phrases.map(phrase), ...q.excluded.map((p) => `!${phrase(p)}`)].join(' & ');
  }
}
