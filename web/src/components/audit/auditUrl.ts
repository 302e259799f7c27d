// The audit log's filters live in the URL (shareable between auditors); the form edits a draft until "Apply".

export const KINDS = ['MUTATION', 'CONSULTATION', 'DENIAL', 'EXPORT'] as const;
export const DECISIONS = ['ALLOWED', 'DENIED'] as const;
export type Kind = (typeof KINDS)[number];
export type Decision = (typeof DECISIONS)[number];

export interface AuditFilters {
  member: string;
  kind: Kind | '';
  decision: Decision | '';
  entityType: string;
  entity: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive (the day is included whole). */
  to: string;
}

export const NO_FILTERS: AuditFilters = { member: '', kind: '', decision: '', entityType: '', entity: '', from: '', to: '' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['member', 'kind', 'decision', 'entityType', 'entity', 'from', 'to'] as const;

export function parseAuditUrl(search: string): AuditFilters {
  const p = new URLSearchParams(search);
  const text = (k: string) => (p.get(k) ?? '').trim().slice(0, 200);
  const kind = text('kind');
  const decision = text('decision');
  return {
    member: text('member'),
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as Kind) : '',
    decision: (DECISIONS as readonly string[]).includes(decision) ? (decision as Decision) : '',
    entityType: text('entityType'),
    entity: text('entity'),
    from: DAY.test(text('from')) ? text('from') : '',
    to: DAY.test(text('to')) ? text('to') : '',
  };
}

export function writeAuditUrl(f: AuditFilters): string {
  const p = new URLSearchParams();
  for (const k of FIELDS) if (f[k].trim()) p.set(k, f[k].trim());
  return p.toString();
}

/** Problems the form shows before sending: a date range ending before it starts, or an impossible date. */
export function filterProblems(f: AuditFilters): { from?: 'INVALID'; to?: 'INVALID' | 'BEFORE_FROM' } {
  const real = (d: string) => DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  const out: { from?: 'INVALID'; to?: 'INVALID' | 'BEFORE_FROM' } = {};
  if (f.from && !real(f.from)) out.from = 'INVALID';
  if (f.to && !real(f.to)) out.to = 'INVALID';
  else if (f.from && f.to && !out.from && f.to < f.from) out.to = 'BEFORE_FROM';
  return out;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The API's filter: days are UTC calendar days, `to` inclusive (the API's `to` is exclusive). */
export function apiFilter(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.member) out.member = f.member;
  if (f.kind) out.kind = f.kind;
  if (f.decision) out.decision = f.decision;
  if (f.entityType) out.entityType = f.entityType;
  if (f.entity) out.entity = f.entity;
  if (f.from) out.from = f.from;
  if (f.to) out.to = nextDay(f.to);
  return out;
}

export const activeFilterCount = (f: AuditFilters) => FIELDS.filter((k) => f[k] !== '').length;
