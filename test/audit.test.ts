import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'graphql';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../lib/audit/verify.ts';
import { countStatements } from './support/sqlStatements.ts';
import { allow, isMember } from '../lib/shieldRules.ts';
import type { SubgraphCode } from '../lib/subgraphServer.ts';
import { codes, startTestPlatform, viewerOf } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

// The audit log end to end: what each kind of request writes, who may read it, and that the chain holds.

let platform: TestPlatform;
const startedAt = new Date().toISOString();

beforeAll(async () => {
  // Background consumers would add statements to the counts below.
  platform = await startTestPlatform({ consumers: false });
});
afterAll(async () => {
  await platform?.stop();
});

const kernel = () => platform.databases.kernel;

interface Sent<T> {
  status: number;
  requestId: string;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs to the gateway and returns the body with the request id the gateway assigned. */
async function send<T = any>(query: string, variables: Record<string, unknown> = {}, as: string | null = null, headers: Record<string, string> = {}): Promise<Sent<T>> {
  const res = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${await platform.token(as)}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as object), status: res.status, requestId: res.headers.get('x-request-id') ?? '' };
}

interface LogRow {
  id: string;
  seq: string;
  request_id: string;
  member_id: string | null;
  agency_id: string | null;
  tier: string | null;
  roles: string[];
  operation_name: string | null;
  operation_type: string;
  kind: string;
  entity_type: string | null;
  entity_ids: string[];
  field: string | null;
  decision: string;
  error_code: string | null;
  justification: string | null;
  client_address: string | null;
  subgraph: string;
}

const rowsOf = (requestId: string): Promise<LogRow[]> =>
  kernel().query('SELECT * FROM audit.log WHERE request_id = $1 ORDER BY seq', [requestId]);
const rowCount = async () => Number((await kernel().query('SELECT count(*) AS n FROM audit.log'))[0].n);
// Each test writes the entries it reads, so that it passes alone and in any order.
/** A practitioner consulting an LEA procedure: one CONSULTATION. */
const consult = () => send(`{ procedure(id: "proc-es-monitoring") { title } }`, {}, 'demo-practitioner-es');
/** A practitioner consulting a procedure and refused its MANAGEMENT field: a CONSULTATION and a DENIAL. */
const RESOURCES = `query Resources { procedure(id: "proc-es-monitoring") { title resourcing { staff } } }`;
/** A manager exporting a comparison: one EXPORT. */
const COMPARE_CSV = `{ compareProcedures(topic: MONITORING, jurisdictions: ["ES-CT", "DE"]) { csv } }`;

const CREATE_WORKSHOP = `mutation CreateWorkshop($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id title visibility } }`;
const workshopInput = (over: Record<string, unknown> = {}) => ({
  title: 'Audit trail workshop', theme: 'Accountability of online monitoring', city: 'ES-CT', startsOn: '2025-03-01', endsOn: '2025-03-02',
  organiser: 'es-ct-mossos', topics: ['MONITORING'], participantCount: 12, summary: 'Who looked at what, and why.', language: 'en', visibility: 'LEA', ...over,
});

