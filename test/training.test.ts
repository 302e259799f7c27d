import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../lib/access.ts';
import type { Viewer } from '../lib/access.ts';
import { emitEvents } from '../lib/outbox.ts';
import { drainUntilCaughtUp } from '../lib/outboxConsumer.ts';
import { today } from '../lib/scalars.ts';
import { countStatements } from './support/sqlStatements.ts';
import type { Databases } from '../scripts/platform.ts';
import { directorySeed } from '../seeds/directory.ts';
import { seedModuleId, trainingSeed } from '../seeds/training.ts';
import { trainingSubgraph } from '../subgraphs/training/index.ts';
import { procedureChanged } from '../subgraphs/training/events.ts';
import { freshDatabases, viewerOf, codes as codesOf } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

let dbs: Databases;
let client: Awaited<ReturnType<typeof subgraphClient>>;
const viewers: Record<string, Viewer> = {};
const run = <T = any>(who: string | null, query: string, variables: Record<string, unknown> = {}) =>
  client.run<T>(who ? viewers[who]! : ANONYMOUS, query, variables);

const agencyOf = new Map(directorySeed.members.map((m) => [m.id, m.agency]));
const tierOf = new Map(directorySeed.members.map((m) => [m.id, m.tier]));
const jurisdictionOfAgency = new Map(directorySeed.agencies.map((a) => [a.id, a.jurisdiction]));
const parentOf = new Map(directorySeed.jurisdictions.map((j) => [j.code, j.parent]));
const pathOf = (memberId: string) => {
  const path: string[] = [];
  for (let c: string | null | undefined = jurisdictionOfAgency.get(agencyOf.get(memberId)!); c; c = parentOf.get(c)) path.push(c);
  return path;
};
const derivedStatus = (a: { status: string; dueOn: string }) =>
  (a.status === 'ASSIGNED' || a.status === 'IN_PROGRESS') && a.dueOn < today() ? 'OVERDUE' : a.status;
const seedOpen = trainingSeed.assignments.filter((a) => a.status !== 'CANCELLED');
const curriculumOf = (id: string) => trainingSeed.curricula.find((c) => c.id === id)!;

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

async function tableCounts() {
  const [r] = await dbs.bySubgraph.training!.query(`SELECT
    (SELECT count(*)::int FROM training.curricula) AS curricula,
    (SELECT count(*)::int FROM training.modules) AS modules,
    (SELECT count(*)::int FROM training.assignments) AS assignments,
    (SELECT count(*)::int FROM training.module_progress) AS progress,
    (SELECT count(*)::int FROM training.outbox) AS outbox,
    (SELECT md5(string_agg(id || status || version, ',' ORDER BY id)) FROM (
       SELECT id, status, 0 AS version FROM training.assignments UNION ALL SELECT id, '', version FROM training.curricula) x) AS fingerprint`);
  return r;
}

const MEMBERS = ['demo-practitioner-es', 'demo-manager-es', 'demo-practitioner-de', 'demo-manager-de', 'demo-trainer', 'demo-partner',
  'm-trainer-es', 'm-trainer-de', 'm-es-ct-1', 'm-nl-1', 'm-nl-2', 'm-de-3'];

beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
  client = await subgraphClient(trainingSubgraph, dbs.bySubgraph.training!);
  for (const id of MEMBERS) viewers[id] = await viewerOf(dbs, id);
});
afterAll(async () => {
  await client?.stop();
  await dbs?.close();
});

const LIST = `query($filter: AssignmentFilter) { assignments(filter: $filter, first: 100) { totalCount nodes { id status overdue assignee { id } } } }`;
const ASSIGN = `mutation($input: AssignCurriculumInput!) { assignCurriculum(input: $input) { createdCount alreadyAssignedCount assignments { id assignee { id } status } } }`;
const nextYear = `${Number(today().slice(0, 4)) + 1}-06-30`;

