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
      expect(report.totalsWithheld).toBe('Counts fewer than 5 people you may not follow.');
      const tiers = report.byTier.filter((t: any) => t.tier === 'PRACTITIONER' || t.tier === 'MANAGER');
      expect(tiers).toHaveLength(2);
      for (const cell of tiers) {
        expect(cell.counts).toBeNull();
        expect(cell.withheld).toBe('Counts fewer than 5 people you may not follow.');
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

describe('training figures give no withheld cell back by subtraction', () => {
  const SMALL = 'Counts fewer than 5 people you may not follow.';
  const REPORT = `query($c: ID!) { trainingReport(curriculum: $c) { totals { assigned notStarted inProgress completed overdue } totalsWithheld
    byTier { tier counts { assigned notStarted inProgress completed overdue } withheld } overdueMembersWithheld } }`;

  /** The report on a curriculum as `member` gets it. */
  async function reportAs(member: string, curriculum: string) {
    const r = await platform.query<any>(REPORT, { c: curriculum }, member);
    expect(r.errors).toBeUndefined();
    return r.data.trainingReport;
  }

  /** A two-module curriculum of demo-trainer's, assigned to `members`, of whom `started` complete the first module. */
  async function assignedCurriculum(title: string, members: string[], started: string[]): Promise<string> {
    const created = await platform.query<any>(`mutation($title: String!) { createCurriculum(input: { title: $title, summary: "Figures test.",
      audience: ALL, topics: [COMMUNICATION], language: "en", estimatedHours: 2, visibility: MEMBERS, validityMonths: 24,
      modules: [{ title: "One", outline: "First part.", kind: WEBINAR, durationMinutes: 30 }, { title: "Two", outline: "Second part.", kind: WEBINAR, durationMinutes: 30 }]
    }) { id modules { id } } }`, { title }, 'demo-trainer');
    expect(created.errors).toBeUndefined();
    const { id, modules } = created.data.createCurriculum;
    const assigned = await platform.query<any>(`mutation($c: ID!, $m: [ID!]!) { assignCurriculum(input: { curriculumId: $c, memberIds: $m, dueOn: "2099-01-01" }) {
      createdCount assignments { id assignee { id } } } }`, { c: id, m: members }, 'demo-trainer');
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignCurriculum.createdCount).toBe(members.length);
    for (const member of started) {
      const assignment = assigned.data.assignCurriculum.assignments.find((a: any) => a.assignee.id === member);
      const progress = await platform.query<any>('mutation($a: ID!, $m: ID!) { recordModuleProgress(assignmentId: $a, moduleId: $m, completed: true) { status } }',
        { a: assignment.id, m: modules[0].id }, member);
      expect(progress.data.recordModuleProgress).toEqual({ status: 'IN_PROGRESS' });
    }
    return id;
  }

  it('withholds the totals from a manager when the one other cell is people the manager follows', async () => {
    // demo-manager-es follows the five Mossos officers; m-bcn-2 (Barcelona) is the one they may not follow.
    const curriculum = await assignedCurriculum('Figures: a manager\'s unit and one other officer',
      ['demo-practitioner-es', 'm-es-ct-1', 'm-es-ct-2', 'demo-manager-es', 'm-es-ct-3', 'm-bcn-2'], ['m-bcn-2']);
    expect((await reportAs('demo-trainer', curriculum)).totals).toEqual({ assigned: 6, notStarted: 5, inProgress: 1, completed: 0, overdue: 0 });

    // What the manager knows already: the five officers they follow, none of them started.
    const followed = await platform.query<any>('query($c: ID!) { assignments(filter: { curriculum: $c }) { nodes { assignee { id } status } } }',
      { c: curriculum }, 'demo-manager-es');
    expect(followed.data.assignments.nodes.map((n: any) => n.assignee.id).sort())
      .toEqual(['demo-manager-es', 'demo-practitioner-es', 'm-es-ct-1', 'm-es-ct-2', 'm-es-ct-3']);
    expect(followed.data.assignments.nodes.map((n: any) => n.status)).toEqual(['ASSIGNED', 'ASSIGNED', 'ASSIGNED', 'ASSIGNED', 'ASSIGNED']);

    // Totals of 6 less those five would give m-bcn-2's status.
    expect(await reportAs('demo-manager-es', curriculum)).toEqual({
      totals: null,
      totalsWithheld: SMALL,
      byTier: [
        { tier: 'PRACTITIONER', counts: { assigned: 3, notStarted: 3, inProgress: 0, completed: 0, overdue: 0 }, withheld: null },
        { tier: 'MANAGER', counts: null, withheld: SMALL },
      ],
      overdueMembersWithheld: null,
    });
  });

  it('withholds a cell of five from a manager who follows three of them', async () => {
    // demo-manager-es follows the Mossos officers, not m-bcn-1 (Barcelona) nor m-es-1 (Policía Nacional).
    const curriculum = await assignedCurriculum('Figures: a cell of five, two of them from elsewhere',
      ['demo-practitioner-es', 'm-es-ct-1', 'm-es-ct-2', 'm-bcn-1', 'm-es-1', 'demo-manager-es', 'm-es-ct-3'], ['m-bcn-1', 'm-es-1']);
    expect((await reportAs('demo-trainer', curriculum)).byTier[0]).toEqual({
      tier: 'PRACTITIONER', counts: { assigned: 5, notStarted: 3, inProgress: 2, completed: 0, overdue: 0 }, withheld: null });
    // The practitioners' cell less the three the manager follows (not started) would give both others as started.
    expect(await reportAs('demo-manager-es', curriculum)).toEqual({
      totals: null,
      totalsWithheld: SMALL,
      byTier: [
        { tier: 'PRACTITIONER', counts: null, withheld: SMALL },
        { tier: 'MANAGER', counts: { assigned: 2, notStarted: 2, inProgress: 0, completed: 0, overdue: 0 }, withheld: null },
      ],
      overdueMembersWithheld: null,
    });
  });

  it('withholds a large cell with two small ones that the totals would otherwise give back together', async () => {
    // demo-practitioner-de follows none of them: two Barcelona officers (one per tier) and five members without a tier.
    const curriculum = await assignedCurriculum('Figures: two officers and five partners',
      ['m-bcn-1', 'm-bcn-2', 'demo-partner', 'm-partner-kestrel', 'm-academic', 'demo-admin', 'demo-auditor'], ['m-bcn-1', 'm-bcn-2']);
    // Totals less the five partners' cell would give both officers' status; with it withheld, 7 people stand behind the totals.
    expect(await reportAs('demo-practitioner-de', curriculum)).toEqual({
      totals: { assigned: 7, notStarted: 5, inProgress: 2, completed: 0, overdue: 0 },
      totalsWithheld: null,
      byTier: [
        { tier: 'PRACTITIONER', counts: null, withheld: SMALL },
        { tier: 'MANAGER', counts: null, withheld: SMALL },
        { tier: null, counts: null,
          withheld: 'Withheld with smaller cells: together they count 5 or more people you may not follow, so the totals do not give any of them back.' },
      ],
      overdueMembersWithheld: 0,
    });
  });
});

