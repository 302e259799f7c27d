import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalSeed } from '../seeds/legal.ts';
import { proceduresSeed } from '../seeds/procedures.ts';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const provisionsById = new Map(legalSeed.frameworks.flatMap((f) => f.provisions.map((p) => [p.id, { ...p, frameworkId: f.id }] as const)));

describe('legal through the gateway', () => {
  it('resolves the procedures\' legal basis to real provisions', async () => {
    const r = await platform.query<any>('{ procedure(id: "proc-de-monitoring") { legalBasis { id reference heading framework { id shortTitle } } } }', {}, 'demo-manager-de');
    expect(r.errors).toBeUndefined();
    const cited = proceduresSeed.procedures.find((p) => p.id === 'proc-de-monitoring')!.versions.at(-1)!.legalBasis;
    expect(r.data.procedure.legalBasis.map((p: any) => p.id)).toEqual(cited);
    for (const p of r.data.procedure.legalBasis) {
      const seed = provisionsById.get(p.id)!;
      expect(p).toMatchObject({ reference: seed.reference, heading: seed.versions.at(-1)!.heading, framework: { id: seed.frameworkId } });
    }
  });

  it('defines every provision the procedures cite', () => {
    const cited = new Set(proceduresSeed.procedures.flatMap((p) => p.versions.flatMap((v) => v.legalBasis)));
    expect([...cited].filter((id) => !provisionsById.has(id))).toEqual([]);
  });

  it('contributes legal frameworks to the directory\'s jurisdictions, filtered per viewer', async () => {
    const q = '{ jurisdiction(code: "ES-CT") { name legalFrameworks { id } } es: jurisdiction(code: "ES") { legalFrameworks(topic: DATA_PROTECTION) { id } } }';
    const practitioner = await platform.query<any>(q, {}, 'demo-practitioner-es');
    expect(practitioner.data.jurisdiction).toEqual({ name: 'Catalonia', legalFrameworks: [{ id: 'es-ct-osint-guideline-2024' }] });
    expect(practitioner.data.es.legalFrameworks).toEqual([{ id: 'es-lo-7-2021' }]);
    const partner = await platform.query<any>(q, {}, 'demo-partner');
    expect(partner.data.jurisdiction.legalFrameworks).toEqual([]);
    const anonymous = await platform.query<any>(q);
    expect(JSON.stringify(anonymous.data)).not.toContain('osint');
  });

  it('shows the transposition matrix with the directory\'s names', async () => {
    const r = await platform.query<any>('{ transposition(directive: "eu-2016-680") { rows { jurisdiction { code name } status acts { shortTitle } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.transposition.rows.find((row: any) => row.jurisdiction.code === 'ES')).toMatchObject({ jurisdiction: { name: 'Spain' }, status: 'TRANSPOSED' });
  });

  it('keeps hidden provisions out of the supergraph and refuses a partner\'s decision', async () => {
    const r = await platform.query<any>('{ legalProvision(id: "de-by-covert-accounts-guideline-s-2") { id } legalFramework(id: "es-ct-osint-guideline-2024") { id } }', {}, 'demo-partner');
    expect(r.data).toEqual({ legalProvision: null, legalFramework: null });
    const decide = await platform.query('mutation { decideContribution(id: "contrib-seed-under-review", decision: ACCEPT) { id } }', {}, 'demo-partner');
    expect(codes(decide)).toEqual(['FORBIDDEN']);
  });

  it('marks the procedures citing an amended provision NEEDS_REVIEW, end to end', async () => {
    const citing = proceduresSeed.procedures.filter((p) => p.versions.find((v) => v.status === 'IN_FORCE')?.legalBasis.includes('eu-2016-680-art-20')).map((p) => p.id);
    const other = proceduresSeed.procedures.find((p) => !p.versions.some((v) => v.legalBasis.includes('eu-2016-680-art-20')) && p.reviewStatus === 'CURRENT')!.id;
    expect(citing.length).toBeGreaterThan(0);
    const submitted = await platform.query<any>(`mutation { submitContribution(input: { kind: AMENDMENT, target: "eu-2016-680-art-20",
      proposedText: "Controllers build data protection into systems from the start and by default process only the data each purpose needs.",
      rationale: "A plainer summary for practitioners." }) { id } }`, {}, 'demo-partner');
    const id = submitted.data.submitContribution.id;
    await platform.query(`mutation { startReview(id: "${id}") { status } }`, {}, 'demo-reviewer');
    const accepted = await platform.query<any>(`mutation { decideContribution(id: "${id}", decision: ACCEPT) { status resultingVersion } }`, {}, 'demo-reviewer');
    expect(accepted.data.decideContribution.status).toBe('ACCEPTED');
    const statusOf = async () => {
      const r = await platform.query<any>(`{ a: procedures(first: 100) { nodes { id reviewStatus } } }`, {}, 'demo-manager-es');
      return new Map<string, string>(r.data.a.nodes.map((n: any) => [n.id, n.reviewStatus]));
    };
    const statuses = await statusOf();
    const visibleCiting = citing.filter((c) => statuses.has(c));
    expect(visibleCiting.length).toBeGreaterThan(0);
    await expect.poll(async () => {
      const now = await statusOf();
      return visibleCiting.map((c) => now.get(c));
    }, { timeout: 10_000, interval: 200 }).toEqual(visibleCiting.map(() => 'NEEDS_REVIEW'));
    expect((await statusOf()).get(other)).toBe('CURRENT');
  });
});