describe('reading assignments', () => {
  it('derives OVERDUE from the due date on every assignment a trainer of an EU-level body sees', async () => {
    const r = await run('demo-trainer', LIST);
    expect(r.errors).toBeUndefined();
    const byId = new Map(r.data.assignments.nodes.map((n: any) => [n.id, n]));
    expect(r.data.assignments.totalCount).toBe(seedOpen.length);
    for (const a of seedOpen) {
      expect((byId.get(a.id) as any)?.status, a.id).toBe(derivedStatus(a));
      expect((byId.get(a.id) as any)?.overdue, a.id).toBe(derivedStatus(a) === 'OVERDUE');
    }
    expect(seedOpen.some((a) => derivedStatus(a) === 'OVERDUE')).toBe(true);
    const overdue = await run('demo-trainer', LIST, { filter: { overdue: true } });
    expect(overdue.data.assignments.totalCount).toBe(seedOpen.filter((a) => derivedStatus(a) === 'OVERDUE').length);
    for (const status of ['ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE']) {
      const s = await run('demo-trainer', LIST, { filter: { status } });
      expect(s.data.assignments.totalCount, status).toBe(seedOpen.filter((a) => derivedStatus(a) === status).length);
    }
  });

  it('keeps the total on a page past the last assignment, and pages through all of them once', async () => {
    const cursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
    const PAGE = `query($after: String) { assignments(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const past = await run('demo-trainer', PAGE, { after: cursor(seedOpen.length + 10) });
    expect(past.errors).toBeUndefined();
    expect(past.data.assignments).toMatchObject({ totalCount: seedOpen.length, nodes: [], pageInfo: { hasNextPage: false } });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: any = await run('demo-trainer', PAGE, { after });
      expect(r.data.assignments.totalCount).toBe(seedOpen.length);
      seen.push(...r.data.assignments.nodes.map((n: any) => n.id));
      after = r.data.assignments.pageInfo.hasNextPage ? r.data.assignments.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(seedOpen.map((a) => a.id).sort());
  });

  it('shows a practitioner only their own assignments, on every path', async () => {
    const me = 'demo-practitioner-es';
    const own = seedOpen.filter((a) => a.member === me).map((a) => a.id).sort();
    const other = seedOpen.find((a) => a.member === 'm-es-ct-1')!;
    const r = await run(me, `{ myAssignments { id } all: assignments(first: 100) { totalCount nodes { id } }
      agency: assignments(filter: { agency: "es-ct-mossos" }, first: 100) { totalCount nodes { id } } }`);
    expect(r.data.myAssignments.map((a: any) => a.id).sort()).toEqual(own);
    expect(r.data.all.totalCount).toBe(own.length);
    expect(r.data.all.nodes.map((a: any) => a.id).sort()).toEqual(own);
    expect(r.data.agency.totalCount).toBe(own.length);
    const entities = await run(me, `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Assignment { id } ... on Member { id assignments { id } } } }`, {
      r: [{ __typename: 'Assignment', id: other.id }, { __typename: 'Assignment', id: own[0] },
        { __typename: 'Member', id: 'm-es-ct-1' }, { __typename: 'Member', id: me }],
    });
    expect(entities.data._entities[0]).toBeNull();
    expect(entities.data._entities[1]).toEqual({ id: own[0] });
    expect(entities.data._entities[2]).toEqual({ id: 'm-es-ct-1', assignments: [] });
    expect(entities.data._entities[3].assignments.map((a: any) => a.id).sort()).toEqual(own);
    const aliases = await run(me, `{ a: assignments(filter: { curriculum: "${other.curriculum}" }) { totalCount } b: myAssignments(status: OVERDUE) { id } }`);
    expect(aliases.data.a.totalCount).toBe(own.filter((id) => seedOpen.find((a) => a.id === id)!.curriculum === other.curriculum).length);
    expect(JSON.stringify(aliases.data)).not.toContain(other.id);
  });

  it('shows managers their own agency and trainers their jurisdiction', async () => {
    const ids = async (who: string) => new Set<string>((await run(who, LIST)).data.assignments.nodes.map((n: any) => n.id));
    const manager = await ids('demo-manager-es');
    expect(manager).toEqual(new Set(seedOpen.filter((a) => agencyOf.get(a.member) === 'es-ct-mossos').map((a) => a.id)));
    const trainerEs = await ids('m-trainer-es');
    expect(trainerEs).toEqual(new Set(seedOpen.filter((a) => pathOf(a.member).includes('ES-CT')).map((a) => a.id)));
    expect([...trainerEs].some((id) => id.includes('bcn'))).toBe(true);
    const trainerDe = await ids('m-trainer-de');
    expect(trainerDe).toEqual(new Set(seedOpen.filter((a) => pathOf(a.member).includes('DE')).map((a) => a.id)));
    expect(codesOf(await run(null, LIST))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await run(null, '{ myAssignments { id } }'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('trainingReport', () => {
  const REPORT = `query($agency: ID, $jurisdiction: ID, $curriculum: ID) { trainingReport(agency: $agency, jurisdiction: $jurisdiction, curriculum: $curriculum) {
    asOf totals { assigned notStarted inProgress completed overdue completionRate }
    byTier { tier counts { assigned completed overdue } } overdueMembers { id } overdueMembersWithheld } }`;
  const expected = (rows: typeof seedOpen) => {
    const count = (s: string) => rows.filter((a) => derivedStatus(a) === s).length;
    return {
      assigned: rows.length, notStarted: count('ASSIGNED'), inProgress: count('IN_PROGRESS'), completed: count('COMPLETED'), overdue: count('OVERDUE'),
      completionRate: rows.length ? Math.round((count('COMPLETED') / rows.length) * 10_000) / 10_000 : 0,
    };
  };

  it('counts an agency\'s assignments by status and tier, and names overdue members to its manager', async () => {
    const rows = seedOpen.filter((a) => agencyOf.get(a.member) === 'es-ct-mossos');
    const r = await run('demo-manager-es', REPORT, { agency: 'es-ct-mossos' });
    expect(r.errors).toBeUndefined();
    const report = r.data.trainingReport;
    expect(report.asOf).toBe(today());
    expect(report.totals).toEqual(expected(rows));
    for (const tier of ['MANAGER', 'PRACTITIONER']) {
      const ofTier = expected(rows.filter((a) => tierOf.get(a.member) === tier));
      expect(report.byTier.find((t: any) => t.tier === tier).counts, tier).toEqual({ assigned: ofTier.assigned, completed: ofTier.completed, overdue: ofTier.overdue });
    }
    const overdueMembers = [...new Set(rows.filter((a) => derivedStatus(a) === 'OVERDUE').map((a) => a.member))].sort();
    expect(overdueMembers.length).toBeGreaterThan(0);
    expect(report.overdueMembers.map((m: any) => m.id)).toEqual(overdueMembers);
    expect(report.overdueMembersWithheld).toBe(0);
  });

  it('gives others the counts but not the names', async () => {
    const rows = seedOpen.filter((a) => agencyOf.get(a.member) === 'es-ct-mossos');
    const overdue = new Set(rows.filter((a) => derivedStatus(a) === 'OVERDUE').map((a) => a.member));
    for (const who of ['demo-practitioner-de', 'demo-manager-de', 'm-trainer-de']) {
      const r = await run(who, REPORT, { agency: 'es-ct-mossos' });
      expect(r.data.trainingReport.totals, who).toEqual(expected(rows));
      expect(r.data.trainingReport.overdueMembers, who).toEqual([]);
      expect(r.data.trainingReport.overdueMembersWithheld, who).toBe(overdue.size);
    }
    // A member of the unit knows their own figures, so the unit's totals would tell about the four others only.
    const colleague = await run('demo-practitioner-es', REPORT, { agency: 'es-ct-mossos' });
    expect(colleague.data.trainingReport).toMatchObject({ totals: null, overdueMembersWithheld: null });
    expect(colleague.data.trainingReport.overdueMembers).toEqual(overdue.has('demo-practitioner-es') ? [{ id: 'demo-practitioner-es' }] : []);
    expect(codesOf(await run('demo-partner', REPORT, { agency: 'es-ct-mossos' }))).toEqual(['FORBIDDEN']);
  });

  it('reports on a jurisdiction with its sub-jurisdictions, and on a curriculum', async () => {
    const es = await run('m-trainer-es', REPORT, { jurisdiction: 'ES' });
    const inEs = seedOpen.filter((a) => pathOf(a.member).includes('ES'));
    expect(es.data.trainingReport.totals).toEqual(expected(inEs));
    const named = es.data.trainingReport.overdueMembers.map((m: any) => m.id);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((id: string) => pathOf(id).includes('ES-CT'))).toBe(true);
    const osint = await run('demo-trainer', REPORT, { curriculum: 'cur-osint-basics' });
    expect(osint.data.trainingReport.totals).toEqual(expected(seedOpen.filter((a) => a.curriculum === 'cur-osint-basics')));
    expect(codesOf(await run('demo-trainer', REPORT, { curriculum: 'cur-nope' }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await run('demo-trainer', REPORT, { jurisdiction: 'spain' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('summarises agencies through Agency.trainingSummary', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id trainingSummary { totals { assigned } totalsWithheld } } } }`;
    const r = { r: [{ __typename: 'Agency', id: 'de-bka' }, { __typename: 'Agency', id: 'nl-politie' }] };
    // An EU-level trainer may follow every member counted.
    const trainer = await run('demo-trainer', query, r);
    expect(trainer.data._entities.map((a: any) => a.trainingSummary.totals.assigned)).toEqual(
      ['de-bka', 'nl-politie'].map((agency) => seedOpen.filter((a) => agencyOf.get(a.member) === agency).length));
    // Both agencies count fewer than 5 people, whom a manager of another agency may not follow.
    const manager = await run('demo-manager-de', query, r);
    expect(manager.data._entities.map((a: any) => a.trainingSummary)).toEqual([
      { totals: null, totalsWithheld: 'Counts fewer than 5 people you may not follow.' },
      { totals: null, totalsWithheld: 'Counts fewer than 5 people you may not follow.' },
    ]);
  });
});

