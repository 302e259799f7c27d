import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../lib/access.ts';
import { directorySubgraph } from '../subgraphs/directory/index.ts';
import type { Databases } from '../scripts/platform.ts';
import { freshDatabases, viewerOf, codes as codesOf } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

let dbs: Databases;
let client: Awaited<ReturnType<typeof subgraphClient>>;
const as = (id: string | null) => viewerOf(dbs, id);

async function counts() {
  const [r] = await dbs.bySubgraph.directory!.query(`SELECT
    (SELECT count(*)::int FROM directory.agencies) AS agencies,
    (SELECT count(*)::int FROM directory.members) AS members,
    (SELECT count(*)::int FROM directory.outbox) AS outbox,
    (SELECT count(*)::int FROM access.principals) AS principals`);
  return r;
}

beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
  client = await subgraphClient(directorySubgraph, dbs.bySubgraph.directory!);
});
afterAll(async () => {
  await client?.stop();
  await dbs?.close();
});

describe('directory queries', () => {
  it('lists the EU, 27 member states and the non-EU partners', async () => {
    const r = await client.run<{ jurisdictions: { code: string; euMember: boolean }[] }>(ANONYMOUS, '{ jurisdictions(level: NATIONAL) { code euMember } }');
    const codes = r.data!.jurisdictions.map((j) => j.code);
    expect(r.data!.jurisdictions.filter((j) => j.euMember)).toHaveLength(27);
    expect(codes).toEqual(expect.arrayContaining(['GB', 'NO', 'CH', 'IS', 'ES', 'DE']));
  });

  it('walks the jurisdiction tree both ways', async () => {
    const r = await client.run<{ jurisdiction: { parent: { code: string; parent: { code: string } }; children: { code: string }[]; agencies: { id: string }[] } }>(
      ANONYMOUS, '{ jurisdiction(code: "ES-CT") { parent { code parent { code } } children { code } agencies { id } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.jurisdiction.parent.code).toBe('ES');
    expect(r.data!.jurisdiction.parent.parent.code).toBe('EU');
    expect(r.data!.jurisdiction.children.map((c) => c.code)).toEqual(['ES-CT-BCN']);
    expect(r.data!.jurisdiction.agencies.map((a) => a.id)).toContain('es-ct-mossos');
  });

  it('hides members from anonymous callers and email from partners', async () => {
    const anon = await client.run(ANONYMOUS, '{ member(id: "demo-manager-es") { id } me { id } }');
    expect(anon.data).toEqual({ member: null, me: null });
    const partner = await client.run<{ member: { id: string; email: string | null } }>(await as('demo-partner'), '{ member(id: "demo-manager-es") { id email } }');
    expect(partner.data!.member).toEqual({ id: 'demo-manager-es', email: null });
    expect(codesOf(partner)).toEqual(['FORBIDDEN']);
    const lea = await client.run<{ member: { email: string } }>(await as('demo-practitioner-de'), '{ member(id: "demo-manager-es") { email } }');
    expect(lea.data!.member.email).toMatch(/@/);
  });

  it('resolves entity references and filters members by visibility in _entities', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Jurisdiction { code name } ... on Agency { id name } ... on Member { id displayName } } }`;
    const representations = [
      { __typename: 'Jurisdiction', code: 'DE-BY' },
      { __typename: 'Agency', id: 'ie-garda' },
      { __typename: 'Member', id: 'demo-practitioner-es' },
      { __typename: 'Member', id: 'no-such-member' },
    ];
    const anon = await client.run<{ _entities: unknown[] }>(ANONYMOUS, query, { r: representations });
    expect(anon.data!._entities).toEqual([{ code: 'DE-BY', name: 'Bavaria' }, { id: 'ie-garda', name: expect.stringContaining('Garda') }, null, null]);
    const member = await client.run<{ _entities: unknown[] }>(await as('demo-partner'), query, { r: representations });
    expect(member.data!._entities[2]).toEqual({ id: 'demo-practitioner-es', displayName: 'Laia Puig (demo)' });
  });
});

describe('directory mutations', () => {
  const createAgency = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id name orgKind jurisdiction { code } } }`;
  const inviteMember = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id tier roles agency { id } } }`;
  const updateMember = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id tier roles active } }`;

  it('lets an admin create an agency and invite and update a member, writing outbox rows and principals', async () => {
    const admin = await as('demo-admin');
    const before = await counts();
    const a = await client.run<{ createAgency: { id: string } }>(admin, createAgency, {
      input: { id: 'es-ct-girona-pm', name: 'Girona Local Police (test)', kind: 'LOCAL_POLICE', orgKind: 'LEA', jurisdiction: 'ES-CT' },
    });
    expect(a.errors).toBeUndefined();
    expect(a.data!.createAgency).toEqual({ id: 'es-ct-girona-pm', name: 'Girona Local Police (test)', orgKind: 'LEA', jurisdiction: { code: 'ES-CT' } });
    const m = await client.run(admin, inviteMember, {
      input: { id: 'test-girona-1', displayName: 'Test Officer', email: 'Officer@Girona.example', agency: 'es-ct-girona-pm', tier: 'PRACTITIONER', roles: ['EDITOR'] },
    });
    expect(m.data).toEqual({ inviteMember: { id: 'test-girona-1', tier: 'PRACTITIONER', roles: ['EDITOR'], agency: { id: 'es-ct-girona-pm' } } });
    const u = await client.run(admin, updateMember, { id: 'test-girona-1', input: { tier: 'MANAGER' } });
    expect(u.data).toEqual({ updateMember: { id: 'test-girona-1', tier: 'MANAGER', roles: ['EDITOR'], active: true } });
    const [principal] = await dbs.kernel.query(`SELECT tier, jurisdiction_path FROM access.principals WHERE member_id = 'test-girona-1'`);
    expect(principal).toEqual({ tier: 'MANAGER', jurisdiction_path: ['ES-CT', 'ES', 'EU'] });
    const after = await counts();
    expect(after).toEqual({ agencies: before.agencies + 1, members: before.members + 1, outbox: before.outbox + 3, principals: before.principals + 1 });
  });

  it('refuses non-admins with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const before = await counts();
    const input = { name: 'Nope', kind: 'LOCAL_POLICE', orgKind: 'LEA', jurisdiction: 'ES' };
    expect(codesOf(await client.run(await as('demo-manager-es'), createAgency, { input }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await client.run(ANONYMOUS, createAgency, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(await counts()).toEqual(before);
  });

  const bad: [string, string, Record<string, unknown>, string][] = [
    ['unknown jurisdiction', createAgency, { input: { name: 'X Police', kind: 'LOCAL_POLICE', orgKind: 'LEA', jurisdiction: 'XX' } }, 'BAD_USER_INPUT'],
    ['kind and orgKind disagree', createAgency, { input: { name: 'X Platform', kind: 'PLATFORM_PARTNER', orgKind: 'LEA', jurisdiction: 'EU' } }, 'BAD_USER_INPUT'],
    ['blank name', createAgency, { input: { name: '  ', kind: 'LOCAL_POLICE', orgKind: 'LEA', jurisdiction: 'ES' } }, 'BAD_USER_INPUT'],
    ['oversize name', createAgency, { input: { name: 'x'.repeat(201), kind: 'LOCAL_POLICE', orgKind: 'LEA', jurisdiction: 'ES' } }, 'BAD_USER_INPUT'],
    ['bad id', createAgency, { input: { id: 'Not A Slug', name: 'Y Police', kind: 'LOCAL_POLICE', orgKind: 'LEA', jurisdiction: 'ES' } }, 'BAD_USER_INPUT'],
    ['duplicate agency id', createAgency, { input: { id: 'es-ct-mossos', name: 'Another name', kind: 'REGIONAL_POLICE', orgKind: 'LEA', jurisdiction: 'ES-CT' } }, 'CONFLICT'],
    ['unknown enum value', createAgency, { input: { name: 'Z Police', kind: 'SPACE_POLICE', orgKind: 'LEA', jurisdiction: 'ES' } }, 'BAD_USER_INPUT'],
    ['bad email', inviteMember, { input: { displayName: 'A B', email: 'not-an-email', agency: 'es-ct-mossos', tier: 'PRACTITIONER' } }, 'BAD_USER_INPUT'],
    ['unknown agency', inviteMember, { input: { displayName: 'A B', email: 'ab@example.org', agency: 'nowhere', tier: 'PRACTITIONER' } }, 'BAD_USER_INPUT'],
    ['LEA member without tier', inviteMember, { input: { displayName: 'A B', email: 'ab@example.org', agency: 'es-ct-mossos' } }, 'BAD_USER_INPUT'],
    ['partner with a tier', inviteMember, { input: { displayName: 'A B', email: 'ab@example.org', agency: 'partner-agora', tier: 'MANAGER' } }, 'BAD_USER_INPUT'],
    ['repeated role', inviteMember, { input: { displayName: 'A B', email: 'ab@example.org', agency: 'es-ct-mossos', tier: 'MANAGER', roles: ['EDITOR', 'EDITOR'] } }, 'BAD_USER_INPUT'],
    ['duplicate email', inviteMember, { input: { displayName: 'A B', email: 'LAIA.PUIG@demo.mossos.example', agency: 'es-ct-mossos', tier: 'MANAGER' } }, 'CONFLICT'],
    ['duplicate member id', inviteMember, { input: { id: 'demo-partner', displayName: 'A B', email: 'new@example.org', agency: 'partner-agora' } }, 'CONFLICT'],
    ['unknown member', updateMember, { id: 'ghost', input: { displayName: 'Ghost' } }, 'NOT_FOUND'],
    ['empty update', updateMember, { id: 'demo-partner', input: {} }, 'BAD_USER_INPUT'],
    ['tier for a partner', updateMember, { id: 'demo-partner', input: { tier: 'MANAGER' } }, 'BAD_USER_INPUT'],
    ['move to unknown agency', updateMember, { id: 'demo-partner', input: { agency: 'nowhere' } }, 'BAD_USER_INPUT'],
    ['email taken', updateMember, { id: 'demo-partner', input: { email: 'jordi.ferrer@demo.mossos.example' } }, 'CONFLICT'],
    ['admin deactivating self', updateMember, { id: 'demo-admin', input: { active: false } }, 'FORBIDDEN'],
  ];
  it.each(bad)('answers %s with a coded error and writes nothing', async (_name, op, variables, code) => {
    const before = await counts();
    const r = await client.run(await as('demo-admin'), op, variables);
    expect(codesOf(r)).toEqual([code]);
    expect(r.errors![0]!.message.length).toBeGreaterThan(5);
    expect(await counts()).toEqual(before);
  });
});
