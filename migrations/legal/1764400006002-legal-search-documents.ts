import type { MigrationInterface, QueryRunner } from 'typeorm';

const VISIBILITIES = `ARRAY['PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT']`;
// The 27 EU member states as subgraphs/legal/memberStates.ts lists them (Greece is GR), frozen with this migration.
const MEMBER_STATES = `ARRAY['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU',
  'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']`;

/**
 * legal.search_documents: the searchable projection the search indexer reads (it never reads the tables).
 *
 * - LegalFramework: every framework, under its own guard.
 * - LegalProvision: each provision at the version a reader sees without `at` (the newest in force today, UTC, or the
 *   newest of all when none is in force yet: the same choice as the subgraph's `versionChoiceOrder`). The subgraph shows
 *   a provision only to viewers who pass both its own guard and its framework's, so the row carries the stricter of the
 *   two visibilities and the restriction both lists leave open (see legal.search_restriction). A provision whose two
 *   restrictions exclude each other is visible to nobody and has no row. Its parent is the framework, whose events
 *   (visibility, short title) re-project it.
 *
 * The records' texts (summaries, headings, provision texts) are written in English whatever the act's official
 * languages (`frameworks.languages`), so the language is 'en'.
 *
 * The ORDER BY is deliberate: it keeps PostgreSQL from flattening the UNION ALL into an append relation, whose
 * branches receive outer predicates only constant-folded. Planned as a subquery instead, every branch gets the lookup
 * `(doc_type = $1 AND doc_id = ANY($2)) OR (parent_type = $1 AND parent_id = ANY($2))` simplified in full (the arm on a
 * constant NULL parent drops out), so each branch reaches its primary key or (workshop_id | framework_id) index
 * instead of scanning (test/searchDocuments.test.ts checks the plans).
 */
export class LegalSearchDocuments1764400006002 implements MigrationInterface {
  name = 'LegalSearchDocuments1764400006002';

  async up(q: QueryRunner): Promise<void> {
    // Whether jurisdiction `inner` is `outer` or lies within it: ES-CT-BCN within ES-CT within ES within EU.
    await q.query(`CREATE FUNCTION legal.jurisdiction_within(inner_code text, outer_code text) RETURNS boolean
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT inner_code = outer_code
          OR starts_with(inner_code, outer_code || '-')
          OR (outer_code = 'EU' AND split_part(inner_code, '-', 1) = ANY(${MEMBER_STATES}))
      $$`);
    // The restriction equivalent to passing both lists: a viewer passes a list when one of its codes is the viewer's
    // jurisdiction or an ancestor; passing both means being within the deeper code of a nested pair.
    await q.query(`CREATE FUNCTION legal.search_restriction(framework text[], provision text[]) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE
          WHEN cardinality(provision) = 0 THEN framework
          WHEN cardinality(framework) = 0 THEN provision
          ELSE ARRAY(
            SELECT DISTINCT c FROM (
              SELECT a AS c FROM unnest(framework) a, unnest(provision) b WHERE legal.jurisdiction_within(a, b)
              UNION ALL
              SELECT b FROM unnest(framework) a, unnest(provision) b WHERE legal.jurisdiction_within(b, a)
            ) nested ORDER BY c)
        END
      $$`);
    await q.query(`CREATE VIEW legal.search_documents AS
      SELECT
        'LegalFramework'::text AS doc_type,
        f.id AS doc_id,
        NULL::text AS parent_type,
        NULL::text AS parent_id,
        f.short_title AS title,
        concat_ws(E'\\n', f.title, f.summary, f.identifier, f.celex) AS body,
        'en'::text AS language,
        f.visibility,
        f.restricted_to,
        f.jurisdiction_code AS jurisdiction,
        '{}'::text[] AS topics,
        f.updated_at
      FROM legal.frameworks f
      UNION ALL
      SELECT
        'LegalProvision'::text,
        p.id,
        'LegalFramework'::text,
        p.framework_id,
        f.short_title || ', ' || p.reference || ': ' || v.heading,
        concat_ws(E'\\n', p.reference, v.heading, v.text),
        'en'::text,
        (${VISIBILITIES})[greatest(array_position(${VISIBILITIES}, f.visibility), array_position(${VISIBILITIES}, p.visibility))],
        legal.search_restriction(f.restricted_to, p.restricted_to),
        f.jurisdiction_code,
        ARRAY(SELECT d.topic FROM legal.position_dimensions d WHERE d.key IN (SELECT jsonb_object_keys(v.dimension_values))
              GROUP BY d.topic ORDER BY d.topic),
        greatest(v.created_at, f.updated_at)
      FROM legal.provisions p
      JOIN legal.frameworks f ON f.id = p.framework_id
      CROSS JOIN LATERAL (
        SELECT pv.heading, pv.text, pv.dimension_values, pv.created_at
        FROM legal.provision_versions pv
        WHERE pv.provision_id = p.id
        ORDER BY (pv.valid_from <= (now() AT TIME ZONE 'UTC')::date) DESC, pv.version DESC
        LIMIT 1
      ) v
      WHERE cardinality(f.restricted_to) = 0 OR cardinality(p.restricted_to) = 0
        OR cardinality(legal.search_restriction(f.restricted_to, p.restricted_to)) > 0
      ORDER BY doc_type, doc_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW legal.search_documents');
    await q.query('DROP FUNCTION legal.search_restriction(text[], text[])');
    await q.query('DROP FUNCTION legal.jurisdiction_within(text, text)');
  }
}