describe('curricula', () => {
  it('lists curricula by visibility and filter', async () => {
    const Q = 'query($f: CurriculumFilter) { curricula(filter: $f, first: 50) { totalCount nodes { id audience topics modules { id position } } } }';
    const lea = await run('demo-practitioner-es', Q);
    expect(lea.data.curricula.totalCount).toBe(trainingSeed.curricula.filter((c) => ['PUBLIC', 'MEMBERS', 'LEA'].includes(c.visibility)).length);
    const partner = await run('demo-partner', Q);
    expect(partner.data.curricula.nodes.map((c: any) => c.id).sort()).toEqual(
      trainingSeed.curricula.filter((c) => ['PUBLIC', 'MEMBERS'].includes(c.visibility)).map((c) => c.id).sort());
    const anonymous = await run(null, Q);
    expect(anonymous.data.curricula.totalCount).toBe(trainingSeed.curricula.filter((c) => c.visibility === 'PUBLIC').length);
    const monitoring = await run('demo-trainer', Q, { f: { topics: ['MONITORING'], audience: 'PRACTITIONER' } });
    expect(monitoring.data.curricula.nodes.map((c: any) => c.id).sort()).toEqual(
      trainingSeed.curricula.filter((c) => c.topics.includes('MONITORING') && c.audience === 'PRACTITIONER').map((c) => c.id).sort());
    const limits = curriculumOf('cur-monitoring-limits');
    const one = await run('demo-trainer', '{ curriculum(id: "cur-monitoring-limits") { modules { id position passMark } relatedProcedureIds validityMonths } }');
    expect(one.data.curriculum).toEqual({
      modules: limits.modules.map((m, i) => ({ id: seedModuleId(limits.id, i + 1), position: i + 1, passMark: m.passMark })),
      relatedProcedureIds: limits.relatedProcedures,
      validityMonths: limits.validityMonths,
    });
  });

  it('creates, updates and extends a curriculum of the trainer\'s own agency, with outbox rows', async () => {
    const created = await run('m-trainer-es', `mutation($input: CreateCurriculumInput!) { createCurriculum(input: $input) { id version audience modules { title } ownerAgency { id } } }`, {
      input: {
        title: 'Crisis communication on social media', summary: 'Posting during emergencies.', audience: 'ALL', topics: ['COMMUNICATION'],
        language: 'ca', estimatedHours: 3, visibility: 'LEA', validityMonths: 24, relatedProcedures: ['proc-es-ct-communication'],
        modules: [{ title: 'First hour', outline: 'What to post first.', kind: 'WEBINAR', durationMinutes: 60 }],
      },
    });
    expect(created.errors).toBeUndefined();
    const c = created.data.createCurriculum;
    expect(c).toMatchObject({ version: 1, audience: 'ALL', modules: [{ title: 'First hour' }], ownerAgency: { id: 'es-ct-ispc' } });
    const updated = await run('m-trainer-es', `mutation { updateCurriculum(id: "${c.id}", expectedVersion: 1, input: { estimatedHours: 4.5 }) { version estimatedHours } }`);
    expect(updated.data.updateCurriculum).toEqual({ version: 2, estimatedHours: 4.5 });
    const added = await run('m-trainer-es', `mutation { addModule(curriculumId: "${c.id}", input: { title: "Rumour control", outline: "Correcting false posts.", kind: EXERCISE, durationMinutes: 90, passMark: 60 }) { version modules { position title passMark } } }`);
    expect(added.data.addModule).toEqual({ version: 3, modules: [{ position: 1, title: 'First hour', passMark: null }, { position: 2, title: 'Rumour control', passMark: 60 }] });
    const events = await dbs.bySubgraph.training!.query('SELECT event FROM training.outbox WHERE entity_id = $1 ORDER BY id', [c.id]);
    expect(events.map((e: any) => e.event)).toEqual(['curriculum.created', 'curriculum.updated', 'curriculum.module_added']);
  });
});

