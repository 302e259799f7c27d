import type { DataSource } from 'typeorm';
import { sqlConditions } from '../../lib/sqlConditions.ts';
import { sql } from '../../lib/sqlFragments.ts';
import { pageBelowWithTotal } from '../../lib/pageWithTotal.ts';

export interface AuditEntryView {
  id: string;
  seq: string;
  at: string;
  requestId: string | null;
  memberId: string | null;
  agencyId: string | null;
  tier: string | null;
  roles: string[];
  operationName: string | null;
  operationType: 'QUERY' | 'MUTATION';
  kind: string;
  entityType: string | null;
  entityIds: string[];
  field: string | null;
  decision: string;
  errorCode: string | null;
  justification: string | null;
  clientAddress: string | null;
  subgraph: string;
  prevHash: string;
  hash: string;
}

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

const COLUMNS = `l.id::text AS id, l.seq::text AS seq, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  l.request_id AS "requestId", l.member_id AS "memberId", l.agency_id AS "agencyId", l.tier, l.roles, l.operation_name AS "operationName",
  upper(l.operation_type) AS "operationType", l.kind, l.entity_type AS "entityType", l.entity_ids AS "entityIds", l.field, l.decision,
  l.error_code AS "errorCode", l.justification, l.client_address AS "clientAddress", l.subgraph, l.prev_hash AS "prevHash", l.hash`;

/** Reads of the audit log (schema `audit`, owned by the kernel's migrations). */
export function createLoaders(db: DataSource) {
  return {
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
      const matching = { columns: COLUMNS, from: `audit.log l WHERE ${where.list.join(' AND ')}`, params };
      const { nodes, total } = await pageBelowWithTotal<AuditEntryView>(db, matching, 'l.seq', 'bigint', { limit: limit + 1, before: beforeSeq });
      return { rows: nodes, total };
    },
  };
}

export type AuditLoaders = ReturnType<typeof createLoaders>;
