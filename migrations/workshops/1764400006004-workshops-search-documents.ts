import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A statement as a result title: whole up to 200 characters, else cut with an ellipsis. */
const titleOf = (col: string) => `CASE WHEN char_length(${col}) <= 200 THEN ${col} ELSE left(${col}, 199) || '…' END`;

/**
 * workshops.search_documents: the searchable projection the search indexer reads (it never reads the tables).
 *
 * - Workshop: every workshop (whatever its report status), under its own guard; its key messages go into its text
 *   (they have no rows of their own; a keyMessage.added event names the workshop in its payload).
 * - SwotItem and Recommendation: every one, under its workshop's guard (the subgraph shows them exactly to the
 *   viewers who may see the workshop), with the workshop as parent so that workshop events re-project them.
 *
 * The indexes on (workshop_id, position) of swot_items and recommendations serve the parent lookups.
 *
 * The ORDER BY is deliberate: it keeps PostgreSQL from flattening the UNION ALL into an append relation, whose
 * branches receive outer predicates only constant-folded. Planned as a subquery instead, every branch gets the lookup
 * `(doc_type = $1 AND doc_id = ANY($2)) OR (parent_type = $1 AND parent_id = ANY($2))` simplified in full (the arm on a
 * constant NULL parent drops out), so each branch reaches its primary key or (workshop_id | framework_id) index
 * instead of scanning (test/searchDocuments.test.ts checks the plans).
 */
export const searchDocumentsView = (language: string) => `CREATE OR REPLACE VIEW workshops.search_documents AS
      SELECT
        'Workshop'::text AS doc_type,
        w.id AS doc_id,
        NULL::text AS parent_type,
        NULL::text AS parent_id,
        w.title,
        concat_ws(E'\\n', w.theme, w.series, w.summary,
          (SELECT string_agg(k.text, E'\\n' ORDER BY k.position) FROM workshops.key_messages k WHERE k.workshop_id = w.id)) AS body,
        ${language} AS language,
        w.visibility,
        w.restricted_to,
        w.city_code AS jurisdiction,
        w.topics,
        greatest(w.created_at, (SELECT max(k.created_at) FROM workshops.key_messages k WHERE k.workshop_id = w.id)) AS updated_at
      FROM workshops.workshops w
      UNION ALL
      SELECT
        'SwotItem'::text,
        s.id,
        'Workshop'::text,
        s.workshop_id,
        ${titleOf('s.statement')},
        concat_ws(E'\\n', s.statement, s.evidence),
        ${language},
        w.visibility,
        w.restricted_to,
        w.city_code,
        ARRAY[s.topic],
        s.created_at
      FROM workshops.swot_items s
      JOIN workshops.workshops w ON w.id = s.workshop_id
      UNION ALL
      SELECT
        'Recommendation'::text,
        r.id,
        'Workshop'::text,
        r.workshop_id,
        ${titleOf('r.statement')},
        concat_ws(E'\\n', r.statement, r.rationale),
        ${language},
        w.visibility,
        w.restricted_to,
        w.city_code,
        r.topics,
        r.updated_at
      FROM workshops.recommendations r
      JOIN workshops.workshops w ON w.id = r.workshop_id
      ORDER BY doc_type, doc_id`;

export class WorkshopsSearchDocuments1764400006004 implements MigrationInterface {
  name = 'WorkshopsSearchDocuments1764400006004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(searchDocumentsView(`'en'::text`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW workshops.search_documents');
  }
}