describe('assigning curricula', () => {
  const openCount = async (curriculum: string, member: string) =>
    (await dbs.bySubgraph.training!.query(`SELECT count(*)::int AS n FROM training.assignments WHERE curriculum_id = $1 AND member_id = $2 AND status IN ('ASSIGNED', 'IN_PROGRESS')`, [curriculum, member]))[0].n;

  it('keeps national and regional trainers within their jurisdiction; EU-level trainers assign anywhere', async () => {
    const input = { curriculumId: 'cur-monitoring-limits', dueOn: nextYear };
    const before = await tableCounts();
    // A member outside the trainer's scope is answered as an unknown one.
    expect(codesOf(await run('m-trainer-es', ASSIGN, { input: { ...input, memberIds: ['m-es-1'] } }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await run('m-trainer-es', ASSIGN, { input: { ...input, memberIds: ['m-bcn-1', 'm-de-1'] } }))).toEqual(['NOT_FOUND']);
    expect(await tableCounts()).toEqual(before);
    const regional = await run('m-trainer-es', ASSIGN, { input: { ...input, memberIds: ['m-bcn-1'] } });
    expect(regional.data.assignCurriculum).toMatchObject({ createdCount: 1, alreadyAssignedCount: 0 });
    const national = await run('m-trainer-de', ASSIGN, { input: { ...input, memberIds: ['m-de-1'] } });
    expect(national.data.assignCurriculum.createdCount).toBe(1);
    const eu = await run('demo-trainer', ASSIGN, { input: { ...input, memberIds: ['m-nir-1', 'm-it-1'] } });
    expect(eu.data.assignCurriculum.createdCount).toBe(2);
    const after = await tableCounts();
    expect(after.assignments).toBe(before.assignments + 4);
    expect(after.outbox).toBe(before.outbox + 4);
  });

  it('refuses a manager curriculum for a practitioner unless the mismatch is allowed', async () => {
    const input = { curriculumId: 'cur-manager-awareness', dueOn: nextYear, memberIds: ['m-es-ct-1'] };
    const before = await tableCounts();
    expect(codesOf(await run('demo-trainer', ASSIGN, { input }))).toEqual(['BAD_USER_INPUT']);
    expect(await tableCounts()).toEqual(before);
    const allowed = await run('demo-trainer', ASSIGN, { input: { ...input, allowTierMismatch: true } });
    expect(allowed.data.assignCurriculum.createdCount).toBe(1);
  });

  it('creates no duplicate and says how many were new', async () => {
    expect(await openCount('cur-osint-basics', 'm-ie-1')).toBe(1);
    const input = { curriculumId: 'cur-osint-basics', dueOn: nextYear, memberIds: ['m-ie-1', 'm-fr-1'] };
    const first = await run('demo-trainer', ASSIGN, { input });
    expect(first.data.assignCurriculum).toMatchObject({ createdCount: 1, alreadyAssignedCount: 1 });
    expect(first.data.assignCurriculum.assignments.map((a: any) => a.assignee.id).sort()).toEqual(['m-fr-1', 'm-ie-1']);
    const before = await tableCounts();
    const again = await run('demo-trainer', ASSIGN, { input });
    expect(again.data.assignCurriculum).toMatchObject({ createdCount: 0, alreadyAssignedCount: 2 });
    expect(await tableCounts()).toEqual(before);
    expect(await openCount('cur-osint-basics', 'm-ie-1')).toBe(1);
    expect(await openCount('cur-osint-basics', 'm-fr-1')).toBe(1);
  });

  it('expands a unit-wide assignment to the agency\'s active members of the curriculum\'s audience', async () => {
    const principals = await dbs.kernel.query(`SELECT member_id, tier FROM access.principals WHERE agency_id = 'ie-garda' AND active`);
    const everyone = await run('demo-trainer', ASSIGN, { input: { curriculumId: 'cur-citizen-engagement', dueOn: nextYear, agencyId: 'ie-garda' } });
    expect(everyone.data.assignCurriculum.createdCount).toBe(principals.length);
    const practitioners = principals.filter((p: any) => p.tier === 'PRACTITIONER').map((p: any) => p.member_id).sort();
    const r = await run('demo-trainer', ASSIGN, { input: { curriculumId: 'cur-hate-speech', dueOn: nextYear, agencyId: 'ie-garda' } });
    expect(r.data.assignCurriculum.assignments.map((a: any) => a.assignee.id).sort()).toEqual(practitioners);
    const via = await dbs.bySubgraph.training!.query(`SELECT DISTINCT via_agency_id FROM training.assignments WHERE curriculum_id = 'cur-hate-speech' AND member_id = ANY($1)`, [practitioners]);
    expect(via).toEqual([{ via_agency_id: 'ie-garda' }]);
    expect(codesOf(await run('m-trainer-es', ASSIGN, { input: { curriculumId: 'cur-citizen-engagement', dueOn: nextYear, agencyId: 'ie-garda' } }))).toEqual(['NOT_FOUND']);
  });

  it('sends as many SQL statements for a unit-wide assignment of 500 members as of 5', async () => {
    const principals = (agency: string, n: number) => Array.from({ length: n }, (_, i) => ({
      member_id: `${agency}-${i}`, agency_id: agency, jurisdiction: 'ES-CT', jurisdiction_path: ['ES-CT', 'ES', 'EU'], org_kind: 'LEA',
      tier: 'PRACTITIONER', roles: [], active: true,
    }));
    await dbs.kernel.query(
      `INSERT INTO access.principals (member_id, agency_id, jurisdiction, jurisdiction_path, org_kind, tier, roles, active)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(member_id text, agency_id text, jurisdiction text, jurisdiction_path text[],
         org_kind text, tier text, roles text[], active boolean)`, [JSON.stringify([...principals('test-unit-five', 5), ...principals('test-unit-many', 500)])]);
    const Q = `mutation($agency: ID!, $due: Date!) { assignCurriculum(input: { curriculumId: "cur-monitoring-limits", agencyId: $agency, dueOn: $due }) {
      createdCount assignments { id status curriculum { id } } } }`;
    const small = await countStatements(() => run('m-trainer-es', Q, { agency: 'test-unit-five', due: nextYear }));
    const large = await countStatements(() => run('m-trainer-es', Q, { agency: 'test-unit-many', due: nextYear }));
    expect((small.result as any).data.assignCurriculum.createdCount).toBe(5);
    expect((large.result as any).data.assignCurriculum.createdCount).toBe(500);
    expect((large.result as any).data.assignCurriculum.assignments).toHaveLength(500);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(10);
  });
});

describe('progress and completion', () => {
  const RECORD = `mutation($a: ID!, $m: ID!, $done: Boolean!, $score: Int) { recordModuleProgress(assignmentId: $a, moduleId: $m, completed: $done, score: $score) {
    status completedOn refreshDueOn needsRefresh progress { module { id } completed score passed } } }`;

  it('completes an assignment when every module is passed, with the refresher date from validityMonths', async () => {
    const seeded = trainingSeed.assignments.find((a) => a.member === 'demo-practitioner-de' && a.status === 'ASSIGNED')!;
    const c = curriculumOf(seeded.curriculum);
    const moduleId = (position: number) => seedModuleId(c.id, position);
    const me = 'demo-practitioner-de';
    const first = await run(me, RECORD, { a: seeded.id, m: moduleId(1), done: true, score: 90 });
    expect(first.errors).toBeUndefined();
    expect(first.data.recordModuleProgress.status).toBe(seeded.dueOn < today() ? 'OVERDUE' : 'IN_PROGRESS');
    const failed = await run(me, RECORD, { a: seeded.id, m: moduleId(2), done: true, score: c.modules[1]!.passMark! - 1 });
    expect(failed.data.recordModuleProgress.progress[1]).toEqual({ module: { id: moduleId(2) }, completed: true, score: c.modules[1]!.passMark! - 1, passed: false });
    expect(failed.data.recordModuleProgress.completedOn).toBeNull();
    for (let i = 2; i <= c.modules.length; i++) await run(me, RECORD, { a: seeded.id, m: moduleId(i), done: true, score: 100 });
    const done = await run(me, `{ myAssignments(status: COMPLETED) { id completedOn refreshDueOn progress { passed } } }`);
    const mine = done.data.myAssignments.find((a: any) => a.id === seeded.id);
    expect(mine).toEqual({ id: seeded.id, completedOn: today(), refreshDueOn: addMonths(today(), c.validityMonths), progress: c.modules.map(() => ({ passed: true })) });
    const events = await dbs.bySubgraph.training!.query('SELECT event FROM training.outbox WHERE entity_id = $1 ORDER BY id', [seeded.id]);
    expect(events.map((e: any) => e.event)).toEqual([...Array(c.modules.length).fill('assignment.progressed'), 'assignment.completed']);
    expect(codesOf(await run(me, RECORD, { a: seeded.id, m: moduleId(1), done: true, score: 95 }))).toEqual(['BAD_USER_INPUT']);
  });

  const inProgress = () => trainingSeed.assignments.find((a) => a.member === 'm-nl-1')!;
  const bad: [string, string | null, () => Record<string, unknown>, string][] = [
    ['a score above 100', 'm-nl-1', () => ({ a: inProgress().id, m: seedModuleId(inProgress().curriculum, 2), done: true, score: 101 }), 'BAD_USER_INPUT'],
    ['a module of another curriculum', 'm-nl-1', () => ({ a: inProgress().id, m: seedModuleId('cur-osint-basics', 1), done: true }), 'BAD_USER_INPUT'],
    ['a trainer recording for the assignee', 'demo-trainer', () => ({ a: inProgress().id, m: seedModuleId(inProgress().curriculum, 2), done: true }), 'FORBIDDEN'],
    ['the assignee\'s manager', 'm-nl-2', () => ({ a: inProgress().id, m: seedModuleId(inProgress().curriculum, 2), done: true }), 'FORBIDDEN'],
    ['a member who may not see the assignment', 'demo-practitioner-es', () => ({ a: inProgress().id, m: seedModuleId(inProgress().curriculum, 2), done: true }), 'NOT_FOUND'],
    ['an unknown assignment', 'm-nl-1', () => ({ a: 'asg-nope', m: seedModuleId(inProgress().curriculum, 2), done: true }), 'NOT_FOUND'],
    ['an anonymous caller', null, () => ({ a: inProgress().id, m: seedModuleId(inProgress().curriculum, 2), done: true }), 'UNAUTHENTICATED'],
  ];
  it.each(bad)('answers %s with a coded error and writes nothing', async (_name, who, variables, code) => {
    const before = await tableCounts();
    expect(codesOf(await run(who, RECORD, variables()))).toEqual([code]);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('bad input and refusals write nothing', () => {
  const CREATE = 'mutation($input: CreateCurriculumInput!) { createCurriculum(input: $input) { id } }';
  const UPDATE = 'mutation($id: ID!, $v: Int!, $input: UpdateCurriculumInput!) { updateCurriculum(id: $id, expectedVersion: $v, input: $input) { id } }';
  const CANCEL = 'mutation($id: ID!) { cancelAssignment(id: $id) { id status } }';
  const base = { title: 'Deepfakes for investigators', summary: 'Recognising synthetic media.', audience: 'PRACTITIONER', topics: ['INVESTIGATION'], language: 'en', estimatedHours: 2, visibility: 'LEA', validityMonths: 12 };
  const assign = { curriculumId: 'cur-osint-basics', dueOn: nextYear };
  const completed = trainingSeed.assignments.find((a) => a.status === 'COMPLETED' && a.member === 'm-nl-2')!;
  const cases: [string, string, string | null, Record<string, unknown>, string][] = [
    ['memberIds and agencyId together', ASSIGN, 'demo-trainer', { input: { ...assign, memberIds: ['m-ie-1'], agencyId: 'ie-garda' } }, 'BAD_USER_INPUT'],
    ['neither memberIds nor agencyId', ASSIGN, 'demo-trainer', { input: assign }, 'BAD_USER_INPUT'],
    ['a due date in the past', ASSIGN, 'demo-trainer', { input: { ...assign, dueOn: '2020-01-01', memberIds: ['m-ie-2'] } }, 'BAD_USER_INPUT'],
    ['an impossible due date', ASSIGN, 'demo-trainer', { input: { ...assign, dueOn: '2027-02-30', memberIds: ['m-ie-2'] } }, 'BAD_USER_INPUT'],
    ['a repeated member', ASSIGN, 'demo-trainer', { input: { ...assign, memberIds: ['m-ie-2', 'm-ie-2'] } }, 'BAD_USER_INPUT'],
    ['an unknown member', ASSIGN, 'demo-trainer', { input: { ...assign, memberIds: ['m-ie-2', 'm-nobody'] } }, 'NOT_FOUND'],
    ['an unknown curriculum', ASSIGN, 'demo-trainer', { input: { ...assign, curriculumId: 'cur-nope', memberIds: ['m-ie-2'] } }, 'NOT_FOUND'],
    ['an agency with no members', ASSIGN, 'demo-trainer', { input: { ...assign, agencyId: 'no-such-agency' } }, 'NOT_FOUND'],
    ['no TRAINER role', ASSIGN, 'demo-manager-es', { input: { ...assign, memberIds: ['m-es-ct-1'] } }, 'FORBIDDEN'],
    ['an anonymous caller', ASSIGN, null, { input: { ...assign, memberIds: ['m-ie-2'] } }, 'UNAUTHENTICATED'],
    ['a bad language', CREATE, 'm-trainer-es', { input: { ...base, language: 'english' } }, 'BAD_USER_INPUT'],
    ['no topic', CREATE, 'm-trainer-es', { input: { ...base, topics: [] } }, 'BAD_USER_INPUT'],
    ['zero hours', CREATE, 'm-trainer-es', { input: { ...base, estimatedHours: 0 } }, 'BAD_USER_INPUT'],
    ['a visibility above the trainer\'s own tier', CREATE, 'm-trainer-es', { input: { ...base, visibility: 'MANAGEMENT' } }, 'BAD_USER_INPUT'],
    ['a malformed procedure id', CREATE, 'm-trainer-es', { input: { ...base, relatedProcedures: ['Not An Id'] } }, 'BAD_USER_INPUT'],
    ['a module without duration', CREATE, 'm-trainer-es', { input: { ...base, modules: [{ title: 'One', outline: 'Outline', kind: 'WEBINAR', durationMinutes: 0 }] } }, 'BAD_USER_INPUT'],
    ['an empty update', UPDATE, 'm-trainer-es', { id: 'cur-monitoring-limits', v: 1, input: {} }, 'BAD_USER_INPUT'],
    ['a stale version', UPDATE, 'm-trainer-es', { id: 'cur-monitoring-limits', v: 7, input: { title: 'Stale title' } }, 'CONFLICT'],
    ['another agency\'s curriculum', UPDATE, 'm-trainer-de', { id: 'cur-monitoring-limits', v: 1, input: { title: 'Taken over' } }, 'FORBIDDEN'],
    ['an unknown curriculum update', UPDATE, 'm-trainer-es', { id: 'cur-nope', v: 1, input: { title: 'Ghost' } }, 'NOT_FOUND'],
    ['cancelling a completed assignment', CANCEL, 'demo-trainer', { id: completed.id }, 'BAD_USER_INPUT'],
    ['cancelling outside the trainer\'s scope', CANCEL, 'm-trainer-es', { id: completed.id }, 'NOT_FOUND'],
  ];
  it.each(cases)('answers %s with a coded error', async (_name, op, who, variables, code) => {
    const before = await tableCounts();
    expect(codesOf(await run(who, op, variables))).toEqual([code]);
    expect(await tableCounts()).toEqual(before);
  });

  it('cancels an open assignment and lets it be assigned again', async () => {
    const open = trainingSeed.assignments.find((a) => a.member === 'm-de-3')!;
    const r = await run('m-trainer-de', CANCEL, { id: open.id });
    expect(r.data.cancelAssignment).toEqual({ id: open.id, status: 'CANCELLED' });
    const again = await run('demo-trainer', ASSIGN, { input: { curriculumId: open.curriculum, dueOn: nextYear, memberIds: ['m-de-3'] } });
    expect(again.data.assignCurriculum.createdCount).toBe(1);
    expect((await run('m-de-3', '{ myAssignments { id } }')).data.myAssignments.map((a: any) => a.id)).not.toContain(open.id);
  });
});

describe('refresh on content change', () => {
  const publish = (ids: string[], event = 'procedure.published') => dbs.bySubgraph.procedures!.transaction((tx) =>
    emitEvents(tx, 'procedures', ids.map((id) => ({ entityType: 'Procedure', entityId: id, event, payload: { version: 9 } }))));
  const drain = () => drainUntilCaughtUp(dbs.bySubgraph.training!, procedureChanged);
  const refreshEvents = async () => (await dbs.bySubgraph.training!.query(`SELECT count(*)::int AS n FROM training.outbox WHERE event = 'assignment.needs_refresh'`))[0].n;

  it('marks completed assignments of curricula teaching a changed procedure, once', async () => {
    const procedure = 'proc-de-investigation';
    const teaching = trainingSeed.curricula.filter((c) => c.relatedProcedures.includes(procedure)).map((c) => c.id);
    const expected: { id: string }[] = await dbs.bySubgraph.training!.query(
      `SELECT id FROM training.assignments WHERE curriculum_id = ANY($1) AND status = 'COMPLETED' ORDER BY id`, [teaching]);
    expect(expected.length).toBeGreaterThan(0);
    const before = await refreshEvents();
    await publish(['proc-nl-communication'], 'procedure.updated');
    await publish([procedure]);
    await drain();
    const marked = await dbs.bySubgraph.training!.query(`SELECT id FROM training.assignments WHERE needs_refresh ORDER BY id`);
    expect(marked).toEqual(expected);
    expect(await refreshEvents()).toBe(before + expected.length);
    await publish([procedure], 'procedure.needs_review');
    await drain();
    expect(await dbs.bySubgraph.training!.query(`SELECT id FROM training.assignments WHERE needs_refresh ORDER BY id`)).toEqual(expected);
    expect(await refreshEvents()).toBe(before + expected.length);
    const seen = await run('demo-trainer', `{ assignments(filter: { status: COMPLETED }, first: 100) { nodes { id needsRefresh } } }`);
    for (const n of seen.data.assignments.nodes) expect(n.needsRefresh, n.id).toBe(expected.some((e) => e.id === n.id));
  });
});

describe('assigning only what the assignee may read', () => {
  it('refuses a named member who may not read the curriculum and leaves such members out of a unit-wide assignment', async () => {
    // A manager of the Catalan police who also trains: in scope for the whole unit.
    await dbs.kernel.query(`UPDATE access.principals SET roles = '{EDITOR,TRAINER}' WHERE member_id = 'demo-manager-es'`);
    const managerTrainer = await viewerOf(dbs, 'demo-manager-es');
    const created = await client.run<any>(managerTrainer, `mutation($input: CreateCurriculumInput!) { createCurriculum(input: $input) { id } }`, {
      input: {
        title: 'Briefing on covert online operations (test)', summary: 'For managers only.', audience: 'ALL', topics: ['INVESTIGATION'],
        language: 'ca', estimatedHours: 2, visibility: 'MANAGEMENT', validityMonths: 12,
        modules: [{ title: 'Oversight', outline: 'Who signs off.', kind: 'CLASSROOM', durationMinutes: 60, passMark: 50 }],
      },
    });
    expect(created.errors).toBeUndefined();
    const curriculumId = created.data.createCurriculum.id;
    const before = await dbs.bySubgraph.training!.query('SELECT count(*)::int AS n FROM training.assignments');
    const named = await client.run(managerTrainer, ASSIGN, { input: { curriculumId, memberIds: ['demo-practitioner-es'], dueOn: nextYear } });
    expect(codesOf(named)).toEqual(['BAD_USER_INPUT']);
    expect(await dbs.bySubgraph.training!.query('SELECT count(*)::int AS n FROM training.assignments')).toEqual(before);
    const unit = await client.run<any>(managerTrainer, ASSIGN, { input: { curriculumId, agencyId: 'es-ct-mossos', dueOn: nextYear } });
    expect(unit.errors).toBeUndefined();
    const tiers = await dbs.kernel.query('SELECT member_id, tier FROM access.principals WHERE member_id = ANY($1)',
      [unit.data.assignCurriculum.assignments.map((a: any) => a.assignee.id)]);
    expect(tiers.length).toBeGreaterThan(0);
    expect(tiers.every((t: any) => t.tier === 'MANAGER')).toBe(true);
  });
});
