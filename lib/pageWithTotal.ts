import type { Page } from './pagination.ts';

export interface Queryable {
  query<T>(text: string, params?: unknown[]): Promise<T>;
}

/** The rows a list may show: `columns` selected `FROM from` (joins and WHERE included), `params` numbered from $1. */
export interface Matching {
  columns: string;
  from: string;
  params: readonly unknown[];
}

export interface PageWithTotal<R> {
  nodes: R[];
  /** How many rows match in all, wherever the page stands. */
  total: number;
}

/**
 * The total rides on the page's rows (`count(*) OVER ()` over every match). A page that comes back empty although it
 * does not start at the first match has no row to carry it: only then is it counted in a second statement.
 */
async function withTotal<R>(db: Queryable, matching: Matching, rows: (R & { total: string })[], pastStart: boolean): Promise<PageWithTotal<R>> {
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && pastStart) {
    [{ total }] = await db.query<[{ total: number }]>(`SELECT count(*)::int AS total FROM ${matching.from}`, [...matching.params]);
  }
  return { nodes: rows.map(({ total: _total, ...row }) => row as unknown as R), total };
}

/** The page of matching rows in `order` at the page's offset, and how many rows match. */
export async function pageWithTotal<R>(db: Queryable, matching: Matching, order: string, page: Page): Promise<PageWithTotal<R>> {
  const n = matching.params.length;
  const rows = await db.query<(R & { total: string })[]>(
    `SELECT ${matching.columns}, count(*) OVER () AS total FROM ${matching.from} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...matching.params, page.limit, page.offset]);
  return withTotal(db, matching, rows, page.offset > 0);
}

/**
 * The `limit` matching rows whose `key` (an SQL expression of type `keyType`) is below `before`, highest key first
 * (from the top when `before` is null), and how many rows match.
 */
export async function pageBelowWithTotal<R>(
  db: Queryable, matching: Matching, key: string, keyType: string, page: { limit: number; before: string | null },
): Promise<PageWithTotal<R>> {
  const n = matching.params.length;
  const rows = await db.query<(R & { total: string; n: unknown })[]>(
    `SELECT * FROM (SELECT ${matching.columns}, ${key} AS n, count(*) OVER () AS total FROM ${matching.from}) x
     WHERE $${n + 1}::${keyType} IS NULL OR x.n < $${n + 1}::${keyType}
     ORDER BY x.n DESC LIMIT $${n + 2}`, [...matching.params, page.before, page.limit]);
  return withTotal(db, matching, rows.map(({ n: _n, ...row }) => row as unknown as R & { total: string }), page.before !== null);
}
