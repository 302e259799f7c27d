import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../lib/access.ts';
import type { Viewer } from '../lib/access.ts';
import { countStatements } from './support/sqlStatements.ts';
import type { Databases } from '../scripts/platform.ts';
import { proceduresSeed } from '../seeds/procedures.ts';
import { proceduresSubgraph } from '../subgraphs/procedures/index.ts';
import { freshDatabases, viewerOf, codes as codesOf } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

let dbs: Databases;
let client: Awaited<ReturnType<typeof subgraphClient>>;
const viewers: Record<string, Viewer> = {};
const run = <T = any>(who: string | null, query: string, variables: Record<string, unknown> = {}) =>
  client.run<T>(who ? viewers[who]! : ANONYMOUS, query, variables);

const seedProc = (id: string) => proceduresSeed.procedures.find((p) => p.id === id)!;
const inForceSeed = (jurisdiction: string, topic: string) =>
  proceduresSeed.procedures.find((p) => p.jurisdiction === jurisdiction && p.topic === topic)?.versions.find((v) => v.status === 'IN_FORCE');

async function tableCounts() {
  const [r] = await dbs.bySubgraph.procedures!.query(`SELECT
    (SELECT count(*)::int FROM procedures.procedures) AS procedures,
    (SELECT count(*)::int FROM procedures.procedure_versions) AS versions,
    (SELECT count(*)::int FROM procedures.outbox) AS outbox,
    (SELECT md5(string_agg(procedure_id || version || status || coalesce(in_force_until::text, ''), ',' ORDER BY procedure_id, version))
       FROM procedures.procedure_versions) AS fingerprint`);
  return r;
}

beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
  client = await subgraphClient(proceduresSubgraph, dbs.bySubgraph.procedures!);
  for (const id of ['demo-practitioner-es', 'demo-manager-es', 'demo-practitioner-de', 'demo-manager-de', 'demo-partner', 'demo-admin']) {
    viewers[id] = await viewerOf(dbs, id);
  }
});
afterAll(async () => {
  await client?.stop();
  await dbs?.close();
});

const COMPARE = `query($topic: Topic!, $j: [ID!]!, $d: [String!], $at: Date) {
  compareProcedures(topic: $topic, jurisdictions: $j, dimensions: $d, at: $at) {
    at divergentCount csv missing { code }
    rows { divergent dimension { key unit } cells { jurisdiction { code } value { value display } procedure { id version } } }
  } }`;

