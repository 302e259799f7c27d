import type { EntityManager } from 'typeorm';
import type { DocumentKey } from './engine.ts';
import type { Projected } from './sources.ts';

// search.indexed_parents records, for every indexed document that belongs to another entity, which one: so that an
// event about the parent finds the children indexed under it, including those its source no longer shows.

/** The indexed documents whose parent is one of these entities. */
export async function indexedChildren(tx: EntityManager, parents: DocumentKey[]): Promise<DocumentKey[]> {
  if (parents.length === 0) return [];
  return tx.query(
    `SELECT c.doc_type AS type, c.doc_id AS id FROM search.indexed_parents c
     JOIN unnest($1::text[], $2::text[]) AS p(type, id) ON c.parent_type = p.type AND c.parent_id = p.id`,
    [parents.map((p) => p.type), parents.map((p) => p.id)]);
}

/** Records the parents of documents just indexed and forgets removed documents, in the indexer's transaction. */
export async function recordParents(tx: EntityManager, indexed: Projected[], removed: DocumentKey[]): Promise<void> {
  if (removed.length) {
    await tx.query(`DELETE FROM search.indexed_parents c USING unnest($1::text[], $2::text[]) AS g(type, id)
      WHERE c.doc_type = g.type AND c.doc_id = g.id`, [removed.map((k) => k.type), removed.map((k) => k.id)]);
  }
  const children = indexed.filter((p) => p.parent);
  if (children.length) {
    await tx.query(`INSERT INTO search.indexed_parents (doc_type, doc_id, parent_type, parent_id)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
      ON CONFLICT (doc_type, doc_id) DO UPDATE SET parent_type = excluded.parent_type, parent_id = excluded.parent_id
        WHERE (search.indexed_parents.parent_type, search.indexed_parents.parent_id) IS DISTINCT FROM (excluded.parent_type, excluded.parent_id)`,
    [children.map((c) => c.document.type), children.map((c) => c.document.id), children.map((c) => c.parent!.type), children.map((c) => c.parent!.id)]);
  }
}
