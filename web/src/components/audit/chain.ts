// Checks the hash chain of the audit entries a page shows, in the browser, the way the database computed it
// (audit.row_digest): sha256 over the previous hash, a newline and a canonical JSON array of every other field.

export interface ChainRow {
  id: string;
  seq: string;
  at: string;
  requestId?: string | null;
  memberId?: string | null;
  agencyId?: string | null;
  tier?: string | null;
  roles: readonly string[];
  operationName?: string | null;
  operationType: string;
  kind: string;
  entityType?: string | null;
  entityIds: readonly string[];
  field?: string | null;
  decision: string;
  errorCode?: string | null;
  justification?: string | null;
  clientAddress?: string | null;
  subgraph: string;
  prevHash: string;
  hash: string;
}

/** PostgreSQL's jsonb text: ", " between array items; strings escaped as JSON does. */
function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/** The text the database hashes for a row. */
export function digestText(r: ChainRow): string {
  const fields: unknown[] = [
    BigInt(r.id), BigInt(r.seq), r.at, r.requestId ?? null, r.memberId ?? null, r.agencyId ?? null, r.tier ?? null, [...r.roles],
    r.operationName ?? null, r.operationType.toLowerCase(), r.kind, r.entityType ?? null, [...r.entityIds], r.field ?? null,
    r.decision, r.errorCode ?? null, r.justification ?? null, r.clientAddress ?? null, r.subgraph,
  ];
  return `${r.prevHash}\n${jsonbText(fields)}`;
}

export type Sha256 = (text: string) => Promise<string>;

/** SHA-256 of a text's UTF-8 bytes, hex, with the browser's Web Crypto. */
export const webSha256: Sha256 = async (text) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

export type ChainCheck =
  | { intact: true; rows: number; linked: number }
  | { intact: false; rows: number; seq: string; problem: 'HASH' | 'LINK' };

/**
 * Every row must hash to its `hash`, and where two rows shown are neighbours in the chain (seq n and n + 1), the
 * later one must carry the earlier one's hash as `prevHash`. Rows may come in any order (the log lists newest first).
 */
export async function checkRows(rows: readonly ChainRow[], sha256: Sha256 = webSha256): Promise<ChainCheck> {
  const bySeq = [...rows].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  let linked = 0;
  for (const [i, r] of bySeq.entries()) {
    if ((await sha256(digestText(r))) !== r.hash) return { intact: false, rows: rows.length, seq: r.seq, problem: 'HASH' };
    const before = bySeq[i - 1];
    if (before && BigInt(before.seq) + 1n === BigInt(r.seq)) {
      if (r.prevHash !== before.hash) return { intact: false, rows: rows.length, seq: r.seq, problem: 'LINK' };
      linked += 1;
    }
  }
  return { intact: true, rows: rows.length, linked };
}
