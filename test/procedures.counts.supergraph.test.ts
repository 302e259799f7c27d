import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// A procedure list's totalCount sums counts kept with every write (procedures.published_counts) instead of walking
// every visible procedure: it must equal the procedures each viewer can actually page through, for every filter,
// right after each write, and the kept counts must equal a count of the procedures themselves.

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const VIEWERS = [null, 'demo-partner', 'demo-practitioner-es', 'demo-practitioner-de', 'demo-manager-es', 'demo-manager-de', 'demo-admin'];
const FILTERS: Record<string, unknown>[] = [
  {}, { topic: 'MONITORING' }, { jurisdictions: ['ES', 'ES-CT'] }, { status: 'IN_FORCE' }, { status: 'DRAFT' }, { status: 'WITHDRAWN' },
  { agency: 'de-by-polizei' }, { agency: 'es-ct-mossos', topic: 'INVESTIGATION' }, { tags: ['OSINT'] },
];

const LIST = `query($filter: ProcedureFilter, $first: Int!, $after: String) {
  procedures(filter: $filter, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;

async function ok<T = any>(query: string, variables: Record<string, unknown>, who: string | null): Promise<T> {
  const r = await platform.query<any>(query, variables, who);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

/** What the viewer can page through, and the totalCount each page claims. */
async function pagedThrough(who: string | null, filter: Record<string, unknown>) {
  const ids: string[] = [];
  const claimed = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const { procedures }: any = await ok(LIST, { filter, first: 7, after }, who);
    claimed.add(procedures.totalCount);
    ids.push(...procedures.nodes.map((n: any) => n.id));
    if (!procedures.pageInfo.hasNextPage) break;
    after = procedures.pageInfo.endCursor;
  }
  return { ids, claimed: [...claimed] };
}

async function expectTotalsTrue() {
  for (const who of VIEWERS) {
    for (const filter of FILTERS) {
      const { ids, claimed } = await pagedThrough(who, filter);
      expect(new Set(ids).size, `${who} ${JSON.stringify(filter)}: no procedure twice`).toBe(ids.length);
      expect(claimed, `${who} ${JSON.stringify(filter)}`).toEqual([ids.length]);
    }
  }
}

/** The kept counts against a count of the published procedures themselves. */
async function keptAgainstTruth() {
  const db = platform.databases.bySubgraph.procedures!;
  const key = 'jurisdiction_code, topic, agency_id, status, visibility, restricted_to::text';
  const kept = await db.query(`SELECT ${key}, n FROM procedures.published_counts WHERE n <> 0 ORDER BY ${key}`);
  const truth = await db.query(`SELECT ${key}, count(*)::int AS n FROM (SELECT p.jurisdiction_code, p.topic, p.agency_id, v.status,
      v.visibility, v.restricted_to FROM procedures.procedures p
      JOIN procedures.procedure_versions v ON v.procedure_id = p.id AND v.version = p.published_version) x GROUP BY ${key} ORDER BY ${key}`);
  return { kept, truth };
}

const CREATE = `mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateProcedureInput!) { updateProcedure(id: $id, expectedVersion: $v, input: $input) { version } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishProcedure(id: $id, expectedVersion: $v) { version status } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawProcedure(id: $id, reason: $reason) { status } }`;

describe('procedures totalCount from kept counts', () => {
  it('matches what every viewer pages through on the seeds, for every filter', async () => {
    const { kept, truth } = await keptAgainstTruth();
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toEqual(truth);
    await expectTotalsTrue();
  });

  it('stays true through drafts, publishing, a stricter version, a restricted one and a withdrawal', async () => {
    const { createProcedure } = await ok(CREATE, { input: {
      topic: 'MONITORING', title: 'Counted monitoring procedure', summary: 'A procedure to count.', body: 'Steps to follow.',
      tags: ['OSINT'], language: 'de', visibility: 'LEA',
    } }, 'demo-manager-de');
    const id = createProcedure.id as string;
    await expectTotalsTrue(); // a draft: its agency's managers count it, nobody else does

    await ok(PUBLISH, { id, v: 1 }, 'demo-manager-de');
    await ok(UPDATE, { id, v: 1, input: { visibility: 'MANAGEMENT', summary: 'Managers only from now on.' } }, 'demo-manager-de');
    await expectTotalsTrue(); // published LEA, with a MANAGEMENT draft above it

    await ok(PUBLISH, { id, v: 2 }, 'demo-manager-de');
    const published = await keptAgainstTruth();
    expect(published.kept).toEqual(published.truth);
    await expectTotalsTrue(); // published MANAGEMENT: practitioners lose it

    await ok(UPDATE, { id, v: 2, input: { visibility: 'LEA', restrictedTo: ['DE-BY'], summary: 'Bavaria only.' } }, 'demo-manager-de');
    await ok(PUBLISH, { id, v: 3 }, 'demo-manager-de');
    await ok(WITHDRAW, { id, reason: 'Replaced by the federal procedure.' }, 'demo-manager-de');
    const { kept, truth } = await keptAgainstTruth();
    expect(kept).toEqual(truth);
    await expectTotalsTrue();
  });

  it('moves a published version counted under a changed guard and a changed published version, whoever writes them', async () => {
    const db = platform.databases.bySubgraph.procedures!;
    await db.query(`UPDATE procedures.procedure_versions SET visibility = 'MANAGEMENT' WHERE procedure_id = 'proc-de-communication' AND version = 1`);
    await db.query(`UPDATE procedures.procedures SET published_version = 1 WHERE id = 'proc-de-by-communication'`);
    await db.query(`UPDATE procedures.procedures SET jurisdiction_code = 'DE-BY' WHERE id = 'proc-de-communication'`);
    const { kept, truth } = await keptAgainstTruth();
    expect(kept).toEqual(truth);
    await expectTotalsTrue();
  });

  it('counts a version change and a publication that race in the order they commit', async () => {
    const db = platform.databases.bySubgraph.procedures!;
    const first = db.createQueryRunner();
    const second = db.createQueryRunner();
    try {
      await first.startTransaction();
      await second.startTransaction();
      // The first changes the published version's guard; the second moves the published version while it is open.
      await first.query(`UPDATE procedures.procedure_versions SET visibility = 'LEA' WHERE procedure_id = 'proc-de-by-communication' AND version = 1`);
      const moving = second.query(`UPDATE procedures.procedures SET published_version = 2 WHERE id = 'proc-de-by-communication'`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.commitTransaction();
      await moving;
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    const { kept, truth } = await keptAgainstTruth();
    expect(kept).toEqual(truth);
  });
});

describe('the planner and guarded tables', () => {
  it('has statistics on how many rows are unrestricted for every table with a restricted_to column', async () => {
    const db = platform.databases.bySubgraph.procedures!;
    const guarded = await db.query(`SELECT c.table_schema || '.' || c.table_name AS t FROM information_schema.columns c
      JOIN information_schema.tables t ON (t.table_schema, t.table_name) = (c.table_schema, c.table_name)
      WHERE c.column_name = 'restricted_to' AND t.table_type = 'BASE TABLE' ORDER BY 1`);
    const covered = await db.query(`SELECT s.stxrelid::regclass::text AS t FROM pg_statistic_ext s
      WHERE pg_get_statisticsobjdef_expressions(s.oid)::text LIKE '%cardinality(restricted_to)%' ORDER BY 1`);
    expect(guarded.length).toBeGreaterThanOrEqual(8);
    expect(covered.map((r: any) => r.t)).toEqual(guarded.map((r: any) => r.t));
  });
});
