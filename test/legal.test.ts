import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../lib/access.ts';
import type { Viewer } from '../lib/access.ts';
import { countStatements } from './support/sqlStatements.ts';
import type { Databases } from '../scripts/platform.ts';
import { legalSeed } from '../seeds/legal.ts';
import { legalSubgraph } from '../subgraphs/legal/index.ts';
import { EU_MEMBER_STATES } from '../subgraphs/legal/memberStates.ts';
import { freshDatabases, viewerOf, codes as codesOf } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

let dbs: Databases;
let client: Awaited<ReturnType<typeof subgraphClient>>;
const viewers: Record<string, Viewer> = {};
const run = <T = any>(who: string | Viewer | null, query: string, variables: Record<string, unknown> = {}) =>
  client.run<T>(who === null ? ANONYMOUS : typeof who === 'string' ? viewers[who]! : who, query, variables);

const seedFramework = (id: string) => legalSeed.frameworks.find((f) => f.id === id)!;
const seedProvision = (id: string) => legalSeed.frameworks.flatMap((f) => f.provisions).find((p) => p.id === id)!;

async function tableCounts() {
  const [r] = await dbs.bySubgraph.legal!.query(`SELECT
    (SELECT count(*)::int FROM legal.frameworks) AS frameworks,
    (SELECT count(*)::int FROM legal.provisions) AS provisions,
    (SELECT count(*)::int FROM legal.provision_versions) AS versions,
    (SELECT count(*)::int FROM legal.contributions) AS contributions,
    (SELECT count(*)::int FROM legal.outbox) AS outbox,
    (SELECT md5(string_agg(id || status || coalesce(reviewer_id, ''), ',' ORDER BY id)) FROM legal.contributions) AS contribution_states,
    (SELECT md5(string_agg(provision_id || version || coalesce(valid_until::text, ''), ',' ORDER BY provision_id, version)) FROM legal.provision_versions) AS version_states,
    (SELECT md5(string_agg(id || title || summary || visibility, ',' ORDER BY id)) FROM legal.frameworks) AS framework_states`);
  return r;
}

const MEMBERS = ['demo-practitioner-es', 'demo-manager-es', 'demo-practitioner-de', 'demo-manager-de', 'demo-partner', 'demo-reviewer', 'demo-admin', 'm-partner-kestrel', 'm-academic'];
beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
  client = await subgraphClient(legalSubgraph, dbs.bySubgraph.legal!);
  for (const id of MEMBERS) viewers[id] = await viewerOf(dbs, id);
  // A reviewer who works for the demo partner's own organisation.
  viewers['agora-reviewer'] = { ...viewers['demo-partner']!, memberId: 'agora-reviewer', roles: ['REVIEWER'] };
});
afterAll(async () => {
  await client?.stop();
  await dbs?.close();
});

const TRANSPOSITION = `query($d: ID!, $at: Date) { transposition(directive: $d, at: $at) { transposedCount missingCount directive { id }
  rows { jurisdiction { code } status acts { id } } outsideUnion { jurisdiction { code } status acts { id } } } }`;

