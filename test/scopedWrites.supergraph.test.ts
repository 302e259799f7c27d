import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const BCN = 'ws-bcn-everyday-security';
const OUTPUTS = `query($id: ID!) { workshop(id: $id) { swotItems { id } keyMessages { text } recommendations { id } } }`;
const ADD_SWOT = `mutation($id: ID!) { addSwotItems(workshop: $id, items: [{ topic: MONITORING, quadrant: STRENGTH, statement: "Shared dashboards." }]) { id } }`;
const ADD_KEY_MESSAGE = `mutation($id: ID!) { addKeyMessage(workshop: $id, input: { text: "Speak early and plainly." }) { text } }`;
const ADD_RECOMMENDATION = `mutation($id: ID!) { addRecommendation(workshop: $id, input: { statement: "Publish a crisis protocol.",
  rationale: "Citizens need one voice.", addressees: [LEAS], priority: HIGH }) { id } }`;
const CREATE_WORKSHOP = `mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id organiser { id } } }`;
const workshopInput = (organiser: string) => ({
  title: 'Bavarian OSINT exchange', theme: 'Open-source intelligence in daily work', city: 'DE-BY', startsOn: '2026-03-02',
  endsOn: '2026-03-03', organiser, topics: ['MONITORING'], participantCount: 12, summary: 'Two days of case work.', language: 'en', visibility: 'LEA',
});

describe('workshop outputs are written by the organiser\'s staff', () => {
  it('refuses another agency\'s editor every output of a workshop they can see, and changes nothing', async () => {
    const before = await platform.query<any>(OUTPUTS, { id: BCN }, 'demo-manager-es');
    expect(before.data.workshop.swotItems.length).toBeGreaterThan(0);
    for (const mutation of [ADD_SWOT, ADD_KEY_MESSAGE, ADD_RECOMMENDATION]) {
      const r = await platform.query<any>(mutation, { id: BCN }, 'demo-practitioner-de');
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors![0]!.message).toBe('Only staff of the organising agency (or an administrator) may change this workshop\'s outputs.');
    }
    const after = await platform.query<any>(OUTPUTS, { id: BCN }, 'demo-manager-es');
    expect(after.data).toEqual(before.data);
  });

  it('lets an administrator write to any workshop they can see', async () => {
    const r = await platform.query<any>(ADD_KEY_MESSAGE, { id: BCN }, 'demo-admin');
    expect(r.errors).toBeUndefined();
    expect(r.data.addKeyMessage).toEqual({ text: 'Speak early and plainly.' });
  });

  it('makes the caller\'s agency the organiser of a new workshop, and only its staff add outputs', async () => {
    const foreign = await platform.query<any>(CREATE_WORKSHOP, { input: workshopInput('es-ct-bcn-gub') }, 'demo-practitioner-de');
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    expect(foreign.errors![0]!.message).toBe('You may create workshops organised by your own agency only.');
    const own = await platform.query<any>(CREATE_WORKSHOP, { input: workshopInput('de-by-polizei') }, 'demo-practitioner-de');
    expect(own.errors).toBeUndefined();
    expect(own.data.createWorkshop.organiser).toEqual({ id: 'de-by-polizei' });
    const id = own.data.createWorkshop.id;
    const colleague = await platform.query<any>(ADD_SWOT, { id }, 'demo-manager-de');
    expect(colleague.errors).toBeUndefined();
    expect(colleague.data.addSwotItems).toHaveLength(1);
    const outsider = await platform.query<any>(ADD_RECOMMENDATION, { id }, 'demo-manager-es');
    expect(codes(outsider)).toEqual(['FORBIDDEN']);
  });
});

