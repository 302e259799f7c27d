import type { DataSource } from 'typeorm';
import type { Queryable } from '../../lib/audit/collector.ts';
import { sqlConditions } from '../../lib/sqlConditions.ts';
import { pageBelowWithTotal } from '../../lib/pageWithTotal.ts';
import { sql } from '../../lib/sqlFragments.ts';
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
      if (filter.member) where.add(sql`l.member_id = ${filter.member}`);
      if (filter.entity) where.add(sql`l.entity_ids @> ARRAY[${filter.entity}]::text[]`);
      if (filter.entityType) where.add(sql`l.entity_type = ${filter.entityType}`);
      if (filter.kind) where.add(sql`l.kind = ${filter.kind}`);
      if (filter.decision) where.add(sql`l.decision = ${filter.decision}`);
      if (filter.from) where.add(sql`l.at >= ${filter.from}::timestamptz`);
      if (filter.to) where.add(sql`l.at < ${filter.to}::timestamptz`);
      const matching = { columns: AUDIT_ENTRY_COLUMNS, from: `audit.log l WHERE ${where.list.join(' AND ')}`, params };
      const { nodes, total } = await pageBelowWithTotal<AuditEntryView>(db, matching, 'l.seq', 'bigint', { limit: limit + 1, before: beforeSeq });
      return { rows: nodes, total };
    },
  };
}

export type AuditLoaders = ReturnType<typeof createLoaders>;
