import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * training.search_documents: the searchable projection the search indexer reads (it never reads the tables).
 * One row per curriculum, under its own guard (curricula have no draft state: every reader who passes the guard sees
 * them). Module titles and outlines go into the curriculum's text; modules and assignments have no rows of their own.
 * Adding a module bumps the curriculum's updated_at and emits a Curriculum event, so the row follows.
 */
export class TrainingSearchDocuments1764400006003 implements MigrationInterface {
  name = 'TrainingSearchDocuments1764400006003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW training.search_documents AS
      SELECT
        'Curriculum'::text AS doc_type,
        c.id AS doc_id,
        NULL::text AS parent_type,
        NULL::text AS parent_id,
        c.title,
        concat_ws(E'\\n',
          c.summary,
          nullif(array_to_string(c.learning_outcomes, E'\\n'), ''),
          (SELECT string_agg(concat_ws(E'\\n', m.title, m.outline), E'\\n' ORDER BY m.position)
             FROM training.modules m WHERE m.curriculum_id = c.id),
          nullif(replace(array_to_string(c.tags, ' '), '_', ' '), '')) AS body,
        c.language,
        c.visibility,
        c.restricted_to,
        NULL::text AS jurisdiction,
        c.topics,
        c.updated_at
      FROM training.curricula c`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW training.search_documents');
  }
}