describe('what is logged', () => {
  it('logs a mutation with its justification header, the client address and who made it', async () => {
    const r = await send(CREATE_WORKSHOP, { input: workshopInput() }, 'demo-manager-es', { 'X-Justification': 'Case 2025/117: preparing the debrief' });
    expect(r.errors).toBeUndefined();
    const id = r.data.createWorkshop.id;
    const rows = await rowsOf(r.requestId);
    // The workshop the mutation returns is logged by the mutation, not again as a consultation.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'MUTATION', decision: 'ALLOWED', entity_type: 'Workshop', entity_ids: [id], field: 'Mutation.createWorkshop',
      operation_type: 'mutation', operation_name: 'CreateWorkshop', error_code: null,
      member_id: 'demo-manager-es', agency_id: 'es-ct-mossos', tier: 'MANAGER', roles: ['EDITOR'],
      justification: 'Case 2025/117: preparing the debrief', client_address: '127.0.0.1', subgraph: 'workshops',
    });
  });

  it('logs a mutation that failed for another reason than access as ALLOWED with its error code', async () => {
    const r = await send(CREATE_WORKSHOP, { input: workshopInput({ endsOn: '2025-02-01' }) }, 'demo-manager-es');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const rows = await rowsOf(r.requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'MUTATION', decision: 'ALLOWED', error_code: 'BAD_USER_INPUT', entity_type: 'Workshop', entity_ids: [], justification: null });
  });

  it('logs a mutation refused to a partner as DENIED', async () => {
    const r = await send(CREATE_WORKSHOP, { input: workshopInput() }, 'demo-partner');
    expect(codes(r)).toEqual(['FORBIDDEN']);
    const rows = await rowsOf(r.requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'MUTATION', decision: 'DENIED', error_code: 'FORBIDDEN', field: 'Mutation.createWorkshop', member_id: 'demo-partner', tier: null, roles: [] });
  });

  it('logs a practitioner consulting LEA items with their ids, whether or not the key was selected', async () => {
    const r = await send(`{ a: procedure(id: "proc-es-monitoring") { id title } b: procedure(id: "proc-de-monitoring") { title } }`, {}, 'demo-practitioner-es');
    expect(r.errors).toBeUndefined();
    const rows = await rowsOf(r.requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'CONSULTATION', decision: 'ALLOWED', entity_type: 'Procedure', member_id: 'demo-practitioner-es', tier: 'PRACTITIONER', operation_type: 'query' });
    expect(rows[0]!.entity_ids.sort()).toEqual(['proc-de-monitoring', 'proc-es-monitoring']);
  });

  it('logs an LEA item answered with its type alone: that it exists was consulted', async () => {
    const r = await send(`{ procedure(id: "proc-es-monitoring") { __typename } }`, {}, 'demo-practitioner-es');
    expect(r.data).toEqual({ procedure: { __typename: 'Procedure' } });
    const rows = await rowsOf(r.requestId);
    expect(rows).toEqual([expect.objectContaining({ kind: 'CONSULTATION', entity_type: 'Procedure', entity_ids: ['proc-es-monitoring'], member_id: 'demo-practitioner-es' })]);
  });

  it('writes nothing for a PUBLIC item', async () => {
    const before = await rowCount();
    const r = await send(`{ procedure(id: "proc-es-communication") { id title visibility jurisdiction { name } } }`, {}, 'demo-practitioner-es');
    expect(r.data.procedure.visibility).toBe('PUBLIC');
    expect(await rowsOf(r.requestId)).toEqual([]);
    expect(await rowCount()).toBe(before);
  });

  it('logs items an owner resolves for another subgraph (_entities), not the stubs that point at them', async () => {
    const r = await send(`{ search(query: "monitoring", filter: { types: [PROCEDURE] }, first: 50) { hits { entity { ... on Procedure { title visibility } } } } }`,
      {}, 'demo-practitioner-es');
    expect(r.errors).toBeUndefined();
    const procedures = r.data.search.hits.map((h: any) => h.entity).filter((e: any) => e && e.visibility !== 'PUBLIC');
    expect(procedures.length).toBeGreaterThan(0);
    const rows = await rowsOf(r.requestId);
    // The search subgraph logs the hits it showed; the owner logs the entities it resolved.
    expect(rows.map((x) => [x.subgraph, x.kind, x.entity_type]).sort()).toEqual([['procedures', 'CONSULTATION', 'Procedure'], ['search', 'CONSULTATION', 'Procedure']]);
    const owner = rows.find((x) => x.subgraph === 'procedures')!;
    expect(owner.entity_ids).toHaveLength(procedures.length);
    expect(rows.find((x) => x.subgraph === 'search')!.entity_ids.sort()).toEqual([...owner.entity_ids].sort());
  });

  it('logs non-public search hits shown by title and snippet alone, and nothing for public ones', async () => {
    const r = await send(`{ search(query: "monitoring", filter: { types: [PROCEDURE] }, first: 50) { total hits { title snippet } } }`, {}, 'demo-practitioner-es');
    expect(r.errors).toBeUndefined();
    const [row, ...rest] = await rowsOf(r.requestId);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ subgraph: 'search', kind: 'CONSULTATION', decision: 'ALLOWED', entity_type: 'Procedure', field: 'Query.search', member_id: 'demo-practitioner-es' });
    const restricted: { doc_id: string }[] = await kernel().query(
      `SELECT doc_id FROM search.documents WHERE doc_type = 'Procedure' AND doc_id = ANY($1) AND (visibility <> 'PUBLIC' OR cardinality(restricted_to) > 0)`, [row!.entity_ids]);
    expect(restricted).toHaveLength(row!.entity_ids.length);
    const anonymous = await send(`{ search(query: "monitoring", first: 50) { total hits { title } } }`);
    expect(anonymous.data.search.total).toBeGreaterThan(0);
    expect(await rowsOf(anonymous.requestId)).toEqual([]);
  });

  it('logs SWOT items and recommendations with their workshop\'s guard, and restricted workshops', async () => {
    const r = await send(`{ workshop(id: "ws-bcn-everyday-security") { title swotItems { statement } recommendations { statement } } }`, {}, 'demo-partner');
    expect(r.errors).toBeUndefined();
    const rows = await rowsOf(r.requestId);
    expect(rows.map((x) => x.entity_type).sort()).toEqual(['Recommendation', 'SwotItem', 'Workshop']);
    expect(rows.find((x) => x.entity_type === 'SwotItem')!.entity_ids).toHaveLength(r.data.workshop.swotItems.length);
    // The PUBLIC Dublin workshop and its items write nothing.
    const open = await send(`{ workshop(id: "ws-dub-online-hate") { title swotItems { statement } } }`, {}, 'demo-partner');
    expect(open.data.workshop.swotItems.length).toBeGreaterThan(0);
    expect(await rowsOf(open.requestId)).toEqual([]);
  });

  it('logs a field refused to a practitioner as a DENIAL of that item, next to its consultation', async () => {
    const r = await send(RESOURCES, {}, 'demo-practitioner-es');
    expect(codes(r)).toEqual(['FORBIDDEN']);
    const rows = await rowsOf(r.requestId);
    expect(rows.map((x) => x.kind).sort()).toEqual(['CONSULTATION', 'DENIAL']);
    expect(rows.find((x) => x.kind === 'DENIAL')).toMatchObject({
      decision: 'DENIED', error_code: 'FORBIDDEN', entity_type: 'Procedure', entity_ids: ['proc-es-monitoring'], field: 'Procedure.resourcing',
      operation_name: 'Resources',
    });
  });

  it('logs CSV exports with the items they carry', async () => {
    const r = await send(COMPARE_CSV, {}, 'demo-manager-es');
    expect(r.data.compareProcedures.csv).toContain('dimension');
    const rows = await rowsOf(r.requestId);
    // The export, and the consultation of the LEA procedures whose content the comparison carries.
    expect(rows.map((x) => [x.kind, x.entity_type, x.field, [...x.entity_ids].sort()]).sort()).toEqual([
      ['CONSULTATION', 'Procedure', null, ['proc-de-monitoring', 'proc-es-ct-monitoring']],
      ['EXPORT', 'Procedure', 'ProcedureComparison.csv', ['proc-de-monitoring', 'proc-es-ct-monitoring']],
    ]);

    const legal = await send(`{ compareLegalPositions(topic: MONITORING, jurisdictions: ["ES", "DE"]) { csv } }`, {}, 'demo-manager-es');
    expect(legal.errors).toBeUndefined();
    expect((await rowsOf(legal.requestId)).map((x) => [x.kind, x.entity_type, x.field]))
      .toEqual([['EXPORT', 'LegalProvision', 'LegalPositionComparison.csv']]);
  });

  it('logs personal training records whoever reads them', async () => {
    const r = await send(`{ myAssignments { id status } }`, {}, 'demo-practitioner-es');
    expect(r.errors).toBeUndefined();
    expect(r.data.myAssignments.length).toBeGreaterThan(0);
    const rows = await rowsOf(r.requestId);
    expect(rows).toEqual([expect.objectContaining({ kind: 'CONSULTATION', entity_type: 'Assignment', entity_ids: r.data.myAssignments.map((a: any) => a.id) })]);
  });
});

