import { createHash } from 'node:crypto';
import type { Viewer } from '../access.ts';
import { storable } from '../inputSchemas.ts';

export type AuditKind = 'MUTATION' | 'CONSULTATION' | 'DENIAL' | 'EXPORT';
export type AuditDecision = 'ALLOWED' | 'DENIED';
export type AuditOperationType = 'query' | 'mutation';

/** One thing to log; entries of a request that differ only in their ids are merged into one row. */
export interface AuditEntry {
  kind: AuditKind;
  decision: AuditDecision;
  operationType: AuditOperationType;
  operationName: string | null;
  entityType: string | null;
  entityIds: readonly string[];
  /** The schema coordinate concerned, e.g. `Mutation.createWorkshop` or `Procedure.resourcing`; null for consultations. */
  field: string | null;
  /** The error a mutation failed with (null when it succeeded). */
  errorCode?: string | null;
  /** Replaces the request's justification (a mutation's `justification` argument). */
  justification?: string | null;
}

/** What is known of a request before it runs: who asks, from where, and why. */
export interface AuditRequest {
  requestId: string;
  subgraph: string;
  viewer: Viewer;
  justification: string | null;
  clientAddress: string | null;
}

/** Anything that runs SQL: a DataSource or an EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

interface Pending {
  entry: Omit<AuditEntry, 'entityIds'>;
  ids: Set<string>;
}

const INSERT = `INSERT INTO audit.log (request_id, member_id, agency_id, tier, roles, client_address, subgraph,
    operation_name, operation_type, kind, entity_type, entity_ids, field, decision, error_code, justification)
  SELECT e.request_id, e.member_id, e.agency_id, e.tier, e.roles, e.client_address, e.subgraph, e.operation_name, e.operation_type,
    e.kind, e.entity_type, e.entity_ids, e.field, e.decision, e.error_code, e.justification
  FROM jsonb_to_recordset($1::jsonb) AS e(request_id text, member_id text, agency_id text, tier text, roles text[],
    client_address text, subgraph text, operation_name text, operation_type text, kind text, entity_type text, entity_ids text[],
    field text, decision text, error_code text, justification text, n bigint)
  ORDER BY e.n`;

type AuditRow = Record<string, unknown>;

/**
 * Ids as logged: an id someone typed may be anything (a failed mutation logs its `id` argument), so one the
 * database cannot store or index as given is replaced by a description with its digest.
 */
function loggableId(id: string): string {
  if (id.length <= 200 && storable(id)) return id;
  return `(unusable id of ${id.length} characters, sha256 ${createHash('sha256').update(id, 'utf8').digest('hex')})`;
}

/**
 * Group commit: rows of concurrent requests go out together. While one INSERT runs, the rows that arrive wait and
 * then leave in the next one, so the chain's lock is taken once per batch instead of once per request; each
 * request still waits until its own rows are written.
 */
class AuditWriter {
  private waiting: { rows: AuditRow[]; done: (err?: unknown) => void }[] = [];
  private running = false;

  constructor(private readonly db: Queryable) {}

  write(rows: AuditRow[]): Promise<void> {
    return new Promise<void>((ok, fail) => {
      this.waiting.push({ rows, done: (err) => (err ? fail(err) : ok()) });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.db.query(INSERT, [JSON.stringify(batch.flatMap((b) => b.rows).map((row, n) => ({ ...row, n })))]);
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err);
      }
    }
    this.running = false;
  }
}

const writers = new WeakMap<Queryable, AuditWriter>();
const writerFor = (db: Queryable) => {
  let w = writers.get(db);
  if (!w) {
    w = new AuditWriter(db);
    writers.set(db, w);
  }
  return w;
};

/** The audit entries of one request, collected while it runs and written in one statement when it ends. */
export class AuditCollector {
  private pending = new Map<string, Pending>();
  /** Entity objects already looked at for a consultation in this request (each is considered once). */
  readonly considered = new WeakSet<object>();
  private operation: { of: object; name: string | null } | null = null;

  constructor(readonly request: AuditRequest) {}

  record(entry: AuditEntry): void {
    const shape = this.shaped(entry);
    const key = JSON.stringify([shape.kind, shape.decision, shape.operationType, shape.operationName, shape.entityType, shape.field,
      shape.errorCode, shape.justification]);
    let p = this.pending.get(key);
    if (!p) {
      p = { entry: shape, ids: new Set() };
      this.pending.set(key, p);
    }
    for (const id of entry.entityIds) p.ids.add(loggableId(id));
  }

  private shaped(entry: AuditEntry): Omit<AuditEntry, 'entityIds'> {
    const { entityIds: _ids, ...rest } = entry;
    return { ...rest, errorCode: rest.errorCode ?? null, justification: rest.justification ?? this.request.justification };
  }

  /** The entries recorded so far, merged. */
  get entries(): AuditEntry[] {
    return [...this.pending.values()].map((p) => ({ ...p.entry, entityIds: [...p.ids] }));
  }

  /**
   * The client's operation name: the gateway names its subgraph fetches `<name>__<subgraph>__<n>`, the suffix is
   * dropped. Computed once per operation node.
   */
  operationNameOf(operation: { name?: { value: string } | undefined }): string | null {
    if (this.operation?.of !== operation) {
      const raw = operation.name?.value ?? null;
      const suffix = `__${this.request.subgraph.replace(/[^_0-9A-Za-z]/g, '_')}__`;
      const at = raw ? raw.lastIndexOf(suffix) : -1;
      const name = raw && at > 0 && /^\d+$/.test(raw.slice(at + suffix.length)) ? raw.slice(0, at) : raw;
      this.operation = { of: operation, name };
    }
    return this.operation.name;
  }

  /**
   * Writes every pending entry (one INSERT, shared with the requests writing at the same moment; none: no
   * statement) and forgets them; returns the rows written.
   */
  async flush(db: Queryable): Promise<number> {
    const entries = this.entries;
    this.pending.clear();
    if (entries.length === 0) return 0;
    await writerFor(db).write(this.rowsOf(entries));
    return entries.length;
  }

  /**
   * Writes every pending entry and `own` (a mutation's row) inside the caller's transaction, so that a change and
   * its rows commit or roll back together. Returns what forgets the pending entries written: call it once the
   * transaction has committed (until then they may still roll back). `own` is never kept.
   */
  async flushWithin(tx: Queryable, own: AuditEntry): Promise<() => void> {
    const written = [...this.pending.keys()];
    const ownRow = { ...this.shaped(own), entityIds: own.entityIds.map(loggableId) };
    await tx.query(INSERT, [JSON.stringify(this.rowsOf([...this.entries, ownRow]).map((row, n) => ({ ...row, n })))]);
    return () => {
      for (const key of written) this.pending.delete(key);
    };
  }

  private rowsOf(entries: AuditEntry[]): AuditRow[] {
    const { viewer } = this.request;
    return entries.map((e) => ({
      request_id: this.request.requestId, member_id: viewer.memberId, agency_id: viewer.agencyId, tier: viewer.tier, roles: viewer.roles,
      client_address: this.request.clientAddress, subgraph: this.request.subgraph,
      operation_name: e.operationName, operation_type: e.operationType, kind: e.kind, entity_type: e.entityType,
      entity_ids: e.entityIds, field: e.field, decision: e.decision, error_code: e.errorCode ?? null, justification: e.justification ?? null,
    }));
  }
}
