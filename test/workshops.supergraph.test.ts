import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workshopsSeed } from '../seeds/workshops.ts';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const LINKS = `query($id: ID!) { recommendation(id: $id) { id implementedBy { type procedure { id title } legalFramework { id title } curriculum { id title } } } }`;
const seedLinks = (id: string) => workshopsSeed.workshops.flatMap((w) => w.recommendations).find((r) => r.id === id)!.links;

describe('workshops through the gateway', () => {
  it('joins workshops with the directory\'s city and organiser', async () => {
    const r = await platform.query<any>('{ workshop(id: "ws-bcn-everyday-security") { title city { code name } organiser { id name } } }', {}, 'demo-practitioner-es');
    expect(r.errors).toBeUndefined();
    expect(r.data.workshop.city).toEqual({ code: 'ES-CT-BCN', name: expect.any(String) });
    expect(r.data.workshop.organiser.id).toBe('es-ct-bcn-gub');
  });

  it('lists links to procedures the viewer may see and leaves a hidden one out, without an error', async () => {
    const id = 'rec-bcn-01';
    const hidden = 'proc-es-ct-investigation';
    expect(seedLinks(id).map((l) => l.id)).toContain(hidden);
    const manager = await platform.query<any>(LINKS, { id }, 'demo-manager-es');
    expect(manager.errors).toBeUndefined();
    expect(manager.data.recommendation.implementedBy.map((l: any) => l.procedure.id).sort()).toEqual(seedLinks(id).map((l) => l.id).sort());
    const practitioner = await platform.query<any>(LINKS, { id }, 'demo-practitioner-es');
    expect(practitioner.errors).toBeUndefined();
    const links = practitioner.data.recommendation.implementedBy;
    expect(links.map((l: any) => l.procedure.id).sort()).toEqual(seedLinks(id).map((l) => l.id).filter((p) => p !== hidden).sort());
    expect(JSON.stringify(practitioner)).not.toContain(hidden);
    const partner = await platform.query<any>(LINKS, { id }, 'demo-partner');
    expect(partner.errors).toBeUndefined();
    expect(partner.data.recommendation.implementedBy).toEqual([]);
    expect(JSON.stringify(partner)).not.toMatch(/proc-es-ct/);
  });

  it('resolves links to legal frameworks and curricula through their owners, leaving hidden ones out', async () => {
    const id = 'rec-bcn-03';
    const r = await platform.query<any>(LINKS, { id }, 'demo-practitioner-es');
    expect(r.errors).toBeUndefined();
    const byType = (t: string) => r.data.recommendation.implementedBy.filter((l: any) => l.type === t);
    // Each link answers exactly what the owner answers this viewer for the same id.
    const owners = await platform.query<any>(`{ legalFramework(id: "eu-2016-680") { id title }
      a: curriculum(id: "cur-osint-basics") { id title } b: curriculum(id: "cur-monitoring-limits") { id title } }`, {}, 'demo-practitioner-es');
    expect(byType('LEGAL_FRAMEWORK').map((l: any) => l.legalFramework)).toEqual([owners.data.legalFramework]);
    expect(byType('CURRICULUM').map((l: any) => l.curriculum).sort((x: any, y: any) => x.id.localeCompare(y.id)))
      .toEqual([owners.data.b, owners.data.a].filter(Boolean).sort((x: any, y: any) => x.id.localeCompare(y.id)));
    expect(byType('CURRICULUM').map((l: any) => l.curriculum?.id).sort()).toEqual(seedLinks(id).filter((l) => l.type === 'CURRICULUM').map((l) => l.id).sort());
    const partner = await platform.query<any>(LINKS, { id }, 'demo-partner');
    expect(partner.errors).toBeUndefined();
    expect(partner.data.recommendation.implementedBy.map((l: any) => l.type)).toEqual(['LEGAL_FRAMEWORK']);
  });

  it('leaves a dangling link out without an error, whatever the selection', async () => {
    const link = await platform.query<any>(`mutation { linkRecommendation(id: "rec-bcn-05", target: { type: PROCEDURE, id: "proc-gone-for-good" }) { id } }`, {}, 'demo-admin');
    expect(link.errors).toBeUndefined();
    const r = await platform.query<any>(LINKS, { id: 'rec-bcn-05' }, 'demo-manager-es');
    expect(r.errors).toBeUndefined();
    expect(r.data.recommendation.implementedBy.filter((l: any) => l.type === 'PROCEDURE')).toEqual([]);
    const keyOnly = await platform.query<any>('{ recommendation(id: "rec-bcn-05") { implementedBy { procedure { id } } } }', {}, 'demo-manager-es');
    expect(keyOnly.errors).toBeUndefined();
    expect(JSON.stringify(keyOnly.data)).not.toContain('proc-gone-for-good');
  });

  it('hides workshops per tier and jurisdiction at the gateway too, aliases included', async () => {
    const q = `{ a: workshop(id: "ws-ber-osint-limits") { id } b: workshop(id: "ws-hag-leadership") { id }
      swotMatrix(workshops: ["ws-ber-osint-limits", "ws-hag-leadership"]) { itemCount } }`;
    const es = await platform.query<any>(q, {}, 'demo-practitioner-es');
    expect(es.errors).toBeUndefined();
    expect(es.data).toEqual({ a: null, b: null, swotMatrix: { itemCount: 0 } });
    const de = await platform.query<any>(q, {}, 'demo-manager-de');
    expect(de.data.a).toEqual({ id: 'ws-ber-osint-limits' });
    expect(de.data.b).toEqual({ id: 'ws-hag-leadership' });
    const anonymous = await platform.query<any>('{ workshops { totalCount nodes { id } } }');
    expect(anonymous.data.workshops.nodes.map((n: any) => n.id)).toEqual(
      workshopsSeed.workshops.filter((w) => w.visibility === 'PUBLIC').map((w) => w.id));
  });

  it('refuses a vote from a partner and a status change from a non-admin', async () => {
    expect(codes(await platform.query('mutation { voteSwotItem(id: "swot-bcn-06") { id } }', {}, 'demo-partner'))).toEqual(['FORBIDDEN']);
    expect(codes(await platform.query('mutation { setRecommendationStatus(id: "rec-bcn-04", status: ENDORSED, reason: "Because.") { id } }', {}, 'demo-manager-es')))
      .toEqual(['FORBIDDEN']);
  });
});
