import { visibilitySql } from './access.ts';
import type { Viewer } from './access.ts';
import { badInput } from './errors.ts';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** Items of another subgraph that content cites, as that subgraph publishes them. */
export interface CitedKind {
  /** The owning subgraph's schema, which publishes `<schema>.search_documents`. */
  schema: string;
  /** The `doc_type` of the items in that view. */
  type: string;
  /** The input field that cites them, for the error message. */
  field: string;
  /** What one item is called, for the error message. */
  noun: string;
}

/**
 * The ids among `ids` that the viewer may see, read from the owner's published projection (the rows readers find,
 * under their guards). An id that is unknown and one that is hidden are alike absent.
 */
export async function visibleIds(db: Queryable, viewer: Viewer, kind: CitedKind, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  if (!/^[a-z_]+$/.test(kind.schema)) throw new Error(`Not a schema name: ${kind.schema}`);
  const params: unknown[] = [kind.type, ids];
  const rows: { id: string }[] = await db.query(
    `SELECT doc_id AS id FROM ${kind.schema}.search_documents d WHERE doc_type = $1 AND doc_id = ANY($2::text[])
       AND ${visibilitySql(viewer, 'd', params)}`, params);
  return new Set(rows.map((r) => r.id));
}

/**
 * The citations to store when the viewer gives `given` over `earlier`: every id given must be one the viewer may see
 * (otherwise BAD_USER_INPUT, worded alike for unknown and hidden ids), and earlier citations the viewer may not see
 * are kept, since nobody removes what they cannot see.
 */
export async function checkedCitations(db: Queryable, viewer: Viewer, kind: CitedKind, given: string[], earlier: string[] = []): Promise<string[]> {
  const visible = await visibleIds(db, viewer, kind, [...new Set([...given, ...earlier])]);
  const unseen = given.find((id) => !visible.has(id));
  if (unseen !== undefined) throw badInput(`${kind.field}: there is no ${kind.noun} "${unseen}" you can cite.`);
  return [...given, ...earlier.filter((id) => !visible.has(id) && !given.includes(id))];
}
