import type { DataSource, EntityManager } from 'typeorm';
import { visibilitySql } from '../../lib/access.ts';
import { FACET_FIELDS } from './engine.ts';
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
  private readonly tsqueries = new WeakMap<ParsedQuery, Promise<string | null>>();

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
      // Only public text feeds typo correction: whether a word is known must say nothing about hidden items.
      [JSON.stringify(docs), wordsOf(docs.filter((d) => d.visibility === 'PUBLIC' && d.restrictedTo.length === 0))],
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
    if (!matches) return { total: 0, hits: [] };
    const order = (m: string) => (req.sort === 'NEWEST' ? '' : `${m}.score DESC, `) + `${m}.updated_at DESC, ${m}.doc_type, ${m}.doc_id`;
    params.push(req.limit, req.offset, HEADLINE);
    const n = params.length;
    const [row] = await this.db.query(
      `${matches},
       page AS (SELECT * FROM m ORDER BY ${order('m')} LIMIT $${n - 2} OFFSET $${n - 1})
       SELECT (SELECT count(*) FROM m)::int AS total,
         coalesce((SELECT json_agg(json_build_object('type', d.doc_type, 'id', d.doc_id, 'title', d.title, 'score', page.score,
           'visibility', d.visibility, 'restrictedTo', d.restricted_to,
           'snippet', ts_headline(d.config, ${escapeHtmlSql('d.body')}, $1::tsquery, $${n})) ORDER BY ${order('page')})
           FROM page JOIN ${this.schema}.documents d ON (d.doc_type, d.doc_id) = (page.doc_type, page.doc_id)), '[]'::json) AS hits`,
      params,
    );
    return { total: row.total, hits: (row.hits as SearchHit[]).map((h) => ({ ...h, score: Number(h.score) })) };
  }

  async facets(req: SearchRequest): Promise<Facet[]> {
    const params: unknown[] = [];
    const matches = await this.matchesSql(req, params, false);
    if (!matches) return FACET_FIELDS.map((field) => ({ field, values: [] }));
    const rows: { field: FacetField; value: string; count: number }[] = await this.db.query(
      `${matches}
       SELECT 'type' AS field, doc_type AS value, count(*)::int AS count FROM m GROUP BY doc_type
       UNION ALL SELECT 'jurisdiction', jurisdiction, count(*)::int FROM m WHERE jurisdiction IS NOT NULL GROUP BY jurisdiction
       UNION ALL SELECT 'topic', t, count(*)::int FROM m CROSS JOIN unnest(m.topics) AS t GROUP BY t
       ORDER BY field, count DESC, value`,
      params,
    );
    return FACET_FIELDS.map((field) => ({
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

  /**
   * `WITH m AS (...)`: the viewer's matching documents, filtered before anything is counted; the tsquery is $1.
   * Only narrow columns (a common word matches most documents: their bodies are read for the page alone), and the
   * score only when `ranked`. Null when the query has nothing searchable left.
   */
  private async matchesSql(req: SearchRequest, params: unknown[], ranked = true): Promise<string | null> {
    const s = this.schema;
    const text = await this.tsquery(req.query);
    if (text === null) return null;
    params.push(text);
    const tsquery = '$1';
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
    return `WITH m AS (
        SELECT d.doc_type, d.doc_id, d.updated_at, d.jurisdiction, d.topics${ranked ? `, ts_rank_cd(d.tsv, ${tsquery}::tsquery, 1) AS score` : ''}
        FROM ${s}.documents d
        WHERE d.tsv @@ ${tsquery}::tsquery AND ${where.join(' AND ')}
      )`;
  }

  /**
   * The query as one tsquery that every document's language can match: each term is normalised by every
   * language configuration and the variants are OR-ed (a word that is a stop word in some language is
   * dropped). Words are letters and digits only, so nothing the user types becomes an operator. A word no
   * document contains is widened to the closest known word (typos); the last word also matches as a prefix.
   * Returns null when nothing searchable is left (only stop words).
   */
  private tsquery(q: ParsedQuery): Promise<string | null> {
    let text = this.tsqueries.get(q);
    if (!text) {
      text = this.buildTsquery(q);
      this.tsqueries.set(q, text);
    }
    return text;
  }

  private async buildTsquery(q: ParsedQuery): Promise<string | null> {
    const s = this.schema;
    const phrase = (parts: string[]) => parts.join(' <-> ');
    const terms = [
      ...q.words.map((w, i) => ({ text: w, prefix: q.lastIsPrefix && i === q.words.length - 1, correctable: w.length >= MIN_CORRECTED_LENGTH, negated: false })),
      ...q.phrases.map((p) => ({ text: phrase(p), prefix: false, correctable: false, negated: false })),
      ...q.excluded.map((p) => ({ text: phrase(p), prefix: false, correctable: false, negated: true })),
    ];
    const rows: { i: string; variants: string[]; stop: boolean; fixes: string[] }[] = await this.db.query(
      `WITH t AS (SELECT * FROM unnest($1::text[], $2::bool[]) WITH ORDINALITY AS t(term, correctable, i)),
       f AS (
         SELECT t.i, t.term, CASE WHEN t.correctable AND NOT EXISTS (SELECT 1 FROM ${s}.words w WHERE w.word = t.term) THEN
           (SELECT w.word FROM ${s}.words w WHERE w.word % t.term ORDER BY similarity(w.word, t.term) DESC, w.word LIMIT 1) END AS fix
         FROM t
       ),
       c AS (SELECT config FROM ${s}.languages UNION SELECT '${s}.simple'::regconfig)
       SELECT f.i::text AS i,
         coalesce(array_agg(DISTINCT to_tsquery(c.config, f.term)::text) FILTER (WHERE to_tsquery(c.config, f.term)::text <> ''), '{}') AS variants,
         bool_or(to_tsquery(c.config, f.term)::text = '') AS stop,
         coalesce(array_agg(DISTINCT to_tsquery(c.config, f.fix)::text) FILTER (WHERE f.fix IS NOT NULL AND to_tsquery(c.config, f.fix)::text <> ''), '{}') AS fixes
       FROM f CROSS JOIN c GROUP BY f.i ORDER BY f.i`,
      [terms.map((t) => t.text), terms.map((t) => t.correctable)],
    );
    const parts: string[] = [];
    let positive = 0;
    for (const [n, term] of terms.entries()) {
      const row = rows[n]!;
      if (row.stop && row.variants.every((v) => !v.includes('<'))) continue; // a stop word somewhere: ignored everywhere
      // A prefix matches the word as typed (unstemmed): stems of other languages would widen it too far.
      const variants = [...new Set([...row.variants, ...row.fixes, ...(term.prefix ? [`'${term.text}':*`] : [])])];
      if (variants.length === 0) continue;
      const alternatives = variants.map((v) => `(${v})`).join(' | ');
      parts.push(term.negated ? `!(${alternatives})` : `(${alternatives})`);
      if (!term.negated) positive++;
    }
    return positive === 0 ? null : parts.join(' & ');
  }
}
