import type { MigrationInterface, QueryRunner } from 'typeorm';

const NESTING = `SELECT DISTINCT c FROM (
  SELECT a AS c FROM unnest(framework) a, unnest(provision) b WHERE legal.jurisdiction_within(a, b)
  UNION ALL
  SELECT b FROM unnest(framework) a, unnest(provision) b WHERE legal.jurisdiction_within(b, a)
) nested`;

// The function with the answer for two non-empty lists.
const searchRestriction = (nested: string) => `CREATE OR REPLACE FUNCTION legal.search_restriction(framework text[], provision text[])
  RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
      WHEN cardinality(provision) = 0 THEN framework
      WHEN cardinality(framework) = 0 THEN provision
      ELSE ${nested}
    END
  $$`;

/**
 * legal.search_restriction answers NULL (open to nobody) for two restrictions that exclude each other, as the
 * subgraph's nestRestrictions does; it answered '{}', which reads as "unrestricted". legal.search_documents already
 * leaves such provisions out (cardinality(NULL) > 0 is not true), so its rows do not change.
 */
export class LegalDisjointSearchRestriction1764400015102 implements MigrationInterface {
  name = 'LegalDisjointSearchRestriction1764400015102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(searchRestriction(`(SELECT array_agg(c ORDER BY c COLLATE "C") FROM (${NESTING}) distinct_codes)`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(searchRestriction(`ARRAY(${NESTING} ORDER BY c)`));
  }
}