describe('recommendation links tell nothing about targets the caller may not see', () => {
  const LINK = `mutation($t: RecommendationLinkInput!) { linkRecommendation(id: "rec-bcn-01", target: $t) { id implementedBy { type procedure { id } } } }`;
  const UNLINK = `mutation($t: RecommendationLinkInput!) { unlinkRecommendation(id: "rec-bcn-01", target: $t) { id implementedBy { type procedure { id } } } }`;
  const LINKED = `{ recommendation(id: "rec-bcn-01") { implementedBy { procedure { id } } } }`;
  const hidden = { type: 'PROCEDURE', id: 'proc-es-ct-investigation' };
  const unknown = { type: 'PROCEDURE', id: 'proc-es-ct-never-written' };

  it('refuses another agency\'s editor any link change on the Barcelona recommendation', async () => {
    const link = await platform.query<any>(LINK, { t: hidden }, 'demo-practitioner-de');
    expect(codes(link)).toEqual(['FORBIDDEN']);
    const unlink = await platform.query<any>(UNLINK, { t: hidden }, 'demo-practitioner-de');
    expect(codes(unlink)).toEqual(['FORBIDDEN']);
  });

  it('answers a link to a hidden, already linked procedure exactly as one to an unknown id', async () => {
    // The administrator may write to the workshop but may not see the manager-only procedure it is linked to.
    const toHidden = await platform.query<any>(LINK, { t: hidden }, 'demo-admin');
    const toUnknown = await platform.query<any>(LINK, { t: unknown }, 'demo-admin');
    expect(toHidden.errors).toBeUndefined();
    expect(toUnknown.errors).toBeUndefined();
    expect(toHidden.data).toEqual(toUnknown.data);
    expect(JSON.stringify(toHidden)).not.toContain(hidden.id);
  });

  it('removes no link the caller cannot list, and answers as for an unknown one', async () => {
    const offHidden = await platform.query<any>(UNLINK, { t: hidden }, 'demo-admin');
    const offUnknown = await platform.query<any>(UNLINK, { t: { type: 'PROCEDURE', id: 'proc-es-ct-never-linked' } }, 'demo-admin');
    expect(offHidden.errors).toBeUndefined();
    expect(offUnknown.errors).toBeUndefined();
    expect(offHidden.data).toEqual(offUnknown.data);
    const manager = await platform.query<any>(LINKED, {}, 'demo-manager-es');
    expect(manager.data.recommendation.implementedBy.map((l: any) => l.procedure?.id)).toContain(hidden.id);
  });

  const OWN_LINK = `mutation($id: ID!, $t: RecommendationLinkInput!) { linkRecommendation(id: $id, target: $t) { id implementedBy { type procedure { id } } } }`;
  const OWN_UNLINK = OWN_LINK.replace('linkRecommendation', 'unlinkRecommendation');
  const linkedProcedures = async (id: string, memberId: string) => {
    const r = await platform.query<any>('query($id: ID!) { recommendation(id: $id) { implementedBy { procedure { id } } } }', { id }, memberId);
    expect(r.errors).toBeUndefined();
    return r.data.recommendation.implementedBy.map((l: any) => l.procedure?.id);
  };
  /** A recommendation of a workshop organised by demo-practitioner-de's agency, which its staff may link. */
  const bavarianRecommendation = async () => {
    const created = await platform.query<any>(CREATE_WORKSHOP, { input: workshopInput('de-by-polizei') }, 'demo-practitioner-de');
    expect(created.errors).toBeUndefined();
    const added = await platform.query<any>(ADD_RECOMMENDATION, { id: created.data.createWorkshop.id }, 'demo-practitioner-de');
    expect(added.errors).toBeUndefined();
    return added.data.addRecommendation.id as string;
  };

  it('stores no link to a procedure the caller cannot see, answering as for an unknown one', async () => {
    const id = await bavarianRecommendation();
    const toHidden = await platform.query<any>(OWN_LINK, { id, t: hidden }, 'demo-practitioner-de');
    const toUnknown = await platform.query<any>(OWN_LINK, { id, t: unknown }, 'demo-practitioner-de');
    expect(toHidden.errors).toBeUndefined();
    expect(toHidden).toEqual(toUnknown);
    expect(toHidden.data.linkRecommendation).toEqual({ id, implementedBy: [] });
    // A manager, who sees the manager-only procedure, finds no link to it.
    expect(await linkedProcedures(id, 'demo-manager-es')).toEqual([]);
    // The administrator may write to the Barcelona workshop but may not see a Bavarian LEA procedure: nothing is stored.
    const byAdmin = await platform.query<any>(LINK, { t: { type: 'PROCEDURE', id: 'proc-de-by-monitoring' } }, 'demo-admin');
    expect(byAdmin.errors).toBeUndefined();
    expect(await linkedProcedures('rec-bcn-01', 'demo-manager-de')).not.toContain('proc-de-by-monitoring');
  });

  it('removes a link the caller can list, whoever added it, and none the caller cannot list', async () => {
    const id = await bavarianRecommendation();
    const visible = { type: 'PROCEDURE', id: 'proc-de-by-monitoring' };
    expect((await platform.query<any>(OWN_LINK, { id, t: visible }, 'demo-practitioner-de')).errors).toBeUndefined();
    expect((await platform.query<any>(OWN_LINK, { id, t: hidden }, 'demo-manager-de')).errors).toBeUndefined();
    expect((await linkedProcedures(id, 'demo-manager-de')).sort()).toEqual(['proc-de-by-monitoring', 'proc-es-ct-investigation']);

    const removed = await platform.query<any>(OWN_UNLINK, { id, t: visible }, 'demo-manager-de');
    expect(removed.errors).toBeUndefined();
    expect(removed.data.unlinkRecommendation).toEqual({ id, implementedBy: [{ type: 'PROCEDURE', procedure: { id: 'proc-es-ct-investigation' } }] });

    const offHidden = await platform.query<any>(OWN_UNLINK, { id, t: hidden }, 'demo-practitioner-de');
    const offUnknown = await platform.query<any>(OWN_UNLINK, { id, t: unknown }, 'demo-practitioner-de');
    expect(offHidden.errors).toBeUndefined();
    expect(offHidden).toEqual(offUnknown);
    expect(await linkedProcedures(id, 'demo-manager-de')).toEqual(['proc-es-ct-investigation']);
  });
});

