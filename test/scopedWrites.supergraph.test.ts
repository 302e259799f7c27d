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
  endsOn: '2026-03-03', organiser, topics: ['MONITORING'], participantCount: 12, summary: 'Two days of case work.', visibility: 'LEA',
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
});
