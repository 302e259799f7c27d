import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiFilter, filterProblems, NO_FILTERS, parseAuditUrl, writeAuditUrl } from '../web/src/components/audit/auditUrl.ts';
import { checkRows, digestText } from '../web/src/components/audit/chain.ts';
import type { ChainRow } from '../web/src/components/audit/chain.ts';

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const GENESIS = '0'.repeat(64);

const base = (seq: number, prevHash: string): ChainRow => ({
  id: String(seq + 100), seq: String(seq), at: `2026-11-30T08:00:0${seq}.123456Z`, requestId: `req-${seq}`, memberId: 'demo-manager-es',
  agencyId: 'es-ct-mossos', tier: 'MANAGER', roles: ['EDITOR'], operationName: 'AuditTrail', operationType: 'QUERY', kind: 'CONSULTATION',
  entityType: 'Procedure', entityIds: ['proc-es-monitoring'], field: null, decision: 'ALLOWED', errorCode: null, justification: 'Año "1"\n',
  clientAddress: '127.0.0.1', subgraph: 'procedures', prevHash, hash: '',
});
async function chain(n: number): Promise<ChainRow[]> {
  const rows: ChainRow[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq += 1) {
    const r = base(seq, prev);
    r.hash = await sha256(digestText(r));
    rows.push(r);
    prev = r.hash;
  }
  return rows.reverse();
}

describe('the audit chain checked in the browser', () => {
  it('writes a row the way PostgreSQL\'s jsonb prints it (", " between items, JSON escapes, lower-case operation type)', () => {
    expect(digestText(base(1, GENESIS))).toBe(`${GENESIS}\n[101, 1, "2026-11-30T08:00:01.123456Z", "req-1", "demo-manager-es", "es-ct-mossos", "MANAGER", ["EDITOR"], `
      + '"AuditTrail", "query", "CONSULTATION", "Procedure", ["proc-es-monitoring"], null, "ALLOWED", null, "Año \\"1\\"\\n", "127.0.0.1", "procedures"]');
  });

  it('finds an intact page intact, a changed row by its hash and a rewritten link by its prevHash', async () => {
    const rows = await chain(4);
    expect(await checkRows(rows, sha256)).toEqual({ intact: true, rows: 4, linked: 3 });
    expect(await checkRows([rows[0]!, rows[2]!], sha256)).toEqual({ intact: true, rows: 2, linked: 0 });
    const changed = rows.map((r) => (r.seq === '2' ? { ...r, memberId: 'demo-admin' } : r));
    expect(await checkRows(changed, sha256)).toEqual({ intact: false, rows: 4, seq: '2', problem: 'HASH' });
    const relinked = { ...rows[0]!, prevHash: GENESIS };
    relinked.hash = await sha256(digestText(relinked));
    expect(await checkRows([relinked, ...rows.slice(1)], sha256)).toEqual({ intact: false, rows: 4, seq: '4', problem: 'LINK' });
  });
});

describe('audit filters in the URL', () => {
  it('reads known values only and writes back what is set', () => {
    expect(parseAuditUrl('member=demo-admin&kind=DENIAL&decision=MAYBE&from=2026-01-01&to=soon')).toEqual({ ...NO_FILTERS, member: 'demo-admin', kind: 'DENIAL', from: '2026-01-01' });
    expect(writeAuditUrl({ ...NO_FILTERS, member: 'demo-admin', kind: 'DENIAL', to: '2026-02-01' })).toBe('member=demo-admin&kind=DENIAL&to=2026-02-01');
  });

  it('refuses a range ending before it starts and impossible days; the API gets the day after `to`', () => {
    expect(filterProblems({ ...NO_FILTERS, from: '2026-03-02', to: '2026-03-01' })).toEqual({ to: 'BEFORE_FROM' });
    expect(filterProblems({ ...NO_FILTERS, from: '2026-02-30' })).toEqual({ from: 'INVALID' });
    expect(filterProblems({ ...NO_FILTERS, from: '2026-03-01', to: '2026-03-01' })).toEqual({});
    expect(apiFilter({ ...NO_FILTERS, from: '2026-12-31', to: '2026-12-31', kind: 'EXPORT' })).toEqual({ kind: 'EXPORT', from: '2026-12-31', to: '2027-01-01' });
  });
});
