import { badInput } from '../../lib/errors.ts';

// An entry of the log as this subgraph reads and shows it.
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

export const AUDIT_ENTRY_COLUMNS = `l.id::text AS id, l.seq::text AS seq, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  l.request_id AS "requestId", l.member_id AS "memberId", l.agency_id AS "agencyId", l.tier, l.roles, l.operation_name AS "operationName",
  upper(l.operation_type) AS "operationType", l.kind, l.entity_type AS "entityType", l.entity_ids AS "entityIds", l.field, l.decision,
  l.error_code AS "errorCode", l.justification, l.client_address AS "clientAddress", l.subgraph, l.prev_hash AS "prevHash", l.hash`;

// Keyset cursors: the log only grows at its newest end, so a page never shifts while an auditor reads on.
export const cursorOf = (seq: string) => Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
export function seqOf(cursor: string): string {
  const m = /^s:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput('after is not a cursor this list returned.');
  return m[1]!;
}
