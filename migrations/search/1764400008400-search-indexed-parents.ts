import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * search.indexed_parents: the parent of each indexed document that has one (see subgraphs/search/parents.ts). It is
 * filled as documents are indexed; `npm run reindex` fills it for an index built before this table existed.
 */
export class SearchIndexedParents1764400008400 implements MigrationInterface {
  name = 'SearchIndexedParents1764400008400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE search.indexed_parents (
      doc_type text NOT NULL,
      doc_id text NOT NULL,
      parent_type text NOT NULL,
      parent_id text NOT NULL,
      PRIMARY KEY (doc_type, doc_id)
    )`);
    await q.query('CREATE INDEX indexed_parents_parent_idx ON search.indexed_parents (parent_type, parent_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search.indexed_parents');
  }
}
