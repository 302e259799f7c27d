/** ISO 639-1 codes and the PostgreSQL snowball configuration that stems them (where the server has it). */
export const STEMMED_LANGUAGES: Record<string, string> = {
  en: 'english', es: 'spanish', ca: 'catalan', de: 'german', fr: 'french', nl: 'dutch', it: 'italian',
  pt: 'portuguese', da: 'danish', sv: 'swedish', fi: 'finnish', hu: 'hungarian', ro: 'romanian', el: 'greek',
  lt: 'lithuanian', no: 'norwegian', et: 'estonian',
};

/**
 * Statements creating the PostgreSQL search index in `schema`: one text-search configuration per language
 * the server can stem (accents folded), the documents table with a weighted tsvector, and a word list
 * with trigrams for typo tolerance. Run by the search subgraph's first migration, so it must not change.
 */
export function postgresSearchSql(schema: string): string[] {
  const languages = Object.entries(STEMMED_LANGUAGES).map(([code, base]) => `('${code}', '${base}')`).join(', ');
  return [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    'CREATE EXTENSION IF NOT EXISTS unaccent',
    `CREATE TABLE ${schema}.languages (code text PRIMARY KEY, config regconfig NOT NULL)`,
    `CREATE TEXT SEARCH CONFIGURATION ${schema}.simple (COPY = pg_catalog.simple)`,
    `ALTER TEXT SEARCH CONFIGURATION ${schema}.simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`,
    `DO $$
     DECLARE r record;
     BEGIN
       FOR r IN SELECT * FROM (VALUES ${languages}) AS v(code, base) LOOP
         IF EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = r.base AND cfgnamespace = 'pg_catalog'::regnamespace) THEN
           EXECUTE format('CREATE TEXT SEARCH CONFIGURATION ${schema}.%I (COPY = pg_catalog.%I)', r.base, r.base);
           EXECUTE format('ALTER TEXT SEARCH CONFIGURATION ${schema}.%I ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %I', r.base, r.base || '_stem');
           INSERT INTO ${schema}.languages VALUES (r.code, format('${schema}.%I', r.base)::regconfig);
         END IF;
       END LOOP;
     END $$`,
    `CREATE TABLE ${schema}.documents (
      doc_type text NOT NULL,
      doc_id text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      language text NOT NULL,
      config regconfig NOT NULL,
      visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT')),
      restricted_to text[] NOT NULL DEFAULT '{}',
      jurisdiction text,
      topics text[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL,
      tsv tsvector NOT NULL,
      indexed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (doc_type, doc_id)
    )`,
    `CREATE INDEX documents_tsv_idx ON ${schema}.documents USING gin (tsv)`,
    `CREATE INDEX documents_updated_idx ON ${schema}.documents (updated_at DESC)`,
    `CREATE TABLE ${schema}.words (word text PRIMARY KEY)`,
    `CREATE INDEX words_trgm_idx ON ${schema}.words USING gin (word gin_trgm_ops)`,
  ];
}
