import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * procedures.search_documents: the searchable projection the search indexer reads (it never reads the tables).
 * One row per procedure with a published version in force: the version `published_version` points to, while it
 * is IN_FORCE (what readers who are not the owning agency's editors see). Drafts never show; a withdrawn procedure
 * disappears. Operational notes (LEA) and resourcing (MANAGEMENT) are stricter than the item and stay out of the text.
 */
export class ProceduresSearchDocuments1764400006001 implements MigrationInterface {
  name = 'ProceduresSearchDocuments1764400006001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW procedures.search_documents AS
      SELECT
        'Procedure'::text AS doc_type,
        p.id AS doc_id,
        NULL::text AS parent_type,
        NULL::text AS parent_id,
        v.title,
        concat_ws(E'\\n',
          v.summary,
          regexp_replace(v.body, '^[ \\t]*(#{1,6}|[-*+])[ \\t]+', '', 'gn'),
          (SELECT string_agg(concat_ws(E'\\n', s.step->>'action', s.step->>'responsibleRole',
                    (SELECT string_agg(g.safeguard, E'\\n') FROM jsonb_array_elements_text(
                       CASE WHEN jsonb_typeof(s.step->'safeguards') = 'array' THEN s.step->'safeguards' ELSE '[]'::jsonb END) AS g(safeguard))),
                  E'\\n' ORDER BY s.n)
             FROM jsonb_array_elements(v.steps) WITH ORDINALITY AS s(step, n)),
          nullif(replace(array_to_string(v.tags, ' '), '_', ' '), '')) AS body,
        v.language,
        v.visibility,
        v.restricted_to,
        p.jurisdiction_code AS jurisdiction,
        ARRAY[p.topic] AS topics,
        v.published_at AS updated_at
      FROM procedures.procedures p
      JOIN procedures.procedure_versions v ON v.procedure_id = p.id AND v.version = p.published_version
      WHERE v.status = 'IN_FORCE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW procedures.search_documents');
  }
}
