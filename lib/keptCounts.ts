/**
 * SQL adding signed figures to a table of kept counts: `deltas` selects the key columns then the count columns, one
 * row per change (+ for what arrives, - for what leaves). Rows are grouped by key and written in key order, so that
 * concurrent writers lock the rows they share in the same order. Meant for trigger functions, which alone can read
 * their transition tables.
 */
export function addCountsSql(table: string, keys: readonly string[], counts: readonly string[], deltas: string): string {
  const positions = keys.map((_, i) => i + 1).join(', ');
  return `INSERT INTO ${table} AS k (${[...keys, ...counts].join(', ')})
  SELECT ${keys.join(', ')}, ${counts.map((c) => `sum(${c})`).join(', ')} FROM (${deltas}) d
  GROUP BY ${positions} HAVING ${counts.map((c) => `sum(${c}) <> 0`).join(' OR ')} ORDER BY ${positions}
  ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${counts.map((c) => `${c} = k.${c} + excluded.${c}`).join(', ')}`;
}

/** A statement-level AFTER trigger with transition tables, as the kept counts use them. */
export interface CountingTrigger {
  name: string;
  event: 'INSERT' | 'UPDATE' | 'DELETE';
  table: string;
  /** e.g. `OLD TABLE AS old_rows NEW TABLE AS new_rows` */
  referencing: string;
  fn: string;
}

export const createTriggerSql = (schema: string, t: CountingTrigger) => `CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${schema}.${t.table}
  REFERENCING ${t.referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.${t.fn}()`;

export const dropTriggerSql = (schema: string, t: CountingTrigger) => `DROP TRIGGER ${t.name} ON ${schema}.${t.table}`;
