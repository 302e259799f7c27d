import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const SUBMIT = `mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { id restrictedTo } }`;
const CONTRIBUTION = `query($id: ID!) { contribution(id: $id) { id } contributions(first: 100) { totalCount nodes { id } } }`;

describe('contributions: the same agency widens nothing beyond what a member may see', () => {
  it('keeps a manager\'s MANAGEMENT contribution from a practitioner of the same agency, by id and in the list', async () => {
    const submitted = await platform.query<any>(SUBMIT, { input: {
      kind: 'COMMENT', target: 'eu-2016-680', proposedText: 'Staffing of the logging duty is uneven.', rationale: 'Budget planning for next year.',
      visibility: 'MANAGEMENT' } }, 'demo-manager-de');
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data.submitContribution.id;
    const manager = await platform.query<any>(CONTRIBUTION, { id }, 'demo-manager-de');
    expect(manager.data.contribution).toEqual({ id });
    expect(manager.data.contributions.nodes.map((n: any) => n.id)).toContain(id);
    for (const member of ['demo-practitioner-de', 'demo-reviewer']) {
      const r = await platform.query<any>(CONTRIBUTION, { id }, member);
      expect(r.errors).toBeUndefined();
      expect(r.data.contribution).toBeNull();
      expect(r.data.contributions.nodes.map((n: any) => n.id)).not.toContain(id);
    }
  });

  it('restricts a contribution to where both its framework\'s and its provision\'s restrictions hold', async () => {
    const framework = await platform.query<any>('{ legalFramework(id: "es-ct-osint-guideline-2024") { restrictedTo provisions { id } } }', {}, 'demo-practitioner-es');
    expect(framework.data.legalFramework.restrictedTo).toEqual(['ES']);
    const provision = framework.data.legalFramework.provisions[0].id;
    await platform.databases.bySubgraph.legal!.query(`UPDATE legal.provisions SET restricted_to = '{ES-CT,DE}' WHERE id = $1`, [provision]);
    const submitted = await platform.query<any>(SUBMIT, { input: {
      kind: 'COMMENT', target: provision, proposedText: 'The Catalan practice differs here.', rationale: 'Seen in two cases this year.' } }, 'demo-practitioner-es');
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitContribution.restrictedTo).toEqual(['ES-CT']);
  });
});

describe('who wrote or decided what is shown to signed-in members only', () => {
  it('hides a legal provision\'s proposer and accepter from anonymous callers, without an error', async () => {
    const q = `{ legalProvision(id: "gb-dpa-2018-s-62") { proposedBy { id } acceptedBy { id } history { proposedBy { id } acceptedBy { id } } } }`;
    const member = await platform.query<any>(q, {}, 'demo-partner');
    expect(member.data.legalProvision.acceptedBy).toEqual({ id: 'demo-reviewer' });
    expect(member.data.legalProvision.proposedBy).toEqual({ id: 'demo-partner' });
    const anonymous = await platform.query<any>(q);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.legalProvision.acceptedBy).toBeNull();
    expect(anonymous.data.legalProvision.proposedBy).toBeNull();
    expect(anonymous.data.legalProvision.history.length).toBeGreaterThan(0);
    expect(JSON.stringify(anonymous)).not.toMatch(/demo-/);
  });

  it('hides who changed a recommendation\'s status from anonymous callers', async () => {
    const changed = await platform.query<any>(`mutation { setRecommendationStatus(id: "rec-dub-01", status: ENDORSED, reason: "Agreed by the board.") { id } }`, {}, 'demo-admin');
    expect(changed.errors).toBeUndefined();
    const q = '{ recommendation(id: "rec-dub-01") { history { to changedBy { id } } } }';
    const member = await platform.query<any>(q, {}, 'demo-partner');
    expect(member.data.recommendation.history).toContainEqual({ to: 'ENDORSED', changedBy: { id: 'demo-admin' } });
    const anonymous = await platform.query<any>(q);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.recommendation.history).toContainEqual({ to: 'ENDORSED', changedBy: null });
    expect(JSON.stringify(anonymous)).not.toMatch(/demo-/);
  });

  it('hides who wrote a procedure version from anonymous callers', async () => {
    const created = await platform.query<any>(`mutation { createProcedure(input: { topic: COMMUNICATION, title: "Storm warnings on social media",
      summary: "How warnings go out.", body: "Post the warning on every official channel within ten minutes.", language: "en", visibility: PUBLIC }) { id version } }`,
    {}, 'demo-manager-es');
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data.createProcedure;
    const published = await platform.query<any>('mutation($id: ID!, $v: Int!) { publishProcedure(id: $id, expectedVersion: $v) { id } }', { id, v: version }, 'demo-manager-es');
    expect(published.errors).toBeUndefined();
    const q = 'query($id: ID!) { procedure(id: $id) { history { version createdBy { id } } } }';
    const member = await platform.query<any>(q, { id }, 'demo-partner');
    expect(member.data.procedure.history).toEqual([{ version, createdBy: { id: 'demo-manager-es' } }]);
    const anonymous = await platform.query<any>(q, { id });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.procedure.history).toEqual([{ version, createdBy: null }]);
  });

  it('shows anonymous callers no contribution at all, so no author or reviewer either', async () => {
    const r = await platform.query<any>('{ contributions(first: 100) { totalCount nodes { author { id } reviewer { id } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.contributions).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('training figures do not tell about people the viewer may not follow', () => {
  const REPORT = `{ trainingReport(agency: "es-ct-bcn-gub") { totals { assigned } totalsWithheld byTier { tier counts { assigned overdue } withheld } overdueMembersWithheld }
    agency(id: "es-ct-bcn-gub") { trainingSummary { totals { assigned } totalsWithheld byTier { tier counts { assigned } withheld } } } }`;

  it('withholds every cell of a two-officer unit from a practitioner of another agency, saying why', async () => {
    const r = await platform.query<any>(REPORT, {}, 'demo-practitioner-es');
    expect(r.errors).toBeUndefined();
    for (const report of [r.data.trainingReport, r.data.agency.trainingSummary]) {
      expect(report.totals).toBeNull();
      expect(report.totalsWithheld).toBe('Fewer than 5 people, some of whom you may not follow.');
      const tiers = report.byTier.filter((t: any) => t.tier === 'PRACTITIONER' || t.tier === 'MANAGER');
      expect(tiers).toHaveLength(2);
      for (const cell of tiers) {
        expect(cell.counts).toBeNull();
        expect(cell.withheld).toBe('Fewer than 5 people, some of whom you may not follow.');
      }
    }
    expect(r.data.trainingReport.overdueMembersWithheld).toBeNull();
  });

  it('shows the same unit\'s figures to its manager, who may follow both officers', async () => {
    const r = await platform.query<any>(REPORT, {}, 'm-bcn-2');
    expect(r.errors).toBeUndefined();
    const report = r.data.trainingReport;
    expect(report.totalsWithheld).toBeNull();
    expect(report.totals.assigned).toBeGreaterThan(0);
    const tiers = report.byTier.filter((t: any) => t.tier === 'PRACTITIONER' || t.tier === 'MANAGER');
    expect(tiers).toHaveLength(2);
    for (const cell of tiers) {
      expect(cell.withheld).toBeNull();
      expect(cell.counts).not.toBeNull();
    }
  });
});