describe('writes do not tell whether an item the caller cannot see exists', () => {
  const codeAndMessage = (r: any, id: string) => ({ code: r.errors?.[0]?.extensions?.code, message: String(r.errors?.[0]?.message).replace(id, '<id>') });

  it('gives a new legal framework an id of the platform\'s making, so that no chosen id can run into a hidden one', async () => {
    const CREATE = 'mutation($input: CreateLegalFrameworkInput!) { createLegalFramework(input: $input) { id shortTitle } }';
    const input = { jurisdiction: 'DE-BY', kind: 'GUIDELINE', title: 'Guideline on covert accounts in online investigations',
      shortTitle: 'Covert accounts guideline', languages: ['de'], summary: 'When officers may use accounts that do not say they are police.',
      topics: ['CYBERCRIME'], visibility: 'LEA' };
    const first = await platform.query<any>(CREATE, { input }, 'demo-reviewer');
    const second = await platform.query<any>(CREATE, { input }, 'demo-reviewer');
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(first.data.createLegalFramework.id).toMatch(/^de-by-guideline-[0-9a-f]{12}$/);
    expect(second.data.createLegalFramework.id).toMatch(/^de-by-guideline-[0-9a-f]{12}$/);
    expect(second.data.createLegalFramework.id).not.toBe(first.data.createLegalFramework.id);
    // The caller cannot choose an id, so none can be probed for.
    const chosen = await platform.query<any>(CREATE, { input: { ...input, id: 'de-by-covert-accounts-guideline' } }, 'demo-reviewer');
    expect(chosen.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(chosen.errors?.[0]?.message).toContain('Field "id" is not defined by type "CreateLegalFrameworkInput"');
  });

  it('lets a provision take a reference that only a provision hidden from the caller has, and refuses one the caller can see', async () => {
    const ADD = 'mutation($input: AddProvisionInput!) { addProvision(framework: "eu-2016-680", input: $input) { id reference } }';
    const provision = (reference: string) => ({ reference, heading: 'Logging of online searches', text: 'Each search is logged with its purpose.', visibility: 'LEA' });
    const hidden = await platform.query<any>(ADD, { input: provision('Art. 98') }, 'demo-reviewer');
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data.addProvision.id).toMatch(/^eu-2016-680-art-98-[0-9a-f]{12}$/);
    await platform.databases.bySubgraph.legal!.query(`UPDATE legal.provisions SET visibility = 'MANAGEMENT' WHERE id = $1`, [hidden.data.addProvision.id]);

    const unknown = await platform.query<any>(ADD, { input: provision('Art. 97') }, 'demo-reviewer');
    const overHidden = await platform.query<any>(ADD, { input: provision('Art. 98') }, 'demo-reviewer');
    expect(unknown.errors).toBeUndefined();
    expect(overHidden.errors).toBeUndefined();
    expect(overHidden.data.addProvision.reference).toBe('Art. 98');
    expect(overHidden.data.addProvision.id).toMatch(/^eu-2016-680-art-98-[0-9a-f]{12}$/);
    expect(overHidden.data.addProvision.id).not.toBe(hidden.data.addProvision.id);

    const overVisible = await platform.query<any>(ADD, { input: provision('Art. 98') }, 'demo-reviewer');
    expect(overVisible.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(overVisible.errors?.[0]?.message).toBe('Law Enforcement Directive (LED) already has a provision "Art. 98".');
  });

  it('answers a trainer alike for a member who does not exist and one outside their training scope', async () => {
    const ASSIGN = `mutation($m: [ID!]!) { assignCurriculum(input: { curriculumId: "cur-osint-basics", memberIds: $m, dueOn: "2099-01-01" }) { createdCount } }`;
    const outside = await platform.query<any>(ASSIGN, { m: ['demo-practitioner-de'] }, 'm-trainer-es');
    const unknown = await platform.query<any>(ASSIGN, { m: ['no-such-member'] }, 'm-trainer-es');
    expect(outside.data).toBeNull();
    expect(codeAndMessage(outside, 'demo-practitioner-de')).toEqual({ code: 'NOT_FOUND', message: 'Member "<id>" within your training scope was not found.' });
    expect(codeAndMessage(unknown, 'no-such-member')).toEqual(codeAndMessage(outside, 'demo-practitioner-de'));
  });

  it('answers a trainer alike for an unknown agency and one outside their training scope, with members or without', async () => {
    const ASSIGN = `mutation($agency: ID!) { assignCurriculum(input: { curriculumId: "cur-osint-basics", agencyId: $agency, dueOn: "2099-01-01" }) {
      createdCount alreadyAssignedCount assignments { assignee { id } } } }`;
    const openAssignments = () => platform.databases.bySubgraph.training!.query(`SELECT count(*)::int AS n FROM training.assignments WHERE status <> 'CANCELLED'`);
    const before = await openAssignments();
    // de-by-polizei has active members (two of them hold cur-osint-basics already), at-bk has none; both lie outside ES-CT.
    const answers = [];
    for (const agency of ['zz-no-such-agency', 'de-by-polizei', 'at-bk']) {
      const r = await platform.query<any>(ASSIGN, { agency }, 'm-trainer-es');
      expect(r.data, agency).toBeNull();
      answers.push(codeAndMessage(r, agency));
    }
    expect(answers).toEqual([
      { code: 'NOT_FOUND', message: 'Agency "<id>" with active members within your training scope was not found.' },
      { code: 'NOT_FOUND', message: 'Agency "<id>" with active members within your training scope was not found.' },
      { code: 'NOT_FOUND', message: 'Agency "<id>" with active members within your training scope was not found.' },
    ]);
    expect(await openAssignments()).toEqual(before);

    const inScope = await platform.query<any>(ASSIGN, { agency: 'es-ct-bcn-gub' }, 'm-trainer-es');
    expect(inScope.errors).toBeUndefined();
    expect(inScope.data.assignCurriculum).toEqual({ createdCount: 1, alreadyAssignedCount: 0, assignments: [{ assignee: { id: 'm-bcn-1' } }] });
  });

  it('refuses a procedure\'s legal basis citing a provision the editor may not see exactly as one that does not exist', async () => {
    const CREATE = `mutation($basis: [ID!]) { createProcedure(input: { topic: INVESTIGATION, title: "Covert profiles", summary: "When covert profiles are used.",
      body: "Only with written approval.", language: "en", visibility: LEA, legalBasis: $basis }) { id legalBasis { id } } }`;
    // MANAGEMENT: demo-practitioner-es may not see it (demo-manager-es may).
    const hidden = await platform.query<any>(CREATE, { basis: ['de-by-covert-accounts-guideline-s-2'] }, 'demo-practitioner-es');
    const unknown = await platform.query<any>(CREATE, { basis: ['zz-no-such-provision'] }, 'demo-practitioner-es');
    expect(codeAndMessage(hidden, 'de-by-covert-accounts-guideline-s-2'))
      .toEqual({ code: 'BAD_USER_INPUT', message: 'legalBasis: there is no legal provision "<id>" you can cite.' });
    expect(codeAndMessage(unknown, 'zz-no-such-provision')).toEqual(codeAndMessage(hidden, 'de-by-covert-accounts-guideline-s-2'));

    const visible = await platform.query<any>(CREATE, { basis: ['es-ct-osint-guideline-2024-s-3'] }, 'demo-practitioner-es');
    expect(visible.errors).toBeUndefined();
    expect(visible.data.createProcedure.legalBasis).toEqual([{ id: 'es-ct-osint-guideline-2024-s-3' }]);
    const update = 'mutation($id: ID!, $basis: [ID!]) { updateProcedure(id: $id, expectedVersion: 1, input: { legalBasis: $basis }) { id } }';
    const cited = await platform.query<any>(update, { id: visible.data.createProcedure.id, basis: ['de-by-covert-accounts-guideline-s-2'] }, 'demo-practitioner-es');
    expect(codeAndMessage(cited, 'de-by-covert-accounts-guideline-s-2')).toEqual(codeAndMessage(hidden, 'de-by-covert-accounts-guideline-s-2'));
  });

  it('keeps the citations an editor cannot see when they change the legal basis', async () => {
    const created = await platform.query<any>(`mutation { createProcedure(input: { topic: INVESTIGATION, title: "Covert profiles in Catalonia",
      summary: "When covert profiles are used.", body: "Only with written approval.", language: "en", visibility: LEA,
      legalBasis: ["de-by-covert-accounts-guideline-s-2", "es-ct-osint-guideline-2024-s-3"] }) { id legalBasis { id } } }`, {}, 'demo-manager-es');
    expect(created.errors).toBeUndefined();
    const id = created.data.createProcedure.id;
    const changed = await platform.query<any>(`mutation($id: ID!) { updateProcedure(id: $id, expectedVersion: 1, input: { legalBasis: [] }) { version legalBasis { id } } }`,
      { id }, 'demo-practitioner-es');
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateProcedure).toEqual({ version: 2, legalBasis: [] });
    const manager = await platform.query<any>('query($id: ID!) { procedure(id: $id) { version legalBasis { id } } }', { id }, 'demo-manager-es');
    expect(manager.data.procedure).toEqual({ version: 2, legalBasis: [{ id: 'de-by-covert-accounts-guideline-s-2' }] });
  });

  it('refuses a curriculum\'s related procedures and frameworks that the trainer may not see exactly as unknown ones', async () => {
    const CREATE = `mutation($procedures: [ID!], $frameworks: [ID!]) { createCurriculum(input: { title: "Covert investigations", summary: "Covert work online.",
      audience: PRACTITIONER, topics: [INVESTIGATION], language: "en", estimatedHours: 4, visibility: LEA, validityMonths: 24,
      relatedProcedures: $procedures, relatedLegalFrameworks: $frameworks }) { id relatedProcedures { id } relatedLegalFrameworks { id } } }`;
    // Both MANAGEMENT, hidden from demo-trainer (a practitioner).
    const hiddenProcedure = await platform.query<any>(CREATE, { procedures: ['proc-es-ct-investigation'] }, 'demo-trainer');
    const unknownProcedure = await platform.query<any>(CREATE, { procedures: ['proc-zz-unknown'] }, 'demo-trainer');
    expect(codeAndMessage(hiddenProcedure, 'proc-es-ct-investigation'))
      .toEqual({ code: 'BAD_USER_INPUT', message: 'relatedProcedures: there is no procedure in force "<id>" you can cite.' });
    expect(codeAndMessage(unknownProcedure, 'proc-zz-unknown')).toEqual(codeAndMessage(hiddenProcedure, 'proc-es-ct-investigation'));
    const hiddenFramework = await platform.query<any>(CREATE, { frameworks: ['de-by-covert-accounts-guideline'] }, 'demo-trainer');
    const unknownFramework = await platform.query<any>(CREATE, { frameworks: ['zz-unknown-act'] }, 'demo-trainer');
    expect(codeAndMessage(hiddenFramework, 'de-by-covert-accounts-guideline'))
      .toEqual({ code: 'BAD_USER_INPUT', message: 'relatedLegalFrameworks: there is no legal framework "<id>" you can cite.' });
    expect(codeAndMessage(unknownFramework, 'zz-unknown-act')).toEqual(codeAndMessage(hiddenFramework, 'de-by-covert-accounts-guideline'));

    const visible = await platform.query<any>(CREATE, { procedures: ['proc-es-communication'], frameworks: ['eu-2016-680'] }, 'demo-trainer');
    expect(visible.errors).toBeUndefined();
    expect(visible.data.createCurriculum.relatedProcedures).toEqual([{ id: 'proc-es-communication' }]);
    expect(visible.data.createCurriculum.relatedLegalFrameworks).toEqual([{ id: 'eu-2016-680' }]);
  });
});