describe('transposition', () => {
  it('gives one row per member state with the transposing acts from the seeds', async () => {
    const r = await run(null, TRANSPOSITION, { d: 'eu-2016-680' });
    expect(r.errors).toBeUndefined();
    const t = r.data.transposition;
    expect(t.rows.map((row: any) => row.jurisdiction.code)).toEqual([...EU_MEMBER_STATES]);
    const acts = legalSeed.frameworks.filter((f) => f.transposes === 'eu-2016-680' && f.visibility === 'PUBLIC');
    for (const row of t.rows) {
      const expected = acts.filter((a) => a.jurisdiction === row.jurisdiction.code).map((a) => a.id);
      expect(row.acts.map((a: any) => a.id), row.jurisdiction.code).toEqual(expected);
      expect(row.status).toBe(expected.length ? 'TRANSPOSED' : 'MISSING');
    }
    expect(t.transposedCount + t.missingCount).toBe(27);
    expect(t.outsideUnion).toEqual([{ jurisdiction: { code: 'GB' }, status: 'TRANSPOSED', acts: [{ id: 'gb-dpa-2018' }] }]);
  });

  it('shows MISSING where no act is recorded, and reads acts in force on a date', async () => {
    const none = await run(null, TRANSPOSITION, { d: 'eu-2023-1544' });
    expect(none.data.transposition.missingCount).toBe(27);
    expect(none.data.transposition.rows).toHaveLength(27);
    expect(none.data.transposition.rows.every((row: any) => row.status === 'MISSING' && row.acts.length === 0)).toBe(true);
    const es = seedFramework('es-lo-7-2021');
    const before = await run(null, TRANSPOSITION, { d: 'eu-2016-680', at: '2019-01-01' });
    const esRow = before.data.transposition.rows.find((row: any) => row.jurisdiction.code === 'ES');
    expect(es.inForceFrom! > '2019-01-01').toBe(true);
    expect(esRow).toEqual({ jurisdiction: { code: 'ES' }, status: 'MISSING', acts: [] });
  });

  it('answers a regulation with BAD_USER_INPUT and an unknown id with NOT_FOUND', async () => {
    expect(codesOf(await run(null, TRANSPOSITION, { d: 'eu-2016-679' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await run(null, TRANSPOSITION, { d: 'eu-1999-1' }))).toEqual(['NOT_FOUND']);
  });
});

const COMPARE = `query($topic: Topic!, $j: [ID!]!, $d: [String!], $at: Date) {
  compareLegalPositions(topic: $topic, jurisdictions: $j, dimensions: $d, at: $at) {
    at divergentCount csv missing { code }
    rows { divergent dimension { key } cells { jurisdiction { code } value { value display } provision { id } } } } }`;

/** What the seeds say a jurisdiction holds on a dimension (first public provision in framework and article order). */
function seededPosition(jurisdiction: string, key: string): { value: unknown; provision: string } | null {
  const frameworks = legalSeed.frameworks.filter((f) => f.jurisdiction === jurisdiction && f.visibility === 'PUBLIC').sort((a, b) => a.id.localeCompare(b.id));
  for (const f of frameworks) {
    for (const p of f.provisions.filter((x) => x.visibility === 'PUBLIC')) {
      const v = p.versions.at(-1)!;
      if (key in v.positions) return { value: v.positions[key], provision: p.id };
    }
  }
  return null;
}

describe('compareLegalPositions', () => {
  const jurisdictions = ['ES', 'DE', 'FR', 'NL', 'IE', 'IT', 'GB', 'PT'];

  it('fills each cell from the provision in force, flags divergence and lists the missing', async () => {
    const r = await run('demo-partner', COMPARE, { topic: 'MONITORING', j: jurisdictions });
    expect(r.errors).toBeUndefined();
    const c = r.data.compareLegalPositions;
    const dims = legalSeed.dimensions.filter((d) => d.topic === 'MONITORING');
    expect(c.rows.map((row: any) => row.dimension.key).sort()).toEqual(dims.map((d) => d.key).sort());
    let divergent = 0;
    for (const row of c.rows) {
      const expected = jurisdictions.map((j) => seededPosition(j, row.dimension.key));
      expect(row.cells.map((cell: any) => cell.value?.value ?? null), row.dimension.key).toEqual(expected.map((e) => e?.value ?? null));
      expect(row.cells.map((cell: any) => cell.provision?.id ?? null)).toEqual(expected.map((e) => e?.provision ?? null));
      const distinct = new Set(expected.filter((e) => e).map((e) => JSON.stringify(e!.value)));
      expect(row.divergent).toBe(distinct.size > 1);
      if (distinct.size > 1) divergent += 1;
    }
    expect(c.divergentCount).toBe(divergent);
    expect(divergent).toBeGreaterThan(0);
    expect(c.missing).toEqual([{ code: 'PT' }]);
    const lines = c.csv.trim().split('\r\n');
    expect(lines[0]).toBe(`dimension,${jurisdictions.join(',')},divergent`);
    expect(lines).toHaveLength(c.rows.length + 1);
  });

  it('leaves positions hidden from the viewer out of their cells', async () => {
    const q = { topic: 'INVESTIGATION', j: ['DE-BY'], d: ['covert_authorisation_max_days'] };
    const manager = await run('demo-manager-de', COMPARE, q);
    expect(manager.data.compareLegalPositions.rows[0].cells[0].provision).toEqual({ id: 'de-by-covert-accounts-guideline-s-2' });
    const practitioner = await run('demo-practitioner-de', COMPARE, q);
    expect(practitioner.data.compareLegalPositions.rows[0].cells[0]).toMatchObject({ value: null, provision: null });
    expect(JSON.stringify(practitioner.data)).not.toContain('covert-accounts-guideline');
  });

  it('reads positions in force on a past date', async () => {
    const before = await run(null, COMPARE, { topic: 'MONITORING', j: ['ES'], at: '2019-06-01' });
    expect(before.data.compareLegalPositions.missing).toEqual([{ code: 'ES' }]);
  });

  it('costs the same number of SQL statements for 2 and for 20 jurisdictions, for the matrix and the transposition', async () => {
    const codes = ['ES', 'DE', 'FR', 'NL', 'IE', 'IT', 'GB', 'PT', 'AT', 'BE', 'PL', 'SE', 'FI', 'DK', 'CZ', 'HU', 'RO', 'GR', 'SK', 'SI'];
    const small = await countStatements(() => run('demo-manager-es', COMPARE, { topic: 'MONITORING', j: codes.slice(0, 2) }));
    const large = await countStatements(() => run('demo-manager-es', COMPARE, { topic: 'MONITORING', j: codes }));
    expect(large.result.errors).toBeUndefined();
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(4);
    const full = await countStatements(() => run('demo-manager-es', TRANSPOSITION, { d: 'eu-2016-680' }));
    const empty = await countStatements(() => run('demo-manager-es', TRANSPOSITION, { d: 'eu-2023-1544' }));
    expect(full.statements).toBe(empty.statements);
    expect(full.statements).toBeLessThanOrEqual(2);
  });

  it.each([
    ['an unknown dimension', { topic: 'MONITORING', j: ['ES'], d: ['no_such_dimension'] }],
    ['a dimension of another topic', { topic: 'MONITORING', j: ['ES'], d: ['covert_online_accounts_permitted'] }],
    ['no jurisdictions', { topic: 'MONITORING', j: [] }],
    ['a repeated jurisdiction', { topic: 'MONITORING', j: ['ES', 'ES'] }],
    ['a malformed jurisdiction', { topic: 'MONITORING', j: ['spain'] }],
    ['an impossible date', { topic: 'MONITORING', j: ['ES'], at: '2025-02-30' }],
  ])('answers %s with BAD_USER_INPUT', async (_name, variables) => {
    expect(codesOf(await run('demo-manager-es', COMPARE, variables))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('versions and point-in-time reads', () => {
  const PROVISION = 'query($id: ID!, $at: Date) { legalProvision(id: $id, at: $at) { id version heading validFrom validUntil } }';

  it('returns the version in force on a date, and nothing before the first', async () => {
    const seed = seedProvision('es-lo-7-2021-chapter-iv');
    const [v1, v2] = seed.versions;
    const at = async (date: string | null) => (await run(null, PROVISION, { id: seed.id, at: date })).data.legalProvision;
    expect(await at(v1!.validFrom)).toMatchObject({ version: 1, heading: v1!.heading, validUntil: v2!.validFrom });
    expect(await at(v2!.validFrom)).toMatchObject({ version: 2, heading: v2!.heading, validUntil: null });
    expect(await at(null)).toMatchObject({ version: 2 });
    expect(await at('2020-01-01')).toBeNull();
  });

  it('reads a framework at a date with its provisions as they were, and refuses a date before it was in force', async () => {
    const q = 'query($at: Date) { legalFramework(id: "es-lo-7-2021", at: $at) { id provisions { id version } } }';
    const mid = await run(null, q, { at: '2021-07-01' });
    expect(mid.data.legalFramework.provisions).toContainEqual({ id: 'es-lo-7-2021-chapter-iv', version: 1 });
    expect((await run(null, q, { at: '2019-01-01' })).data.legalFramework).toBeNull();
  });

  it('keeps provenance and diffs versions word by word', async () => {
    const seed = seedProvision('gb-dpa-2018-s-62');
    const r = await run('demo-partner', `{ legalProvision(id: "gb-dpa-2018-s-62") { version text proposedBy { id } acceptedBy { id } contribution { id status }
      history { version proposedBy { id } contribution { id } } diff(from: 1, to: 2) { headingChanged changedCount changes { kind text } } } }`);
    expect(r.errors).toBeUndefined();
    const p = r.data.legalProvision;
    const last = seed.versions.at(-1)!;
    expect(p).toMatchObject({ version: last.version, text: last.text, proposedBy: { id: last.proposedBy }, acceptedBy: { id: last.acceptedBy },
      contribution: { id: last.contribution, status: 'ACCEPTED' } });
    expect(p.history.map((h: any) => h.version)).toEqual([2, 1]);
    expect(p.diff.headingChanged).toBe(false);
    const rebuilt = (kinds: string[]) => p.diff.changes.filter((c: any) => kinds.includes(c.kind)).map((c: any) => c.text).join('');
    expect(rebuilt(['UNCHANGED', 'REMOVED'])).toBe(seed.versions[0]!.text);
    expect(rebuilt(['UNCHANGED', 'ADDED'])).toBe(last.text);
    expect(codesOf(await run(null, '{ legalProvision(id: "gb-dpa-2018-s-62") { diff(from: 1, to: 9) { changedCount } } }'))).toEqual(['NOT_FOUND']);
  });
});

describe('access on every path', () => {
  const LIST = '{ legalFrameworks(first: 100) { totalCount nodes { id visibility } } }';
  const visibleIds = async (who: string | null) => {
    const r = await run(who, LIST);
    expect(r.data.legalFrameworks.totalCount).toBe(r.data.legalFrameworks.nodes.length);
    return new Set<string>(r.data.legalFrameworks.nodes.map((n: any) => n.id));
  };

  it('narrows framework lists and totals by tier and jurisdiction', async () => {
    const anon = await visibleIds(null);
    const partner = await visibleIds('demo-partner');
    const practitionerEs = await visibleIds('demo-practitioner-es');
    const managerDe = await visibleIds('demo-manager-de');
    const practitionerDe = await visibleIds('demo-practitioner-de');
    const publicIds = legalSeed.frameworks.filter((f) => f.visibility === 'PUBLIC').map((f) => f.id);
    expect([...anon].sort()).toEqual(publicIds.sort());
    expect([...partner].sort()).toEqual(legalSeed.frameworks.filter((f) => ['PUBLIC', 'MEMBERS'].includes(f.visibility)).map((f) => f.id).sort());
    expect(practitionerEs.has('es-ct-osint-guideline-2024')).toBe(true);
    expect(practitionerDe.has('es-ct-osint-guideline-2024')).toBe(false);
    expect(managerDe.has('de-by-covert-accounts-guideline')).toBe(true);
    expect(practitionerDe.has('de-by-covert-accounts-guideline')).toBe(false);
    expect(practitionerEs.has('de-by-covert-accounts-guideline')).toBe(false);
  });

  it('hides items from direct reads, aliases, _entities and jurisdiction lists', async () => {
    const q = `{ a: legalFramework(id: "es-ct-osint-guideline-2024") { id } b: legalProvision(id: "es-ct-osint-guideline-2024-s-3") { id }
      c: legalFramework(id: "es-ct-osint-guideline-2024", at: "2024-06-01") { id } d: legalProvision(id: "es-ct-osint-guideline-2024-s-3", at: "2024-06-01") { id } }`;
    expect((await run('demo-practitioner-de', q)).data).toEqual({ a: null, b: null, c: null, d: null });
    expect((await run('demo-practitioner-es', q)).data.a).toEqual({ id: 'es-ct-osint-guideline-2024' });
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalFramework { id } ... on LegalProvision { id }
      ... on Contribution { id } ... on Jurisdiction { legalFrameworks { id } } } }`;
    const r = [
      { __typename: 'LegalFramework', id: 'de-by-covert-accounts-guideline' }, { __typename: 'LegalProvision', id: 'de-by-covert-accounts-guideline-s-2' },
      { __typename: 'LegalProvision', id: 'eu-2016-680-art-25' }, { __typename: 'Contribution', id: 'contrib-seed-note' },
      { __typename: 'Contribution', id: 'contrib-seed-rejected' }, { __typename: 'Jurisdiction', code: 'DE-BY' },
    ];
    const partner = await run('demo-partner', entities, { r });
    expect(partner.data._entities).toEqual([null, null, { id: 'eu-2016-680-art-25' }, null, null, { legalFrameworks: [] }]);
    const manager = await run('demo-manager-de', entities, { r });
    expect(manager.data._entities).toEqual([{ id: 'de-by-covert-accounts-guideline' }, { id: 'de-by-covert-accounts-guideline-s-2' },
      { id: 'eu-2016-680-art-25' }, { id: 'contrib-seed-note' }, null, { legalFrameworks: [{ id: 'de-by-covert-accounts-guideline' }] }]);
    const history = await run('demo-partner', '{ legalFramework(id: "eu-2016-680") { provisions { id } } }');
    expect(history.data.legalFramework.provisions.map((p: any) => p.id)).toContain('eu-2016-680-art-25');
  });

  it('shows contributions to their organisation and reviewers until accepted, then by their visibility', async () => {
    const LISTC = '{ contributions(first: 100) { totalCount nodes { id status } } }';
    const ids = async (who: string | null) => {
      const r = await run(who, LISTC);
      expect(r.data.contributions.totalCount).toBe(r.data.contributions.nodes.length);
      return r.data.contributions.nodes.map((n: any) => n.id).sort();
    };
    const seeds = legalSeed.contributions.filter((c) => c.id.startsWith('contrib-seed'));
    const expectedFor = (agency: string | null, lea: boolean) => seeds.filter((c) => c.authorAgency === agency
      || (c.status === 'ACCEPTED' && (c.visibility === 'MEMBERS' || (c.visibility === 'LEA' && lea)))).map((c) => c.id).sort();
    expect((await ids(null)).filter((id: string) => id.startsWith('contrib-seed'))).toEqual([]);
    expect((await ids('demo-partner')).filter((id: string) => id.startsWith('contrib-seed'))).toEqual(expectedFor('partner-agora', false));
    expect((await ids('demo-practitioner-de')).filter((id: string) => id.startsWith('contrib-seed'))).toEqual(expectedFor('de-by-polizei', true));
    expect((await ids('demo-reviewer')).filter((id: string) => id.startsWith('contrib-seed'))).toEqual(seeds.map((c) => c.id).sort());
    const mine = await run('demo-partner', '{ contributions(filter: { mine: true, status: SUBMITTED }) { nodes { id author { id } } } }');
    expect(mine.data.contributions.nodes.map((n: any) => n.id)).toContain('contrib-seed-submitted');
    expect(mine.data.contributions.nodes.every((n: any) => n.author.id === 'demo-partner')).toBe(true);
    const byTarget = await run('demo-reviewer', '{ contributions(filter: { target: "eu-2016-680-art-25" }) { nodes { id } } }');
    expect(byTarget.data.contributions.nodes).toEqual([{ id: 'contrib-seed-rejected' }]);
  });
});

const SUBMIT = `mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { id status kind visibility author { id } authorAgencyId provision { id } framework { id } } }`;
const START = 'mutation($id: ID!) { startReview(id: $id) { id status reviewer { id } } }';
const DECIDE = `mutation($id: ID!, $d: ContributionDecision!, $reason: String) { decideContribution(id: $id, decision: $d, reason: $reason) {
  id status decisionReason resultingProvision { id version } resultingVersion } }`;
const WITHDRAW = 'mutation($id: ID!) { withdrawContribution(id: $id) { id status } }';
const amendment = { kind: 'AMENDMENT', target: 'eu-2016-680-art-4', proposedText: 'Personal data are processed lawfully, fairly and for set purposes only.', rationale: 'A shorter summary for partners.' };

describe('the contribution workflow', () => {
  it('runs SUBMITTED → UNDER_REVIEW → ACCEPTED and turns an accepted amendment into an attributed version', async () => {
    const submitted = await run('demo-partner', SUBMIT, { input: amendment });
    expect(submitted.errors).toBeUndefined();
    const c = submitted.data.submitContribution;
    expect(c).toMatchObject({ status: 'SUBMITTED', kind: 'AMENDMENT', visibility: 'MEMBERS', author: { id: 'demo-partner' }, authorAgencyId: 'partner-agora', provision: { id: 'eu-2016-680-art-4' } });
    expect(codesOf(await run('demo-partner', START, { id: c.id }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await run('agora-reviewer', START, { id: c.id }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await run('demo-reviewer', DECIDE, { id: c.id, d: 'ACCEPT' }))).toEqual(['CONFLICT']);
    expect((await run('demo-reviewer', START, { id: c.id })).data.startReview).toEqual({ id: c.id, status: 'UNDER_REVIEW', reviewer: { id: 'demo-reviewer' } });
    expect(codesOf(await run('demo-reviewer', START, { id: c.id }))).toEqual(['CONFLICT']);
    expect(codesOf(await run('demo-partner', DECIDE, { id: c.id, d: 'ACCEPT' }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await run('agora-reviewer', DECIDE, { id: c.id, d: 'ACCEPT' }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await run('demo-reviewer', DECIDE, { id: c.id, d: 'REJECT' }))).toEqual(['BAD_USER_INPUT']);
    const before = seedProvision('eu-2016-680-art-4').versions.length;
    const accepted = await run('demo-reviewer', DECIDE, { id: c.id, d: 'ACCEPT' });
    expect(accepted.data.decideContribution).toMatchObject({ status: 'ACCEPTED', resultingVersion: before + 1, resultingProvision: { id: 'eu-2016-680-art-4', version: before + 1 } });
    const p = await run(null, '{ legalProvision(id: "eu-2016-680-art-4") { version text proposedBy { id } acceptedBy { id } contribution { id } } }');
    // Who proposed and accepted it is for signed-in members only.
    expect(p.data.legalProvision).toEqual({ version: before + 1, text: amendment.proposedText, proposedBy: null, acceptedBy: null, contribution: null });
    const partnerView = await run('demo-partner', '{ legalProvision(id: "eu-2016-680-art-4") { proposedBy { id } acceptedBy { id } contribution { id } } }');
    expect(partnerView.data.legalProvision).toEqual({ proposedBy: { id: 'demo-partner' }, acceptedBy: { id: 'demo-reviewer' }, contribution: { id: c.id } });
    const [event] = await dbs.bySubgraph.legal!.query(`SELECT entity_type, payload FROM legal.outbox WHERE entity_id = 'eu-2016-680-art-4' AND event = 'provision.amended'`);
    expect(event).toEqual({ entity_type: 'LegalProvision', payload: { version: before + 1, frameworkId: 'eu-2016-680' } });
    const events = await dbs.bySubgraph.legal!.query('SELECT event FROM legal.outbox WHERE entity_id = $1 ORDER BY id', [c.id]);
    expect(events.map((e: any) => e.event)).toEqual(['contribution.submitted', 'contribution.review_started', 'contribution.accepted']);
    expect(codesOf(await run('demo-reviewer', DECIDE, { id: c.id, d: 'REJECT', reason: 'Second thoughts' }))).toEqual(['CONFLICT']);
    expect(codesOf(await run('demo-partner', WITHDRAW, { id: c.id }))).toEqual(['CONFLICT']);
  });

  it('lets only the author withdraw, and never accepts a withdrawn contribution', async () => {
    const c = (await run('demo-partner', SUBMIT, { input: { ...amendment, target: 'eu-2016-680-art-25' } })).data.submitContribution;
    expect(codesOf(await run('m-partner-kestrel', WITHDRAW, { id: c.id }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await run('demo-reviewer', WITHDRAW, { id: c.id }))).toEqual(['FORBIDDEN']);
    await run('demo-reviewer', START, { id: c.id });
    expect((await run('demo-partner', WITHDRAW, { id: c.id })).data.withdrawContribution.status).toBe('WITHDRAWN');
    expect(codesOf(await run('demo-reviewer', DECIDE, { id: c.id, d: 'ACCEPT' }))).toEqual(['CONFLICT']);
    expect(codesOf(await run('demo-reviewer', START, { id: c.id }))).toEqual(['CONFLICT']);
    expect(codesOf(await run('demo-partner', WITHDRAW, { id: c.id }))).toEqual(['CONFLICT']);
    const submitted = (await run('demo-partner', SUBMIT, { input: { ...amendment, kind: 'COMMENT' } })).data.submitContribution;
    expect((await run('demo-partner', WITHDRAW, { id: submitted.id })).data.withdrawContribution.status).toBe('WITHDRAWN');
  });

  it('rejects with a reason, keeps a rejected contribution to its organisation and reviewers, and accepts new provisions', async () => {
    const c = (await run('m-partner-kestrel', SUBMIT, { input: { ...amendment, kind: 'COMMENT' } })).data.submitContribution;
    await run('demo-reviewer', START, { id: c.id });
    const rejected = await run('demo-reviewer', DECIDE, { id: c.id, d: 'REJECT', reason: 'Already covered by Art. 4(1).' });
    expect(rejected.data.decideContribution).toMatchObject({ status: 'REJECTED', decisionReason: 'Already covered by Art. 4(1).', resultingProvision: null });
    expect((await run('demo-partner', `{ contribution(id: "${c.id}") { id } }`)).data.contribution).toBeNull();
    const note = (await run('m-academic', SUBMIT, { input: { ...amendment, kind: 'INTERPRETATION_NOTE' } })).data.submitContribution;
    expect(note.visibility).toBe('LEA');
    const proposal = (await run('demo-partner', SUBMIT, { input: { kind: 'NEW_PROVISION', target: 'eu-2021-784', proposedReference: 'Art. 7',
      proposedHeading: 'Transparency obligations for hosting service providers', proposedText: 'Hosting providers report yearly on removal orders.', rationale: 'Worth recording next to Art. 3.' } })).data.submitContribution;
    await run('demo-reviewer', START, { id: proposal.id });
    const accepted = await run('demo-reviewer', DECIDE, { id: proposal.id, d: 'ACCEPT' });
    expect(accepted.data.decideContribution).toMatchObject({ status: 'ACCEPTED', resultingProvision: { version: 1 } });
    const added = accepted.data.decideContribution.resultingProvision.id;
    expect(added).toMatch(/^eu-2021-784-art-7-[0-9a-f]{12}$/);
    const p = await run('demo-partner', 'query($id: ID!) { legalProvision(id: $id) { reference proposedBy { id } acceptedBy { id } contribution { id } } }', { id: added });
    expect(p.data.legalProvision).toEqual({ reference: 'Art. 7', proposedBy: { id: 'demo-partner' }, acceptedBy: { id: 'demo-reviewer' }, contribution: { id: proposal.id } });
  });
});

describe('writing frameworks and provisions', () => {
  const CREATE = 'mutation($input: CreateLegalFrameworkInput!) { createLegalFramework(input: $input) { id kind transposes { id } jurisdiction { code } } }';
  const UPDATE = 'mutation($id: ID!, $input: UpdateLegalFrameworkInput!) { updateLegalFramework(id: $id, input: $input) { id summary repealedOn } }';
  const ADD = 'mutation($f: ID!, $input: AddProvisionInput!) { addProvision(framework: $f, input: $input) { id reference version positions { dimension { key } value } } }';
  const AMEND = 'mutation($id: ID!, $v: Int!, $input: AmendProvisionInput!) { amendProvision(id: $id, expectedVersion: $v, input: $input) { id version text acceptedBy { id } positions { dimension { key } value } } }';
  const framework = { jurisdiction: 'PT', title: 'Law No. 59/2019 of 8 August 2019', shortTitle: 'Lei n.º 59/2019', kind: 'STATUTE',
    identifier: 'Lei n.º 59/2019', inForceFrom: '2019-08-09', languages: ['pt'], summary: 'Transposes the LED into Portuguese law.', topics: ['DATA_PROTECTION'],
    transposes: 'eu-2016-680', visibility: 'PUBLIC' };

  it('creates, updates, adds and amends with outbox rows', async () => {
    const before = await tableCounts();
    const created = await run('demo-admin', CREATE, { input: framework });
    expect(created.data.createLegalFramework).toMatchObject({ kind: 'STATUTE', transposes: { id: 'eu-2016-680' }, jurisdiction: { code: 'PT' } });
    const id = created.data.createLegalFramework.id;
    expect(id).toMatch(/^pt-statute-[0-9a-f]{12}$/);
    const updated = await run('demo-reviewer', UPDATE, { id, input: { summary: 'Transposes the Law Enforcement Directive into Portuguese law.' } });
    expect(updated.data.updateLegalFramework.summary).toContain('Law Enforcement Directive');
    const added = await run('demo-reviewer', ADD, { f: id, input: { reference: 'Art. 25', heading: 'Records of processing', text: 'Controllers keep logs.',
      visibility: 'PUBLIC', positions: [{ key: 'retention_limit_days', value: 365 }] } });
    expect(added.data.addProvision).toMatchObject({ reference: 'Art. 25', version: 1, positions: [{ dimension: { key: 'retention_limit_days' }, value: 365 }] });
    const provision = added.data.addProvision.id;
    expect(provision).toMatch(new RegExp(`^${id}-art-25-[0-9a-f]{12}$`));
    const amended = await run('demo-reviewer', AMEND, { id: provision, v: 1, input: { text: 'Controllers keep logs of every consultation.',
      positions: [{ key: 'retention_limit_days', value: null }], changeNote: 'Clarified' } });
    expect(amended.data.amendProvision).toEqual({ id: provision, version: 2, text: 'Controllers keep logs of every consultation.', acceptedBy: { id: 'demo-reviewer' }, positions: [] });
    const events = await dbs.bySubgraph.legal!.query(`SELECT event, payload FROM legal.outbox WHERE entity_id LIKE $1 ORDER BY id`, [`${id}%`]);
    expect(events).toEqual([
      { event: 'framework.created', payload: { jurisdiction: 'PT' } }, { event: 'framework.updated', payload: { fields: ['summary'] } },
      { event: 'provision.added', payload: { version: 1, frameworkId: id } }, { event: 'provision.amended', payload: { version: 2, frameworkId: id } },
    ]);
    // The reviewer's direct addition and amendment are each kept as an accepted contribution, with its event.
    const records = await dbs.bySubgraph.legal!.query(
      `SELECT o.event, c.kind, c.status FROM legal.outbox o JOIN legal.contributions c ON c.id = o.entity_id
       WHERE c.target_framework_id = $1 ORDER BY o.id`, [id]);
    expect(records).toEqual([
      { event: 'contribution.accepted', kind: 'NEW_PROVISION', status: 'ACCEPTED' }, { event: 'contribution.accepted', kind: 'AMENDMENT', status: 'ACCEPTED' },
    ]);
    const after = await tableCounts();
    expect(after).toMatchObject({ frameworks: before.frameworks + 1, provisions: before.provisions + 1, versions: before.versions + 2, outbox: before.outbox + 6 });
    const t = await run(null, TRANSPOSITION, { d: 'eu-2016-680' });
    expect(t.data.transposition.rows.find((r: any) => r.jurisdiction.code === 'PT').acts).toContainEqual({ id });
  });

  const bad: [string, string, string | null, Record<string, unknown>, string][] = [
    ['a partner creating a framework', CREATE, 'demo-partner', { input: framework }, 'FORBIDDEN'],
    ['an anonymous amendment', AMEND, null, { id: 'eu-2016-680-art-4', v: 1, input: { text: 'Anything at all', changeNote: 'x y z' } }, 'UNAUTHENTICATED'],
    ['an editor amending', AMEND, 'demo-practitioner-es', { id: 'eu-2016-680-art-4', v: 1, input: { text: 'Anything at all', changeNote: 'Note' } }, 'FORBIDDEN'],
    ['a framework id chosen by the caller', CREATE, 'demo-admin', { input: { ...framework, id: 'pt-x-1' } }, 'BAD_USER_INPUT'],
    ['transposing a regulation', CREATE, 'demo-admin', { input: { ...framework, transposes: 'eu-2016-679' } }, 'BAD_USER_INPUT'],
    ['a bad language', CREATE, 'demo-admin', { input: { ...framework, languages: ['portuguese'] } }, 'BAD_USER_INPUT'],
    ['repeal before entry into force', UPDATE, 'demo-admin', { id: 'es-lo-7-2021', input: { repealedOn: '2020-01-01' } }, 'BAD_USER_INPUT'],
    ['an empty update', UPDATE, 'demo-admin', { id: 'es-lo-7-2021', input: {} }, 'BAD_USER_INPUT'],
    ['updating a hidden framework', UPDATE, 'demo-admin', { id: 'de-by-covert-accounts-guideline', input: { summary: 'A new summary here.' } }, 'NOT_FOUND'],
    ['a stale expectedVersion', AMEND, 'demo-reviewer', { id: 'es-lo-7-2021-chapter-iv', v: 1, input: { text: 'Stale text', changeNote: 'Stale' } }, 'CONFLICT'],
    ['an empty amendment', AMEND, 'demo-reviewer', { id: 'es-lo-7-2021-chapter-iv', v: 2, input: { changeNote: 'Nothing' } }, 'BAD_USER_INPUT'],
    ['an amendment taking effect before the latest', AMEND, 'demo-reviewer', { id: 'es-lo-7-2021-chapter-iv', v: 2, input: { text: 'Backdated', changeNote: 'Old', validFrom: '2020-01-01' } }, 'BAD_USER_INPUT'],
    ['a wrongly typed position', AMEND, 'demo-reviewer', { id: 'es-lo-7-2021-chapter-iv', v: 2, input: { positions: [{ key: 'retention_limit_days', value: 'long' }], changeNote: 'Typed' } }, 'BAD_USER_INPUT'],
    ['an unknown position', ADD, 'demo-reviewer', { f: 'es-lo-7-2021', input: { reference: 'Art. 99', heading: 'Unknown', text: 'Some text', visibility: 'PUBLIC', positions: [{ key: 'nope', value: 1 }] } }, 'BAD_USER_INPUT'],
    ['a duplicate reference', ADD, 'demo-reviewer', { f: 'es-lo-7-2021', input: { reference: 'Chapter IV', heading: 'Again', text: 'Some text', visibility: 'PUBLIC' } }, 'CONFLICT'],
    ['an unknown provision', AMEND, 'demo-reviewer', { id: 'eu-nope-art-1', v: 1, input: { text: 'Ghost', changeNote: 'Ghost' } }, 'NOT_FOUND'],
    ['an anonymous contribution', SUBMIT, null, { input: amendment }, 'UNAUTHENTICATED'],
    ['an amendment aimed at a framework', SUBMIT, 'demo-partner', { input: { ...amendment, target: 'eu-2016-680' } }, 'BAD_USER_INPUT'],
    ['a new provision without a reference', SUBMIT, 'demo-partner', { input: { ...amendment, kind: 'NEW_PROVISION', target: 'eu-2016-680' } }, 'BAD_USER_INPUT'],
    ['a looser visibility than the default', SUBMIT, 'demo-partner', { input: { ...amendment, kind: 'INTERPRETATION_NOTE', visibility: 'MEMBERS' } }, 'BAD_USER_INPUT'],
    ['a contribution on a hidden framework', SUBMIT, 'demo-partner', { input: { ...amendment, kind: 'COMMENT', target: 'es-ct-osint-guideline-2024' } }, 'NOT_FOUND'],
    ['a short rationale', SUBMIT, 'demo-partner', { input: { ...amendment, rationale: 'why' } }, 'BAD_USER_INPUT'],
    ['an unknown contribution', START, 'demo-reviewer', { id: 'contrib-nope' }, 'NOT_FOUND'],
    ['a partner starting a review', START, 'demo-partner', { id: 'contrib-seed-submitted' }, 'FORBIDDEN'],
    ['reviewing a decided contribution', START, 'demo-reviewer', { id: 'contrib-seed-rejected' }, 'CONFLICT'],
    ['rejecting without a reason', DECIDE, 'demo-reviewer', { id: 'contrib-seed-under-review', d: 'REJECT' }, 'BAD_USER_INPUT'],
    ['deciding a withdrawn contribution', DECIDE, 'demo-reviewer', { id: 'contrib-seed-withdrawn', d: 'ACCEPT' }, 'CONFLICT'],
    ['withdrawing someone else\'s contribution', WITHDRAW, 'demo-reviewer', { id: 'contrib-seed-under-review' }, 'FORBIDDEN'],
  ];
  it.each(bad)('answers %s with a coded error and writes nothing', async (_name, op, who, variables, code) => {
    const before = await tableCounts();
    const r = await run(who, op, variables);
    expect(codesOf(r)).toEqual([code]);
    expect(await tableCounts()).toEqual(before);
  });
});