describe('the kernel middleware on any subgraph', () => {
  const probe: SubgraphCode<null> = {
    name: 'probe',
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Item @key(fields: "id") { id: ID! name: String! }
      type Query { item(id: ID!): Item }
      type Mutation { renameItem(id: ID!, name: String!, justification: String): Item! }`),
    resolvers: {
      Query: { item: (_: unknown, a: { id: string }) => ({ id: a.id, name: 'x', visibility: 'MEMBERS', restrictedTo: [] }) },
      Mutation: { renameItem: (_: unknown, a: { id: string; name: string }) => ({ id: a.id, name: a.name, visibility: 'MEMBERS', restrictedTo: [] }) },
    },
    permissions: { Query: { item: allow }, Mutation: { renameItem: isMember }, Item: allow },
    createLoaders: () => null,
    entities: [],
  };

  it('takes a mutation\'s justification argument and the client\'s operation name behind the gateway\'s suffix', async () => {
    const client = await subgraphClient(probe, kernel());
    try {
      const viewer = await viewerOf(platform.databases, 'demo-reviewer');
      const r = await client.run(viewer, `mutation Rename__probe__0 { renameItem(id: "i-1", name: "y", justification: "  Ticket 42  ") { name } }`);
      expect(r.errors).toBeUndefined();
      await client.run(viewer, `query Look__probe__3 { item(id: "i-2") { name } }`);
      const rows: LogRow[] = await kernel().query(`SELECT * FROM audit.log WHERE subgraph = 'probe' ORDER BY seq`);
      expect(rows.map((x) => [x.kind, x.entity_ids, x.justification, x.operation_name])).toEqual([
        ['MUTATION', ['i-1'], 'Ticket 42', 'Rename'],
        ['CONSULTATION', ['i-2'], null, 'Look'],
      ]);
    } finally {
      await client.stop();
    }
  });

  it('withholds the response when the audit log cannot be written', async () => {
    const unwritable = { query: () => Promise.reject(new Error('connection lost')) } as unknown as DataSource;
    const client = await subgraphClient(probe, unwritable);
    try {
      const viewer = await viewerOf(platform.databases, 'demo-reviewer');
      const r = await client.run(viewer, `{ item(id: "i-3") { name } }`);
      expect(r.data ?? null).toBeNull();
      expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await client.stop();
    }
  });
});

describe('auditLog', () => {
  const LOG = `query Log($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes { id seq at requestId memberId member { displayName } agencyId agency { name } tier roles operationName operationType kind entityType entityIds field decision
        errorCode justification clientAddress subgraph prevHash hash }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    } }`;
  const log = async (filter: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    const r = await send(LOG, { filter, ...extra }, 'demo-auditor');
    expect(r.errors).toBeUndefined();
    return r.data.auditLog as { totalCount: number; nodes: any[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string } };
  };

  it('is for AUDITOR only: FORBIDDEN to a manager, UNAUTHENTICATED anonymously, and both refusals are logged', async () => {
    const manager = await send(LOG, {}, 'demo-manager-es');
    expect(codes(manager)).toEqual(['FORBIDDEN']);
    expect(manager.data).toBeNull();
    const anonymous = await send(LOG);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await rowsOf(manager.requestId)).toEqual([expect.objectContaining({ kind: 'DENIAL', decision: 'DENIED', error_code: 'FORBIDDEN', field: 'Query.auditLog', member_id: 'demo-manager-es', subgraph: 'audit' })]);
    expect(await rowsOf(anonymous.requestId)).toEqual([expect.objectContaining({ kind: 'DENIAL', error_code: 'UNAUTHENTICATED', member_id: null })]);
  });

  it('reads newest first, page by page with stable cursors', async () => {
    for (let i = 0; i < 11; i += 1) await consult();
    const all = await log({}, { first: 100 });
    expect(all.totalCount).toBeGreaterThan(10);
    const seqs = all.nodes.map((n) => Number(n.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const first = await log({}, { first: 3 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await log({}, { first: 3, after: first.pageInfo.endCursor });
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    // Entries were added meanwhile (the reads above are logged), yet the next page follows on exactly.
    expect(Number(next.nodes[0].seq)).toBe(Number(first.nodes[2].seq) - 1);
    expect(next.totalCount).toBeGreaterThan(first.totalCount);
  });

  it('filters by member, entity, entity type, kind, decision and time', async () => {
    // What is filtered below; `since` leaves out what other tests wrote.
    const since = new Date().toISOString();
    expect(codes(await send(CREATE_WORKSHOP, { input: workshopInput() }, 'demo-partner'))).toEqual(['FORBIDDEN']);
    expect(codes(await send(RESOURCES, {}, 'demo-practitioner-es'))).toEqual(['FORBIDDEN']);
    expect((await send(COMPARE_CSV, {}, 'demo-manager-es')).errors).toBeUndefined();
    expect((await send(`{ workshop(id: "ws-bcn-everyday-security") { title } }`, {}, 'demo-manager-es')).errors).toBeUndefined();
    expect(codes(await send(LOG))).toEqual(['UNAUTHENTICATED']);

    const partner = await log({ member: 'demo-partner', from: since });
    expect(partner.nodes.map((n) => [n.memberId, n.kind, n.field])).toEqual([['demo-partner', 'MUTATION', 'Mutation.createWorkshop']]);

    const entity = await log({ entity: 'proc-es-monitoring', from: since });
    for (const n of entity.nodes) expect(n.entityIds).toContain('proc-es-monitoring');
    expect(entity.nodes.map((n) => n.kind).sort()).toEqual(['CONSULTATION', 'DENIAL']);

    const workshops = await log({ entityType: 'Workshop', from: since });
    expect(workshops.nodes.length).toBeGreaterThan(0);
    expect(new Set(workshops.nodes.map((n) => n.entityType))).toEqual(new Set(['Workshop']));

    const exports = await log({ kind: 'EXPORT', from: since });
    expect(exports.nodes.map((n) => n.field)).toEqual(['ProcedureComparison.csv']);

    const denied = await log({ decision: 'DENIED', from: since });
    expect(denied.nodes.map((n) => n.field).sort()).toEqual(['Mutation.createWorkshop', 'Procedure.resourcing', 'Query.auditLog']);

    const combined = await log({ member: 'demo-practitioner-es', decision: 'DENIED', entityType: 'Procedure', from: since });
    expect(combined.nodes.map((n) => n.field)).toEqual(['Procedure.resourcing']);

    const inWindow = await log({ from: startedAt, to: new Date(Date.now() + 60_000).toISOString() });
    const everything = await log();
    // `everything` counts the read just before it: its own row and the directory's for the members it named.
    expect(inWindow.totalCount).toBe(everything.totalCount - 2);
    const future = await log({ from: '2999-01-01' });
    expect(future).toMatchObject({ totalCount: 0, nodes: [] });
    const past = await log({ to: '2000-01-01T00:00' });
    expect(past.totalCount).toBe(0);
  });

  it('returns every recorded field, times in UTC', async () => {
    const created = await send(CREATE_WORKSHOP, { input: workshopInput() }, 'demo-manager-es', { 'X-Justification': 'Case 2025/117: preparing the debrief' });
    expect(created.errors).toBeUndefined();
    const found = await log({ entity: created.data.createWorkshop.id });
    expect(found.nodes).toHaveLength(1);
    const [mutation] = found.nodes;
    expect(mutation).toMatchObject({
      memberId: 'demo-manager-es', agencyId: 'es-ct-mossos', tier: 'MANAGER', roles: ['EDITOR'], operationName: 'CreateWorkshop',
      operationType: 'MUTATION', kind: 'MUTATION', entityType: 'Workshop', field: 'Mutation.createWorkshop', decision: 'ALLOWED',
      justification: 'Case 2025/117: preparing the debrief', clientAddress: '127.0.0.1', subgraph: 'workshops',
    });
    expect(mutation.member.displayName).toBeTruthy();
    expect(mutation.agency.name).toBeTruthy();
    expect(mutation.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(mutation.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(mutation.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('logs its own reading, with the entries read', async () => {
    expect((await send(COMPARE_CSV, {}, 'demo-manager-es')).errors).toBeUndefined();
    const r = await send(LOG, { filter: { kind: 'EXPORT' }, first: 5 }, 'demo-auditor', { 'X-Justification': 'Quarterly review' });
    expect(r.data.auditLog.nodes.length).toBeGreaterThan(0);
    const rows = await rowsOf(r.requestId);
    // The entries read, and (the selection names them) the members who made them.
    expect(rows.map((x) => x.subgraph).sort()).toEqual(['audit', 'directory']);
    expect(rows.find((x) => x.subgraph === 'audit')).toEqual(expect.objectContaining({
      kind: 'CONSULTATION', entity_type: 'AuditEntry', field: 'Query.auditLog', member_id: 'demo-auditor', roles: ['AUDITOR'],
      justification: 'Quarterly review', entity_ids: r.data.auditLog.nodes.map((n: any) => n.id),
    }));
    expect(rows.find((x) => x.subgraph === 'directory')).toMatchObject({ kind: 'CONSULTATION', entity_type: 'Member', member_id: 'demo-auditor' });
  });

  it('refuses bad pages and filters', async () => {
    expect(codes(await send(LOG, { first: 101 }, 'demo-auditor'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send(LOG, { after: 'bm9wZQ' }, 'demo-auditor'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send(LOG, { filter: { from: 'last tuesday' } }, 'demo-auditor'))).toEqual(['BAD_USER_INPUT']);
    for (const from of ['2025-02-30', '2025-03-01T25:00:00Z']) {
      expect(codes(await send(LOG, { filter: { from } }, 'demo-auditor')), from).toEqual(['BAD_USER_INPUT']);
    }
    const huge = Buffer.from('s:9999999999999999999', 'utf8').toString('base64url');
    expect(codes(await send(LOG, { after: huge }, 'demo-auditor'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('auditChain', () => {
  const CHAIN = `{ auditChain { intact rowsChecked head { seq hash } checkedAt firstBreak { seq problem } anchors
    latestCheckpoint { seq hash at verified } checkpointProblem } }`;

  it('is for AUDITOR only: FORBIDDEN to an administrator and a practitioner, UNAUTHENTICATED anonymously, nothing else', async () => {
    for (const member of ['demo-admin', 'demo-practitioner-es']) {
      const refused = await send(CHAIN, {}, member);
      expect(codes(refused), member).toEqual(['FORBIDDEN']);
      expect(refused.data, member).toBeNull();
      expect(await rowsOf(refused.requestId)).toEqual([expect.objectContaining({ kind: 'DENIAL', error_code: 'FORBIDDEN', field: 'Query.auditChain', member_id: member })]);
    }
    const anonymous = await send(CHAIN);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data).toBeNull();
  });

  it('tells an auditor the chain is intact up to the newest entry, with no checkpoint where none is kept, and logs the reading', async () => {
    await consult();
    const r = await send(`{ auditChain { intact rowsChecked head { seq hash } checkedAt firstBreak { seq } anchors latestCheckpoint { seq } checkpointProblem }
      auditLog(first: 1) { nodes { seq hash } } }`, {}, 'demo-auditor');
    expect(r.errors).toBeUndefined();
    const chain = r.data.auditChain;
    const newest = r.data.auditLog.nodes[0];
    expect(chain).toEqual({
      intact: true, rowsChecked: newest.seq, head: { seq: newest.seq, hash: newest.hash }, checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
      firstBreak: null, anchors: 0, latestCheckpoint: null, checkpointProblem: null,
    });
    expect(Number(chain.rowsChecked)).toBeGreaterThan(0);
    expect(await rowsOf(r.requestId)).toContainEqual(expect.objectContaining({ kind: 'CONSULTATION', field: 'Query.auditChain', member_id: 'demo-auditor', entity_ids: [] }));

    // Within AUDIT_CHAIN_CACHE_SECONDS (30 here) the same verdict is served, however much the log has grown.
    await consult();
    const again = await send(CHAIN, {}, 'demo-auditor');
    expect(again.data.auditChain).toMatchObject({ checkedAt: chain.checkedAt, head: chain.head });
  });
});

describe('the chain', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even of no row', async () => {
    await consult();
    await expect(kernel().query(`UPDATE audit.log SET justification = 'edited'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(kernel().query('DELETE FROM audit.log WHERE seq = 1')).rejects.toThrow(/append-only: DELETE/);
    await expect(kernel().query('DELETE FROM audit.log WHERE false')).rejects.toThrow(/append-only/);
    await expect(kernel().query('TRUNCATE audit.log')).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await rowCount()).toBeGreaterThan(0);
  });

  it('numbers, times and hashes rows itself, whatever an INSERT says', async () => {
    const [row] = await kernel().query(
      `INSERT INTO audit.log (seq, at, operation_type, kind, decision, subgraph, prev_hash, hash)
       VALUES (999999, '2000-01-01', 'query', 'CONSULTATION', 'ALLOWED', 'forger', 'x', 'y') RETURNING seq::text, at, prev_hash, hash`);
    const [{ last }] = await kernel().query('SELECT max(seq)::text AS last FROM audit.log WHERE seq < $1', [row.seq]);
    expect(Number(row.seq)).toBe(Number(last) + 1);
    expect(new Date(row.at).getFullYear()).toBeGreaterThan(2000);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(kernel())).toMatchObject({ intact: true });
  });

  it('stays intact under concurrent requests', async () => {
    const before = await rowCount();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => i % 4 === 0
      ? send(CREATE_WORKSHOP, { input: workshopInput({ title: `Parallel workshop ${i}` }) }, 'demo-manager-es')
      : send(`{ procedure(id: "proc-es-monitoring") { title } workshop(id: "ws-bcn-everyday-security") { title } }`, {}, 'demo-practitioner-es')));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    // 5 mutations, 15 reads writing one row in each of two subgraphs.
    expect(await rowCount()).toBe(before + 5 + 15 * 2);
    const verdict = await verifyAuditChain(kernel(), 7); // small pages, to cross page boundaries
    expect(verdict).toMatchObject({ intact: true, rows: before + 35 });
  });

  it('costs one statement per subgraph request that logs, however many items it consults', async () => {
    const workshops = platform.databases.bySubgraph.workshops!;
    await workshops.query(
      `INSERT INTO workshops.workshops (id, title, theme, city_code, starts_on, ends_on, organiser_id, topics, participant_count,
         participant_org_kinds, summary, report_status, visibility, restricted_to)
       SELECT 'ws-audit-load-' || n, 'Audit load ' || n, 'Audit load', 'ES-CT', '2024-01-01', '2024-01-02', 'es-ct-mossos', '{MONITORING}', 10,
         '{LEA}', 'A workshop among fifty.', 'PUBLISHED', 'LEA', '{}' FROM generate_series(1, 50) n`);
    const LIST = `query Fifty { workshops(filter: { theme: "Audit load" }, first: 50) { nodes { id title city { name } swotItems { id } } } }`;
    // Principal lookups are cached for a few seconds and happen now and then: the fewest of a few runs is the cost.
    const cost = async () => {
      const runs = [];
      for (let i = 0; i < 3; i += 1) runs.push(await countStatements(() => send(LIST, {}, 'demo-practitioner-es')));
      return runs.reduce((a, b) => (b.statements < a.statements ? b : a));
    };
    const lea = await cost();
    expect(lea.result.data.workshops.nodes).toHaveLength(50);
    const rows = await rowsOf(lea.result.requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'CONSULTATION', entity_type: 'Workshop', subgraph: 'workshops', operation_name: 'Fifty' });
    expect(rows[0]!.entity_ids).toHaveLength(50);

    await workshops.query(`UPDATE workshops.workshops SET visibility = 'PUBLIC' WHERE theme = 'Audit load'`);
    const open = await cost();
    expect(await rowsOf(open.result.requestId)).toEqual([]);
    // Two subgraphs take part (workshops, directory for the city); only workshops logs, in one INSERT.
    expect(lea.statements - open.statements).toBe(1);
  });

  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const runVerify = async () => {
    try {
      const { stdout } = await promisify(execFile)(tsx, ['scripts/auditVerify.ts'], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...process.env, DATABASE_URL: platform.databases.url, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      });
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? '' };
    }
  };

  it('detects a changed row and a removed one, naming the first broken row (npm run audit:verify)', async () => {
    // A mutation with two entries after it: the one changed, the next removed, the one after named.
    const created = await send(CREATE_WORKSHOP, { input: workshopInput() }, 'demo-manager-es', { 'X-Justification': 'Case 2025/118' });
    await consult();
    await consult();
    const total = await rowCount();
    expect(await verifyAuditChain(kernel())).toMatchObject({ intact: true, rows: total });
    const [target]: { id: string; seq: string; justification: string | null }[] =
      await kernel().query(`SELECT id::text, seq::text, justification FROM audit.log WHERE request_id = $1 AND kind = 'MUTATION'`, [created.requestId]);
    expect(target).toBeDefined();

    // Someone with the table owner's rights switches the guard off and rewrites history.
    await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER log_append_only');
    await kernel().query(`UPDATE audit.log SET justification = 'nothing to see' WHERE id = $1`, [target!.id]);
    await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER log_append_only');
    const changed = await verifyAuditChain(kernel());
    expect(changed).toMatchObject({ intact: false, broken: { id: target!.id, seq: target!.seq } });
    expect(changed.intact ? '' : changed.broken.problem).toMatch(/hash .* does not match the row's contents/);
    const script = await runVerify();
    expect(script.code).toBe(1);
    expect(script.stdout).toMatch(new RegExp(`^Audit chain broken at row seq=${target!.seq} \\(id=${target!.id}, at \\d{4}-[^)]+\\): hash`));

    // Put it back: the chain is whole again.
    await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER log_append_only');
    await kernel().query('UPDATE audit.log SET justification = $2 WHERE id = $1', [target!.id, target!.justification]);
    // A row removed: the one after it is named.
    const next = String(Number(target!.seq) + 1);
    const [{ removed }] = await kernel().query('SELECT to_jsonb(l) AS removed FROM audit.log l WHERE seq = $1', [next]);
    await kernel().query('DELETE FROM audit.log WHERE seq = $1', [next]);
    await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER log_append_only');
    const gap = await verifyAuditChain(kernel());
    expect(gap).toMatchObject({ intact: false, broken: { seq: String(Number(next) + 1) } });
    expect(gap.intact ? '' : gap.broken.problem).toMatch(/a row is missing before it/);

    // Put back as it was (the chain trigger off too, or it would renumber the row).
    await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER USER');
    await kernel().query('INSERT INTO audit.log SELECT * FROM jsonb_populate_record(NULL::audit.log, $1::jsonb)', [JSON.stringify(removed)]);
    await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER USER');
    expect(await verifyAuditChain(kernel())).toMatchObject({ intact: true, rows: total });
    const intact = await runVerify();
    expect(intact).toEqual({ code: 0, stdout: expect.stringMatching(new RegExp(`^Audit chain intact: ${total} rows\\.\\n`)) });
  }, 120_000); // runs the command twice, each a fresh process
});
