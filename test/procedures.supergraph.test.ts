import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from './support/sqlStatements.ts';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true, consumers: false });
});
afterAll(async () => {
  await platform?.stop();
});

const LIST = `query($first: Int!) { procedures(first: $first) { totalCount
  nodes { id title jurisdiction { code name parent { code } } agency { name kind } legalBasis { id } } } }`;

describe('procedures through the gateway', () => {
  it('joins procedures with the directory\'s jurisdictions and agencies', async () => {
    const r = await platform.query<any>(LIST, { first: 50 }, 'demo-manager-es');
    expect(r.errors).toBeUndefined();
    const es = r.data.procedures.nodes.find((n: any) => n.id === 'proc-es-ct-monitoring');
    expect(es.jurisdiction).toEqual({ code: 'ES-CT', name: 'Catalonia', parent: { code: 'ES' } });
    expect(es.agency.name).toContain('Mossos');
    expect(es.legalBasis.length).toBeGreaterThan(0);
  });

  it('contributes procedures to the directory\'s jurisdictions and agencies, filtered per viewer', async () => {
    const q = '{ jurisdiction(code: "ES-CT") { name procedures { id } } agency(id: "es-ct-mossos") { procedures(topic: INVESTIGATION) { id } } }';
    const manager = await platform.query<any>(q, {}, 'demo-manager-es');
    expect(manager.data.jurisdiction.procedures.map((p: any) => p.id)).toContain('proc-es-ct-investigation');
    expect(manager.data.agency.procedures).toEqual([{ id: 'proc-es-ct-investigation' }]);
    const practitioner = await platform.query<any>(q, {}, 'demo-practitioner-es');
    expect(practitioner.data.jurisdiction.procedures.map((p: any) => p.id)).not.toContain('proc-es-ct-investigation');
    expect(practitioner.data.agency.procedures).toEqual([]);
    const anonymous = await platform.query<any>(q);
    expect(anonymous.data.jurisdiction.procedures.map((p: any) => p.id)).not.toContain('proc-es-ct-monitoring');
  });

  it('gives partners a null operationalNotes with FORBIDDEN through the gateway', async () => {
    const r = await platform.query<any>('{ procedures(first: 1, filter: { topic: COMMUNICATION }) { nodes { id operationalNotes } } }', {}, 'demo-partner');
    expect(r.data.procedures.nodes[0].operationalNotes).toBeNull();
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });

  it('sends as many SQL statements for 50 procedures as for 3 (no N+1 across subgraphs)', async () => {
    await platform.query(LIST, { first: 3 }, 'demo-manager-de');
    const small = await countStatements(() => platform.query(LIST, { first: 3 }, 'demo-manager-de'));
    const large = await countStatements(() => platform.query<any>(LIST, { first: 50 }, 'demo-manager-de'));
    expect((large.result as any).data.procedures.nodes.length).toBeGreaterThan(10);
    expect(large.statements).toBe(small.statements);
  });

  it('refuses first above 100', async () => {
    const r = await platform.query('{ procedures(first: 101) { totalCount } }', {}, 'demo-manager-es');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('ids no database can store', () => {
  it('answers BAD_USER_INPUT or nothing, never an internal error, for a NUL character in a looked-up id', async () => {
    const r = await platform.query(`query ($id: ID!) { procedure(id: $id) { id } }`, { id: 'proc\u0000es' }, 'demo-manager-es');
    expect(codes(r).filter((c) => c === 'INTERNAL_SERVER_ERROR')).toEqual([]);
    expect(r.data?.procedure ?? null).toBeNull();
  });
});