const SUBMIT = `mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { id } }`;
const START_REVIEW = `mutation($id: ID!) { startReview(id: $id) { id status } }`;
const comment = { kind: 'COMMENT', target: 'eu-2016-680', proposedText: 'Logging duties deserve a worked example.', rationale: 'Practitioners ask for one every year.' };

/** Invites a member of the EU IRU (a unit of Europol) and returns the id of a comment they submit. */
async function commentFromIruMember(id: string): Promise<string> {
  const invited = await platform.query<any>(`mutation($id: ID!) { inviteMember(input: { id: $id, displayName: "IRU analyst",
    email: "${id}@iru.example", agency: "eu-europol-iru", tier: PRACTITIONER }) { id } }`, { id }, 'demo-admin');
  expect(invited.errors).toBeUndefined();
  const submitted = await platform.query<any>(SUBMIT, { input: comment }, id);
  expect(submitted.errors).toBeUndefined();
  return submitted.data.submitContribution.id;
}

describe('reviewers decide nothing of their own or of their own organisation', () => {
  it('refuses a Europol reviewer a contribution from a Europol unit', async () => {
    const contribution = await commentFromIruMember('iru-analyst');
    const review = await platform.query<any>(START_REVIEW, { id: contribution }, 'demo-reviewer');
    expect(codes(review)).toEqual(['FORBIDDEN']);
    expect(review.errors![0]!.message).toBe('A contribution is reviewed by someone outside the author\'s organisation.');
    const after = await platform.query<any>('query($id: ID!) { contribution(id: $id) { status } }', { id: contribution }, 'demo-reviewer');
    expect(after.data.contribution).toEqual({ status: 'SUBMITTED' });
  });

  it('judges a contribution by the organisation its author wrote it in, parents included, after the author has moved', async () => {
    const contribution = await commentFromIruMember('iru-analyst-moving');
    const moved = await platform.query<any>(`mutation { updateMember(id: "iru-analyst-moving", input: { agency: "de-by-polizei" }) { agency { id } } }`,
      {}, 'demo-admin');
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateMember).toEqual({ agency: { id: 'de-by-polizei' } });

    const review = await platform.query<any>(START_REVIEW, { id: contribution }, 'demo-reviewer');
    expect(codes(review)).toEqual(['FORBIDDEN']);
    expect(review.errors![0]!.message).toBe('A contribution is reviewed by someone outside the author\'s organisation.');
    const after = await platform.query<any>('query($id: ID!) { contribution(id: $id) { status authorAgencyId } }', { id: contribution }, 'demo-reviewer');
    expect(after.data.contribution).toEqual({ status: 'SUBMITTED', authorAgencyId: 'eu-europol-iru' });
  });

  it('refuses a reviewer their own contribution, naming the reason', async () => {
    const submitted = await platform.query<any>(SUBMIT, { input: comment }, 'demo-reviewer');
    expect(submitted.errors).toBeUndefined();
    const review = await platform.query<any>(START_REVIEW, { id: submitted.data.submitContribution.id }, 'demo-reviewer');
    expect(codes(review)).toEqual(['FORBIDDEN']);
    expect(review.errors![0]!.message).toBe('Nobody reviews their own contribution.');
  });

  it('records a reviewer\'s direct amendment as a contribution they wrote and accepted', async () => {
    const provision = 'eu-2016-680-art-25';
    const current = await platform.query<any>('query($id: ID!) { legalProvision(id: $id) { version } }', { id: provision }, 'demo-reviewer');
    const amended = await platform.query<any>(`mutation($id: ID!, $v: Int!) { amendProvision(id: $id, expectedVersion: $v, input: {
        text: "Logs are kept for every consultation and disclosure.", changeNote: "Named the logged operations" }) {
        version proposedBy { id } acceptedBy { id } contribution { kind status author { id } reviewer { id } provision { id } resultingVersion } } }`,
      { id: provision, v: current.data.legalProvision.version }, 'demo-reviewer');
    expect(amended.errors).toBeUndefined();
    const version = current.data.legalProvision.version + 1;
    expect(amended.data.amendProvision).toEqual({
      version, proposedBy: { id: 'demo-reviewer' }, acceptedBy: { id: 'demo-reviewer' },
      contribution: { kind: 'AMENDMENT', status: 'ACCEPTED', author: { id: 'demo-reviewer' }, reviewer: { id: 'demo-reviewer' }, provision: { id: provision }, resultingVersion: version },
    });
  });

  it('records a reviewer\'s direct new provision as a contribution they wrote and accepted, and an administrator\'s as none', async () => {
    const ADD = `mutation($reference: String!) { addProvision(framework: "eu-2016-680", input: { reference: $reference, heading: "Worked example",
        text: "A logging record names the officer, the purpose and the data consulted.", visibility: MEMBERS }) {
        id version proposedBy { id } acceptedBy { id }
        contribution { kind status proposedReference author { id } reviewer { id } provision { id } resultingProvision { id } resultingVersion } } }`;
    const added = await platform.query<any>(ADD, { reference: 'Art. 25a' }, 'demo-reviewer');
    expect(added.errors).toBeUndefined();
    const provision = added.data.addProvision.id;
    expect(added.data.addProvision).toEqual({
      id: provision, version: 1, proposedBy: { id: 'demo-reviewer' }, acceptedBy: { id: 'demo-reviewer' },
      contribution: { kind: 'NEW_PROVISION', status: 'ACCEPTED', proposedReference: 'Art. 25a', author: { id: 'demo-reviewer' },
        reviewer: { id: 'demo-reviewer' }, provision: null, resultingProvision: { id: provision }, resultingVersion: 1 },
    });
    const listed = await platform.query<any>(`{ legalFramework(id: "eu-2016-680") { contributions { kind status resultingProvision { id } } } }`,
      {}, 'demo-practitioner-de');
    expect(listed.errors).toBeUndefined();
    expect(listed.data.legalFramework.contributions)
      .toContainEqual({ kind: 'NEW_PROVISION', status: 'ACCEPTED', resultingProvision: { id: provision } });

    const byAdmin = await platform.query<any>(ADD, { reference: 'Art. 25b' }, 'demo-admin');
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data.addProvision).toMatchObject({ proposedBy: null, acceptedBy: { id: 'demo-admin' }, contribution: null });
  });
});