describe('compareProcedures', () => {
  const jurisdictions = ['ES-CT', 'DE', 'NL', 'IE', 'IT', 'FR'];

  it('fills each cell with the value of the procedure in force, flags divergence and lists the missing', async () => {
    const r = await run('demo-manager-es', COMPARE, { topic: 'MONITORING', j: jurisdictions });
    expect(r.errors).toBeUndefined();
    const c = r.data.compareProcedures;
    const dims = proceduresSeed.dimensions.filter((d) => d.topic === 'MONITORING');
    expect(c.rows.map((row: any) => row.dimension.key).sort()).toEqual(dims.map((d) => d.key).sort());
    let divergent = 0;
    for (const row of c.rows) {
      const values = jurisdictions.map((j) => inForceSeed(j, 'MONITORING')?.dimensionValues[row.dimension.key] ?? null);
      expect(row.cells.map((cell: any) => cell.value?.value ?? null), row.dimension.key).toEqual(values);
      const distinct = new Set(values.filter((v) => v !== null).map((v) => JSON.stringify(Array.isArray(v) ? [...v].sort() : v)));
      expect(row.divergent, row.dimension.key).toBe(distinct.size > 1);
      if (distinct.size > 1) divergent += 1;
    }
    expect(c.divergentCount).toBe(divergent);
    expect(divergent).toBeGreaterThan(2);
    expect(c.missing).toEqual([{ code: 'IT' }]);
    const itCells = c.rows.map((row: any) => row.cells[jurisdictions.indexOf('IT')]);
    expect(itCells.every((cell: any) => cell.procedure === null && cell.value === null)).toBe(true);
    const lines = c.csv.trim().split('\r\n');
    expect(lines[0]).toBe(`dimension,${jurisdictions.join(',')},divergent`);
    expect(lines).toHaveLength(c.rows.length + 1);
  });

  it('reads the versions in force on a past date', async () => {
    const seed = seedProc('proc-es-ct-monitoring');
    const [v1, v2, v3] = seed.versions;
    for (const [at, expected] of [[v1!.effectiveFrom!, v1], [v2!.effectiveFrom!, v2], ['2025-12-31', v3]] as const) {
      const r = await run('demo-manager-es', COMPARE, { topic: 'MONITORING', j: ['ES-CT'], d: ['retention_limit_days'], at });
      expect(r.data.compareProcedures.rows[0].cells[0].procedure.version, at).toBe(expected!.version);
      expect(r.data.compareProcedures.rows[0].cells[0].value.value, at).toBe(expected!.dimensionValues.retention_limit_days);
    }
    const before = await run('demo-manager-es', COMPARE, { topic: 'MONITORING', j: ['ES-CT'], at: '2020-01-01' });
    expect(before.data.compareProcedures.missing).toEqual([{ code: 'ES-CT' }]);
    const single = await run('demo-manager-es', 'query($at: Date) { procedure(id: "proc-es-ct-monitoring", at: $at) { version status } }', { at: v2!.effectiveFrom });
    expect(single.data.procedure).toEqual({ version: v2!.version, status: 'SUPERSEDED' });
  });

  it('leaves a hidden procedure out of its cell instead of redacting it', async () => {
    const manager = await run('demo-manager-es', COMPARE, { topic: 'INVESTIGATION', j: ['ES-CT', 'DE'] });
    expect(manager.data.compareProcedures.rows[0].cells[0].procedure).toEqual({ id: 'proc-es-ct-investigation', version: 1 });
    const practitioner = await run('demo-practitioner-es', COMPARE, { topic: 'INVESTIGATION', j: ['ES-CT', 'DE'] });
    expect(practitioner.data.compareProcedures.rows.length).toBeGreaterThan(0);
    expect(practitioner.data.compareProcedures.rows.every((row: any) => row.cells[0].procedure === null && row.cells[0].value === null)).toBe(true);
    expect(practitioner.data.compareProcedures.missing).toEqual([{ code: 'ES-CT' }]);
    expect(JSON.stringify(practitioner.data)).not.toContain('proc-es-ct-investigation');
  });

  it('costs the same number of SQL statements for 2 and for 20 jurisdictions', async () => {
    const codes = ['ES-CT', 'ES', 'DE', 'DE-BY', 'FR', 'NL', 'IE', 'GB-NIR', 'IT', 'AT', 'BE', 'PT', 'PL', 'SE', 'FI', 'DK', 'CZ', 'HU', 'RO', 'GR'];
    const small = await countStatements(() => run('demo-manager-es', COMPARE, { topic: 'MONITORING', j: codes.slice(0, 2) }));
    const large = await countStatements(() => run('demo-manager-es', COMPARE, { topic: 'MONITORING', j: codes }));
    expect(large.result.errors).toBeUndefined();
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(3);
  });

  it.each([
    ['an unknown dimension', { topic: 'MONITORING', j: ['ES'], d: ['no_such_dimension'] }],
    ['a dimension of another topic', { topic: 'MONITORING', j: ['ES'], d: ['covert_online_accounts_permitted'] }],
    ['no jurisdictions', { topic: 'MONITORING', j: [] }],
    ['a malformed jurisdiction', { topic: 'MONITORING', j: ['spain'] }],
    ['an unknown topic', { topic: 'GOSSIP', j: ['ES'] }],
    ['an impossible date', { topic: 'MONITORING', j: ['ES'], at: '2025-02-30' }],
  ])('answers %s with BAD_USER_INPUT', async (_name, variables) => {
    expect(codesOf(await run('demo-manager-es', COMPARE, variables))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('versions and diffs', () => {
  it('diffs two versions section by section', async () => {
    const r = await run('demo-manager-es', `{ procedure(id: "proc-es-ct-monitoring") { version history { version status }
      diff(from: 1, to: 3) { sections { heading change } fields { field before after } changedCount } } }`);
    const p = r.data.procedure;
    expect(p.history.map((h: any) => h.version)).toEqual([3, 2, 1]);
    const changes = new Set(p.diff.sections.map((s: any) => s.change));
    expect(changes).toEqual(new Set(['ADDED', 'REMOVED', 'CHANGED', ...(changes.has('UNCHANGED') ? ['UNCHANGED'] : [])]));
    const seed = seedProc('proc-es-ct-monitoring');
    expect(p.diff.fields).toContainEqual({
      field: 'dimension:retention_limit_days',
      before: seed.versions[0]!.dimensionValues.retention_limit_days,
      after: seed.versions[2]!.dimensionValues.retention_limit_days,
    });
  });

  it('diffs two jurisdictions, matching sections by heading', async () => {
    const r = await run('demo-manager-es', '{ diffProcedures(left: "proc-es-ct-monitoring", right: "proc-de-monitoring") { sections { heading change before after } } }');
    expect(r.errors).toBeUndefined();
    const sections = r.data.diffProcedures.sections;
    expect(sections.some((s: any) => s.change === 'CHANGED' && s.before && s.after)).toBe(true);
  });

  it('keeps a draft to its own agency: history, diff and the latest version', async () => {
    const q = '{ procedure(id: "proc-de-by-communication") { version status history { version } } }';
    const owner = await run('demo-practitioner-de', q);
    expect(owner.data.procedure).toMatchObject({ version: 2, status: 'DRAFT', history: [{ version: 2 }, { version: 1 }] });
    const other = await run('demo-manager-es', q);
    expect(other.data.procedure).toMatchObject({ version: 1, status: 'IN_FORCE', history: [{ version: 1 }] });
    const diff = await run('demo-manager-es', '{ procedure(id: "proc-de-by-communication") { diff(from: 1, to: 2) { changedCount } } }');
    expect(codesOf(diff)).toEqual(['NOT_FOUND']);
  });
});

describe('access on every path', () => {
  const LIST = '{ procedures(first: 100) { totalCount nodes { id visibility restrictedTo status } } }';
  const visibleIds = async (who: string | null) => {
    const r = await run(who, LIST);
    expect(r.data.procedures.totalCount).toBe(r.data.procedures.nodes.length);
    return new Set<string>(r.data.procedures.nodes.map((n: any) => n.id));
  };

  it('narrows lists and totals by tier', async () => {
    const anon = await visibleIds(null);
    const partner = await visibleIds('demo-partner');
    const practitioner = await visibleIds('demo-practitioner-es');
    const manager = await visibleIds('demo-manager-es');
    const otherLea = await visibleIds('demo-practitioner-de');
    const r = await run(null, LIST);
    expect(r.data.procedures.nodes.length).toBeGreaterThan(0);
    expect(r.data.procedures.nodes.every((n: any) => n.visibility === 'PUBLIC' && n.restrictedTo.length === 0)).toBe(true);
    expect(anon.size).toBeGreaterThan(0);
    expect([...anon].every((id) => partner.has(id))).toBe(true);
    expect(partner.size).toBeGreaterThan(anon.size);
    expect([...partner].every((id) => practitioner.has(id))).toBe(true);
    expect(manager.has('proc-es-ct-investigation')).toBe(true);
    expect(practitioner.has('proc-es-ct-investigation')).toBe(false);
    expect(practitioner.has('proc-es-ct-communication')).toBe(true);
    expect(otherLea.has('proc-es-ct-communication')).toBe(false);
    const partnerList = await run('demo-partner', LIST);
    expect(partnerList.data.procedures.nodes.map((n: any) => n.visibility)).toContain('MEMBERS');
    expect(partnerList.data.procedures.nodes.every((n: any) => ['PUBLIC', 'MEMBERS'].includes(n.visibility))).toBe(true);
  });

  it('pages with cursors without overlap and keeps totalCount stable', async () => {
    const PAGE = 'query($after: String) { procedures(first: 4, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let i = 0; i < 20; i++) {
      const r: any = await run('demo-manager-es', PAGE, { after });
      if (total < 0) total = r.data.procedures.totalCount;
      expect(r.data.procedures.totalCount).toBe(total);
      ids.push(...r.data.procedures.nodes.map((n: any) => n.id));
      if (!r.data.procedures.pageInfo.hasNextPage) break;
      after = r.data.procedures.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(codesOf(await run('demo-manager-es', PAGE, { after: 'bm90LWEtY3Vyc29y' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('hides items from direct reads, _entities and nested jurisdiction lists', async () => {
    const direct = await run('demo-practitioner-de', '{ procedure(id: "proc-es-ct-communication") { id } }');
    expect(direct.data.procedure).toBeNull();
    const entities = await run('demo-practitioner-es', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Procedure { id } ... on Jurisdiction { procedures { id } } } }`, {
      r: [{ __typename: 'Procedure', id: 'proc-es-ct-investigation' }, { __typename: 'Procedure', id: 'proc-es-ct-monitoring' }, { __typename: 'Jurisdiction', code: 'ES-CT' }],
    });
    expect(entities.data._entities[0]).toBeNull();
    expect(entities.data._entities[1]).toEqual({ id: 'proc-es-ct-monitoring' });
    expect(entities.data._entities[2].procedures.map((p: any) => p.id)).not.toContain('proc-es-ct-investigation');
    const alias = await run('demo-practitioner-es', '{ a: procedure(id: "proc-es-ct-investigation") { id } b: procedure(id: "proc-es-ct-investigation", at: "2026-06-01") { id } }');
    expect(alias.data).toEqual({ a: null, b: null });
  });

  it('guards stricter fields: operational notes for LEA, resourcing for managers', async () => {
    const q = '{ procedure(id: "proc-es-monitoring") { id operationalNotes resourcing { staff } } }';
    expect(seedProc('proc-es-communication').versions.at(-1)!.visibility).toBe('PUBLIC');
    const partner = await run('demo-partner', '{ procedure(id: "proc-es-communication") { id operationalNotes } }');
    expect(partner.data.procedure).toEqual({ id: 'proc-es-communication', operationalNotes: null });
    expect(codesOf(partner)).toEqual(['FORBIDDEN']);
    const practitioner = await run('demo-practitioner-es', q);
    expect(practitioner.data.procedure.operationalNotes).toEqual(expect.any(String));
    expect(practitioner.data.procedure.resourcing).toBeNull();
    expect(codesOf(practitioner)).toEqual(['FORBIDDEN']);
    const manager = await run('demo-manager-es', q);
    expect(manager.data.procedure.resourcing.staff).toEqual(expect.any(Number));
    expect(manager.errors).toBeUndefined();
  });
});

describe('writing procedures', () => {
  const CREATE = `mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { id version status jurisdiction { code } agency { id } dimensionValues { dimension { key } value } } }`;
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateProcedureInput!) { updateProcedure(id: $id, expectedVersion: $v, input: $input) { id version status title } }`;
  const PUBLISH = `mutation($id: ID!, $v: Int!, $from: Date) { publishProcedure(id: $id, expectedVersion: $v, effectiveFrom: $from) { id version status effectiveFrom } }`;
  const base = {
    topic: 'MONITORING', title: 'Monitoring of public posts during large events', summary: 'How the unit watches public posts around big events.',
    body: '## Purpose\nKeep big events safe.\n\n## Retention\nDelete after 30 days.', language: 'ca', visibility: 'LEA',
    dimensionValues: [{ key: 'retention_limit_days', value: 30 }],
  };

  it('runs a procedure from draft to publication, superseding and withdrawal, with outbox rows', async () => {
    const before = await tableCounts();
    const created = await run('demo-practitioner-es', CREATE, { input: base });
    expect(created.errors).toBeUndefined();
    const p = created.data.createProcedure;
    expect(p).toMatchObject({ version: 1, status: 'DRAFT', jurisdiction: { code: 'ES-CT' }, agency: { id: 'es-ct-mossos' } });
    expect((await run('demo-manager-de', `{ procedure(id: "${p.id}") { id } }`)).data.procedure).toBeNull();
    expect((await run('demo-practitioner-es', PUBLISH, { id: p.id, v: 1 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const published = await run('demo-manager-es', PUBLISH, { id: p.id, v: 1, from: '2099-01-01' });
    expect(published.data.publishProcedure).toMatchObject({ version: 1, status: 'IN_FORCE', effectiveFrom: '2099-01-01' });
    const updated = await run('demo-practitioner-es', UPDATE, { id: p.id, v: 1, input: { title: 'Monitoring of public posts at large events', changeNote: 'Title' } });
    expect(updated.data.updateProcedure).toMatchObject({ version: 2, status: 'DRAFT' });
    expect((await run('demo-manager-de', `{ procedure(id: "${p.id}") { version title } }`)).data.procedure).toEqual({ version: 1, title: base.title });
    await run('demo-manager-es', PUBLISH, { id: p.id, v: 2, from: '2099-03-01' });
    const history = await run('demo-manager-de', `{ procedure(id: "${p.id}") { version history { version status effectiveFrom inForceUntil } } }`);
    expect(history.data.procedure.history).toEqual([
      { version: 2, status: 'IN_FORCE', effectiveFrom: '2099-03-01', inForceUntil: null },
      { version: 1, status: 'SUPERSEDED', effectiveFrom: '2099-01-01', inForceUntil: '2099-03-01' },
    ]);
    const withdrawn = await run('demo-manager-es', `mutation { withdrawProcedure(id: "${p.id}", reason: "Replaced by the regional protocol") { status } }`);
    expect(withdrawn.data.withdrawProcedure.status).toBe('WITHDRAWN');
    const verified = await run('demo-practitioner-es', `mutation { verifyProcedure(id: "${p.id}") { lastVerifiedAt reviewStatus } }`);
    expect(verified.data.verifyProcedure.reviewStatus).toBe('CURRENT');
    const events = await dbs.bySubgraph.procedures!.query('SELECT event FROM procedures.outbox WHERE entity_id = $1 ORDER BY id', [p.id]);
    expect(events.map((e: any) => e.event)).toEqual(['procedure.created', 'procedure.published', 'procedure.updated', 'procedure.published', 'procedure.withdrawn', 'procedure.verified']);
    const after = await tableCounts();
    expect(after.procedures).toBe(before.procedures + 1);
    expect(after.versions).toBe(before.versions + 2);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const before = await tableCounts();
    const r = await run('demo-practitioner-es', UPDATE, { id: 'proc-es-ct-monitoring', v: 2, input: { title: 'Stale edit' } });
    expect(codesOf(r)).toEqual(['CONFLICT']);
    expect(await tableCounts()).toEqual(before);
  });

  it('sets dimension values on a new draft, validated against their dimension', async () => {
    const ok = await run('demo-manager-es', `mutation { setDimensionValues(id: "proc-es-ct-monitoring", expectedVersion: 3, values: [{ key: "retention_limit_days", value: 45 }]) { version status dimensionValues { dimension { key } value display } } }`);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.setDimensionValues.status).toBe('DRAFT');
    expect(ok.data.setDimensionValues.dimensionValues).toContainEqual({ dimension: { key: 'retention_limit_days' }, value: 45, display: '45 days' });
  });

  const bad: [string, string, string | null, Record<string, unknown>, string][] = [
    ['an unknown dimension', CREATE, 'demo-practitioner-es', { input: { ...base, dimensionValues: [{ key: 'nope', value: 1 }] } }, 'BAD_USER_INPUT'],
    ['a wrong value type', CREATE, 'demo-practitioner-es', { input: { ...base, dimensionValues: [{ key: 'retention_limit_days', value: 'thirty' }] } }, 'BAD_USER_INPUT'],
    ['a dimension of another topic', CREATE, 'demo-practitioner-es', { input: { ...base, dimensionValues: [{ key: 'covert_online_accounts_permitted', value: true }] } }, 'BAD_USER_INPUT'],
    ['an unknown topic', CREATE, 'demo-practitioner-es', { input: { ...base, topic: 'GOSSIP' } }, 'BAD_USER_INPUT'],
    ['an oversize body', CREATE, 'demo-practitioner-es', { input: { ...base, body: 'x'.repeat(50_001) } }, 'BAD_USER_INPUT'],
    ['an oversize title', CREATE, 'demo-practitioner-es', { input: { ...base, title: 't'.repeat(201) } }, 'BAD_USER_INPUT'],
    ['a bad language', CREATE, 'demo-practitioner-es', { input: { ...base, language: 'catalan' } }, 'BAD_USER_INPUT'],
    ['a bad restriction', CREATE, 'demo-practitioner-es', { input: { ...base, restrictedTo: ['catalonia'] } }, 'BAD_USER_INPUT'],
    ['no EDITOR role', CREATE, 'demo-partner', { input: base }, 'FORBIDDEN'],
    ['an anonymous caller', CREATE, null, { input: base }, 'UNAUTHENTICATED'],
    ['an empty update', UPDATE, 'demo-practitioner-es', { id: 'proc-es-ct-monitoring', v: 3, input: {} }, 'BAD_USER_INPUT'],
    ['another agency\'s procedure', UPDATE, 'demo-practitioner-de', { id: 'proc-es-ct-monitoring', v: 3, input: { title: 'Taken over' } }, 'FORBIDDEN'],
    ['a procedure hidden from the caller', UPDATE, 'demo-practitioner-de', { id: 'proc-es-ct-communication', v: 1, input: { title: 'Peek' } }, 'NOT_FOUND'],
    ['an unknown procedure', UPDATE, 'demo-practitioner-es', { id: 'proc-nope', v: 1, input: { title: 'Ghost' } }, 'NOT_FOUND'],
    ['publishing with nothing drafted', PUBLISH, 'demo-manager-es', { id: 'proc-es-ct-investigation', v: 1 }, 'BAD_USER_INPUT'],
    ['publishing before the version in force', PUBLISH, 'demo-manager-de', { id: 'proc-de-by-communication', v: 2, from: '2020-01-01' }, 'BAD_USER_INPUT'],
  ];
  it.each(bad)('answers %s with a coded error and writes nothing', async (_name, op, who, variables, code) => {
    const before = await tableCounts();
    const r = await run(who, op, variables);
    expect(codesOf(r)).toEqual([code]);
    expect(await tableCounts()).toEqual(before);
  });
});
