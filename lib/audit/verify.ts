import type { Anchor } from './checkpoint.ts';
import type { Queryable } from './collector.ts';

export interface ChainBreak {
  /** The row found broken; null when the break is rows missing at the end. */
  id: string | null;
  seq: string;
  at: string | null;
  problem: string;
}

export type ChainVerdict =
  | { intact: true; rows: number; last: { seq: string; hash: string } | null }
  | { intact: false; rows: number; broken: ChainBreak };

interface Row {
  id: string;
  seq: string;
  at: Date;
  prev_hash: string;
  hash: string;
  digest: string;
}

const short = (h: string) => `${h.slice(0, 12)}...`;

/**
 * Walks the audit log in chain order, page by page, up to the last row committed when it starts: every row must
 * follow the previous one (seq + 1), carry its hash (the genesis value for the first) and hash to what
 * audit.row_digest recomputes, the same function the insert trigger used. Stops at the first broken row.
 * Anchors (signed checkpoints, or a seq and hash known from elsewhere) catch what the chain alone cannot: the row
 * at each anchor's seq must carry its hash (else the log was rehashed), and must exist (else its tail was cut).
 */
export async function verifyAuditChain(db: Queryable, pageSize = 1000, anchors: readonly Anchor[] = []): Promise<ChainVerdict> {
  const [head] = (await db.query('SELECT audit.genesis_hash() AS genesis, max(seq)::text AS last FROM audit.log')) as { genesis: string; last: string | null }[];
  const anchored = new Map(anchors.map((a) => [BigInt(a.seq), a.hash]));
  const furthest = [...anchored.keys()].reduce((a, b) => (b > a ? b : a), 0n);
  const tailCut = (lastSeq: bigint, rows: number): ChainVerdict => ({
    intact: false, rows, broken: {
      id: null, seq: (lastSeq + 1n).toString(), at: null,
      problem: `the log ends at seq=${lastSeq}, but a checkpoint recorded seq=${furthest} (hash ${short(anchored.get(furthest)!)}): `
        + (furthest === lastSeq + 1n ? `row seq=${furthest} is missing` : `rows seq=${lastSeq + 1n}..${furthest} are missing`),
    },
  });
  if (!head?.last) return furthest > 0n ? tailCut(0n, 0) : { intact: true, rows: 0, last: null };
  let expected = 1n;
  let previousHash = head.genesis;
  let rows = 0;
  for (;;) {
    const page = (await db.query(
      `SELECT l.id::text AS id, l.seq::text AS seq, l.at, l.prev_hash, l.hash, audit.row_digest(l) AS digest
       FROM audit.log l WHERE l.seq >= $1 AND l.seq <= $2 ORDER BY l.seq LIMIT $3`,
      [expected.toString(), head.last, pageSize])) as Row[];
    if (page.length === 0) break;
    for (const r of page) {
      const seq = BigInt(r.seq);
      const broken = (problem: string): ChainVerdict => ({ intact: false, rows, broken: { id: r.id, seq: r.seq, at: r.at.toISOString(), problem } });
      if (seq !== expected) return broken(`expected seq=${expected} here: ${seq - expected === 1n ? 'a row is' : `${seq - expected} rows are`} missing before it`);
      if (r.prev_hash !== previousHash) {
        return broken(`prev_hash ${short(r.prev_hash)} does not match ${expected === 1n ? 'the genesis value' : `the hash of row seq=${expected - 1n}`} (${short(previousHash)})`);
      }
      if (r.digest !== r.hash) return broken(`hash ${short(r.hash)} does not match the row's contents (recomputed ${short(r.digest)})`);
      const anchor = anchored.get(seq);
      if (anchor !== undefined && anchor !== r.hash) {
        return broken(`hash ${short(r.hash)} differs from the checkpoint's ${short(anchor)}: the log was rewritten since that checkpoint`);
      }
      rows += 1;
      previousHash = r.hash;
      expected = seq + 1n;
    }
  }
  if (furthest > expected - 1n) return tailCut(expected - 1n, rows);
  return { intact: true, rows, last: rows ? { seq: (expected - 1n).toString(), hash: previousHash } : null };
}

/** The verdict as the command prints it. */
export function describeVerdict(v: ChainVerdict): string {
  if (v.intact) return `Audit chain intact: ${v.rows} rows.${v.last ? `\nLast row: seq=${v.last.seq}, hash=${v.last.hash}` : ''}`;
  if (v.broken.id === null) return `Audit chain broken at seq=${v.broken.seq}: ${v.broken.problem}`;
  return `Audit chain broken at row seq=${v.broken.seq} (id=${v.broken.id}, at ${v.broken.at}): ${v.broken.problem}`;
}