describe('administrators do not change their own standing; auditors are made by auditors', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id roles tier agency { id } } }`;
  const ME = '{ me { roles tier agency { id } } }';

  it('refuses an administrator every change of their own roles, tier or agency, and changes nothing', async () => {
    const before = await platform.query<any>(ME, {}, 'demo-admin');
    for (const input of [{ roles: ['ADMIN', 'AUDITOR'] }, { agency: 'es-ct-mossos', tier: 'MANAGER' }, { roles: ['ADMIN', 'EDITOR'] }]) {
      const r = await platform.query<any>(UPDATE, { id: 'demo-admin', input }, 'demo-admin');
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors![0]!.message).toBe('Nobody changes their own roles, tier, agency or activity: ask another administrator.');
    }
    expect((await platform.query<any>(ME, {}, 'demo-admin')).data).toEqual(before.data);
    const rename = await platform.query<any>(`mutation { updateMember(id: "demo-admin", input: { displayName: "Elena Rossi" }) { id } }`, {}, 'demo-admin');
    expect(rename.errors).toBeUndefined();
  });

  it('lets only another auditor grant the AUDITOR role, and an auditor nothing else', async () => {
    const byAdmin = await platform.query<any>(UPDATE, { id: 'm-de-1', input: { roles: ['AUDITOR'] } }, 'demo-admin');
    expect(codes(byAdmin)).toEqual(['FORBIDDEN']);
    expect(byAdmin.errors![0]!.message).toBe('Only another auditor may grant or withdraw the AUDITOR role.');
    const beyond = await platform.query<any>(UPDATE, { id: 'm-de-1', input: { roles: ['AUDITOR', 'EDITOR'] } }, 'demo-auditor');
    expect(codes(beyond)).toEqual(['FORBIDDEN']);
    const self = await platform.query<any>(UPDATE, { id: 'demo-auditor', input: { roles: [] } }, 'demo-auditor');
    expect(codes(self)).toEqual(['FORBIDDEN']);
    const byAuditor = await platform.query<any>(UPDATE, { id: 'm-de-1', input: { roles: ['AUDITOR'] } }, 'demo-auditor');
    expect(byAuditor.errors).toBeUndefined();
    expect(byAuditor.data.updateMember.roles).toEqual(['AUDITOR']);
  });
});
