import type { DataSource } from 'typeorm';
import type { Queryable } from '../../lib/audit/collector.ts';
import { sqlConditions } from '../../lib/sqlConditions.ts';
import type { ChainStatusView } from './chain.ts';
import { AUDIT_ENTRY_COLUMNS } from './views.ts';
import type { AuditEntryView } from './views.ts';

export interface EntryFilter {
  member?: string | null;
  entity?: string | null;
  entityType?: string | null;
  kind?: string | null;
  decision?: string | null;
  /** Instants as timestamptz literals. */
  from?: string | null;
  to?: string | null;
}

/**
 * Reads of the audit log (schema `audit`, owned by the kernel's migrations), and `chainStatus`'s (possibly remembered)
 * verdict on the whole chain.
 */
export function createLoaders(db: DataSource, chainStatus: (db: Queryable) => Promise<ChainStatusView>) {
  return {
    chainStatus: () => chainStatus(db),
    /**
     * Entries matching `filter`, newest first, after the entry `beforeSeq` (exclusive) when given; `limit` + 1 rows
     * are read so the caller knows whether more follow. `total` counts every match of the filter.
     */
    async entries(filter: EntryFilter, limit: number, beforeSeq: string | null): Promise<{ rows: AuditEntryView[]; total: number }> {
      const params: unknown[] = [];
      const where = sqlConditions(params, ['true']);
      if (filter.member) where.add('l.member_id = ?', filter.member);
      if (filter.entity) where.add('l.entity_ids @> ARRAY[?]::text[]', filter.entity);
      if (filter.entityType) where.add('l.entity_type = ?', filter.entityType);
      if (filter.kind) where.add('l.kind = ?', filter.kind);
      if (filter.decision) where.add('l.decision = ?', filter.decision);
      if (filter.from) where.add('l.at >= ?::timestamptz', filter.from);
      if (filter.to) where.add('l.at < ?::timestamptz', filter.to);
      const matching = `FROM audit.log l WHERE ${where.list.join(' AND ')}`;
      const filterParams = [...params];
      params.push(beforeSeq, limit + 1);
      const rows: (AuditEntryView & { total: string })[] = await db.query(
        `SELECT * FROM (SELECT ${AUDIT_ENTRY_COLUMNS}, l.seq AS n, count(*) OVER () AS total ${matching}) x
         WHERE $${params.length - 1}::bigint IS NULL OR x.n < $${params.length - 1}::bigint
         ORDER BY x.n DESC LIMIT $${params.length}`, params);
      let total = rows[0] ? Number(rows[0].total) : 0;
      if (!rows[0] && beforeSeq !== null) [{ total }] = await db.query(`SELECT count(*)::int AS total ${matching}`, filterParams);
      return { rows: rows.map(({ total: _t, n: _n, ...r }: AuditEntryView & { total: string; n?: unknown }) => r), total };
    },
  };
}

export type AuditLoaders = ReturnType<typeof createLoaders>;
