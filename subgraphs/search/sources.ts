import type { DataSource, EntityManager } from 'typeorm';
import { keyOf } from './engine.ts';
import type { DocumentKey, SearchDocument } from './engine.ts';

// Each content subgraph publishes `<schema>.search_documents` (its searchable projection, see its migrations);
// the search subgraph reads those views and nothing else of theirs.

const COLUMNS = `doc_type AS type, doc_id AS id, title, body, language, visibility, restricted_to AS "restrictedTo",
  jurisdiction, topics, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
  parent_type AS "parentType", parent_id AS "parentId"`;

/** A document of a source's view and the entity it belongs to (a workshop's item, a framework's provision), if any. */
export interface Projected {
  document: SearchDocument;
  parent: DocumentKey | null;
}

type Row = SearchDocument & { parentType: string | null; parentId: string | null };

const projected = ({ parentType, parentId, ...document }: Row): Projected =>
  ({ document, parent: parentType && parentId ? { type: parentType, id: parentId } : null });

/**
 * The current documents for these entities and for the children of these entities (e.g. a workshop's items).
 * One lookup per entity type, in one statement: with a constant type each branch of the view uses its index.
 */
export async function documentsFor(tx: EntityManager, source: string, keys: DocumentKey[]): Promise<Projected[]> {
  if (keys.length === 0) return [];
  const idsByType = new Map<string, string[]>();
  for (const k of keys) idsByType.set(k.type, [...(idsByType.get(k.type) ?? []), k.id]);
  const params: unknown[] = [];
  const lookups = [...idsByType].map(([type, ids]) => {
    params.push(type, ids);
    const t = `$${params.length - 1}`;
    const i = `$${params.length}::text[]`;
    return `SELECT ${COLUMNS} FROM ${source}.search_documents WHERE (doc_type = ${t} AND doc_id = ANY(${i})) OR (parent_type = ${t} AND parent_id = ANY(${i}))`;
  });
  const rows: Row[] = await tx.query(lookups.join(' UNION ALL '), params);
  const unique = new Map(rows.map((d) => [keyOf(d), projected(d)]));
  return [...unique.values()];
}

/** Every document of a source, in pages (keyset on type and id). */
export async function* allDocuments(db: DataSource, source: string, pageSize = 500): AsyncGenerator<Projected[]> {
  let after: [string, string] = ['', ''];
  for (;;) {
    const page: Row[] = await db.query(
      `SELECT ${COLUMNS} FROM ${source}.search_documents WHERE (doc_type, doc_id) > ($1, $2) ORDER BY doc_type, doc_id LIMIT $3`,
      [after[0], after[1], pageSize],
    );
    if (page.length === 0) return;
    yield page.map(projected);
    const last = page.at(-1)!;
    after = [last.type, last.id];
  }
}

export async function countDocuments(db: DataSource, source: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM ${source}.search_documents`);
  return row.n;
}
